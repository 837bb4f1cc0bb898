/** A level-2 section of a Markdown text: `## heading` up to the next level-2 heading. */
export interface MarkdownSection {
  heading: string;
  /** File line of the `##` heading. */
  line: number;
  /** The section's text, trimmed; level-3 and deeper headings stay inside it. */
  text: string;
  /** File line where `text` begins (for placing findings inside the section). */
  textLine: number;
}

/**
 * Splits Markdown into level-2 sections. `firstLine` is the file line of the text's first line. Text before the
 * first level-2 heading (a title, a note to the author) belongs to no section. Headings inside fenced code do
 * not count.
 */
export function splitSections(markdown: string, firstLine: number): MarkdownSection[] {
  const lines = markdown.split(/\r?\n/);
  const sections: { heading: string; line: number; body: string[]; bodyIndex: number }[] = [];
  let fence: string | undefined;
  lines.forEach((raw, index) => {
    const fenceMatch = /^\s*(```|~~~)/.exec(raw);
    if (fenceMatch) fence = fence === undefined ? fenceMatch[1] : fence === fenceMatch[1] ? undefined : fence;
    const heading = fence === undefined ? /^##(?!#)\s*(.*?)\s*#*\s*$/.exec(raw) : null;
    if (heading && !fenceMatch) {
      sections.push({ heading: heading[1] ?? '', line: firstLine + index, body: [], bodyIndex: index + 1 });
    } else {
      sections.at(-1)?.body.push(raw);
    }
  });
  return sections.map((s) => {
    const leading = s.body.findIndex((l) => l.trim() !== '');
    return {
      heading: s.heading,
      line: s.line,
      text: s.body.join('\n').trim(),
      textLine: firstLine + s.bodyIndex + Math.max(leading, 0),
    };
  });
}

/** The file line on which `offset` (an index into a section's text) falls. */
export function lineOfOffset(section: Pick<MarkdownSection, 'text' | 'textLine'>, offset: number): number {
  let line = section.textLine;
  for (let i = 0; i < offset && i < section.text.length; i++) if (section.text[i] === '\n') line++;
  return line;
}
