import { stringify } from 'yaml';
import { actHeading } from '../load/act-heading.js';
import type { Language } from '../schema/common.js';
import type { Character } from '../schema/story.js';

/** Writes `characters/<id>.md` for a character: the private front-matter, then one section per act and language. */
export function characterFileText(character: Character, languages: readonly Language[]): string {
  const { id: _id, name: _name, profile: _profile, script, ...frontMatter } = character;
  const sections = script.flatMap((text, a) =>
    languages.flatMap((language) => {
      const body = text[language];
      return body === undefined ? [] : [`## ${actHeading(a + 1, language)}\n\n${body}\n`];
    }),
  );
  return `---\n${stringify(frontMatter, { lineWidth: 0 })}---\n\n${sections.join('\n')}`;
}
