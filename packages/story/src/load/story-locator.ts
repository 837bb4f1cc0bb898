import type { Locate, SourcePosition } from '../diagnostics/diagnostic.js';
import type { Language } from '../schema/common.js';
import { LANGUAGES } from '../schema/common.js';
import type { CharacterFile } from './character-file.js';
import type { MarkdownSection } from './markdown-sections.js';
import { lineOfOffset } from './markdown-sections.js';
import type { YamlSource } from './yaml-source.js';

/** Where each part of a `Story` lives, for anchoring validator findings at the author's own lines. */
export interface StorySources {
  story: YamlSource;
  characters: (CharacterFile | undefined)[];
  debrief: { file: string; sections: Map<Language, MarkdownSection> };
}

const PROFILE_KEYS = new Set(['id', 'name', 'profile']);

export function storyLocator(sources: StorySources): Locate {
  return (path, options = {}) => {
    const [head, index, field, ...rest] = path;
    if (head === 'acts') return sources.story.locate(['phases']);
    if (head === 'debrief') {
      const section = sources.debrief.sections.get(index as Language);
      return { file: sources.debrief.file, line: section?.line ?? 1, col: 1 };
    }
    if (head === 'characters' && typeof index === 'number' && field !== undefined) {
      const character = sources.characters[index];
      if (!PROFILE_KEYS.has(String(field)) && character) {
        if (field === 'script') return locateScript(character, rest, options.textOffset);
        return (
          character.source?.locate([field, ...rest], options.key) ?? { file: character.file, line: 1, col: 1 }
        );
      }
    }
    return sources.story.locate(path, options.key);
  };
}

function locateScript(
  character: CharacterFile,
  [actIndex, language]: (string | number)[],
  textOffset: number | undefined,
): SourcePosition {
  const sections = character.acts.get(Number(actIndex) + 1);
  const section = sections?.get(language as Language);
  if (section) {
    const line = textOffset === undefined ? section.line : lineOfOffset(section, textOffset);
    return { file: character.file, line, col: 1 };
  }
  // A missing section is reported at the same act in another language, else where the body begins.
  const sibling = LANGUAGES.map((l) => sections?.get(l)).find((s) => s !== undefined);
  return { file: character.file, line: sibling?.line ?? character.bodyLine, col: 1 };
}
