import type { LocalizedText } from '@jubensha/protocol';
import type { Language } from './language.js';

/** A localized text in the room's language, else the other one. */
export function pick(t: LocalizedText | null | undefined, language: Language): string {
  if (!t) return '';
  return (language === 'zh' ? (t.zh ?? t.en) : (t.en ?? t.zh)) ?? '';
}

/** Long texts split into sentences of a retrievable size (a fact is a sentence, not a whole script). */
export function sentences(text: string): string[] {
  return (
    text
      // Not after an abbreviation: "No. 2", "Mr. Zheng", "9 p.m. sharp".
      .split(/\n+|(?<=[。！？!?；;])|(?<!\b(?:No|Mr|Mrs|Ms|Dr|St|Jr|Sr|vs|etc|a\.m|p\.m|[A-Z])\.)(?<=\.)\s+/)
      .map((s) =>
        s
          .replace(/\*\*/g, '')
          .replace(/^[#>*\-\s”’」』)）]+/, '')
          .trim(),
      )
      // Headings and fragments ("你能做的：") say nothing.
      .filter((s) => s.replace(/[^\p{L}\p{N}]/gu, '').length >= 6)
  );
}
