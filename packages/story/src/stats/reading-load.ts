import type { Language } from '../schema/common.js';
import type { Story } from '../schema/story.js';

/** Reading speeds for estimated minutes: Chinese characters and English words per minute. */
export const READING_SPEED: Record<Language, number> = { zh: 300, en: 200 };

export interface ReadingLoad {
  character: string;
  language: Language;
  /** Per act: Chinese characters (zh) or words (en) of the private script. */
  perAct: number[];
  total: number;
  minutes: number;
}

/** Counts what a seat reads: CJK and other non-space characters for zh (Markdown marks aside), words for en. */
export function countReading(text: string, language: Language): number {
  if (language === 'en') return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).length;
  return (text.replace(/[\s#*_>`|-]/g, '').match(/./gu) ?? []).length;
}

/** Reading load of every seat in every declared language, act by act. Pure. */
export function readingLoad(story: Story): ReadingLoad[] {
  return story.languages.flatMap((language) =>
    story.characters.map((c) => {
      const perAct = c.script.map((text) => countReading(text[language] ?? '', language));
      const total = perAct.reduce((a, b) => a + b, 0);
      return { character: c.id, language, perAct, total, minutes: total / READING_SPEED[language] };
    }),
  );
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
