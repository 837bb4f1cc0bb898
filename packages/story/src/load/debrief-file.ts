import type { Language } from '../schema/common.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parseDebriefHeading } from './act-heading.js';
import { splitSections } from './markdown-sections.js';
import type { MarkdownSection } from './markdown-sections.js';

/** Reads `debrief.md`: one `## English` / `## 中文` section per language. */
export function parseDebriefFile(
  text: string,
  file: string,
): { sections: Map<Language, MarkdownSection>; diagnostics: Diagnostic[] } {
  const sections = new Map<Language, MarkdownSection>();
  const diagnostics: Diagnostic[] = [];
  for (const section of splitSections(text, 1)) {
    const language = parseDebriefHeading(section.heading);
    const at = { file, line: section.line, col: 1 };
    if (language === undefined) {
      diagnostics.push({
        severity: 'error',
        code: 'SECTION_UNKNOWN',
        message: `"## ${section.heading}" is not a debrief language: write "## English" or "## 中文"`,
        ...at,
      });
    } else if (sections.has(language)) {
      diagnostics.push({
        severity: 'error',
        code: 'SECTION_DUPLICATE',
        message: `the debrief has a second ${language} section`,
        ...at,
      });
    } else {
      sections.set(language, section);
    }
  }
  return { sections, diagnostics };
}
