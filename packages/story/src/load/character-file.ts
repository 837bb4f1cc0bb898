import { CharacterFrontMatterSchema } from '../schema/character-file.js';
import type { CharacterFrontMatter } from '../schema/character-file.js';
import type { Language } from '../schema/common.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parseActHeading } from './act-heading.js';
import { splitSections } from './markdown-sections.js';
import type { MarkdownSection } from './markdown-sections.js';
import { parseWithSchema } from './schema-issues.js';
import { parseYamlSource } from './yaml-source.js';
import type { YamlSource } from './yaml-source.js';

export interface CharacterFile {
  file: string;
  frontMatter: CharacterFrontMatter | undefined;
  source: YamlSource | undefined;
  /** `acts.get(act)?.get(language)` is that act's script section. */
  acts: Map<number, Map<Language, MarkdownSection>>;
  /** File line where the Markdown body starts (findings about the body as a whole point here). */
  bodyLine: number;
}

/** Reads `characters/<id>.md`: YAML front-matter between `---` lines, then one `##` section per act and language. */
export function parseCharacterFile(
  text: string,
  file: string,
): { character: CharacterFile; diagnostics: Diagnostic[] } {
  const lines = text.split(/\r?\n/);
  const diagnostics: Diagnostic[] = [];
  const closing = lines[0]?.trim() === '---' ? lines.findIndex((l, i) => i > 0 && l.trim() === '---') : -1;
  if (closing < 0) {
    diagnostics.push({
      severity: 'error',
      code: 'FRONT_MATTER_MISSING',
      message: 'a character file starts with YAML front-matter: a --- line, the YAML, another --- line',
      file,
      line: 1,
      col: 1,
    });
  }
  let frontMatter: CharacterFrontMatter | undefined;
  let source: YamlSource | undefined;
  if (closing > 0) {
    const parsed = parseYamlSource(lines.slice(1, closing).join('\n'), file, 2);
    source = parsed.source;
    diagnostics.push(...parsed.diagnostics);
    if (parsed.source.data !== undefined || parsed.diagnostics.every((d) => d.severity !== 'error')) {
      const schema = parseWithSchema(CharacterFrontMatterSchema, parsed.source);
      frontMatter = schema.value;
      diagnostics.push(...schema.diagnostics);
    }
  }
  const bodyIndex = closing + 1;
  const acts = new Map<number, Map<Language, MarkdownSection>>();
  for (const section of splitSections(lines.slice(bodyIndex).join('\n'), bodyIndex + 1)) {
    const heading = parseActHeading(section.heading);
    const at = { file, line: section.line, col: 1 };
    if (!heading) {
      diagnostics.push({
        severity: 'error',
        code: 'SECTION_UNKNOWN',
        message: `"## ${section.heading}" is not an act heading: write "## Act 1" or "## 第一幕"`,
        ...at,
      });
      continue;
    }
    const byLanguage = acts.get(heading.act) ?? new Map<Language, MarkdownSection>();
    acts.set(heading.act, byLanguage);
    if (byLanguage.has(heading.language)) {
      diagnostics.push({
        severity: 'error',
        code: 'SECTION_DUPLICATE',
        message: `act ${heading.act} (${heading.language}) has a second section`,
        ...at,
      });
      continue;
    }
    byLanguage.set(heading.language, section);
  }
  return { character: { file, frontMatter, source, acts, bodyLine: bodyIndex + 1 }, diagnostics };
}
