import type { Language } from '../schema/common.js';

const CHINESE_DIGITS = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * Reads a character file's section heading: `Act 2` (English), `第二幕` or `第2幕` (Chinese).
 * Returns undefined for any other heading.
 */
export function parseActHeading(heading: string): { act: number; language: Language } | undefined {
  const en = /^act\s+([1-9])$/i.exec(heading.trim());
  if (en) return { act: Number(en[1]), language: 'en' };
  const zh = /^第\s*([1-9一二三四五六七八九])\s*幕$/.exec(heading.trim());
  if (zh?.[1] !== undefined) {
    const digit = CHINESE_DIGITS.indexOf(zh[1]);
    return { act: digit >= 0 ? digit + 1 : Number(zh[1]), language: 'zh' };
  }
  return undefined;
}

/** The heading an author writes for an act, as `jubensha story new` and card import produce it. */
export function actHeading(act: number, language: Language): string {
  return language === 'en' ? `Act ${act}` : `第${CHINESE_DIGITS[act - 1] ?? String(act)}幕`;
}

/** Debrief headings: one section per language. */
export const DEBRIEF_HEADINGS: Record<Language, string> = { en: 'English', zh: '中文' };

export function parseDebriefHeading(heading: string): Language | undefined {
  const h = heading.trim().toLowerCase();
  if (h === 'english') return 'en';
  if (h === '中文') return 'zh';
  return undefined;
}
