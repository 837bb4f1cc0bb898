/** The two table languages. */
export type Language = 'zh' | 'en';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/g;
const LATIN = /[A-Za-z]/g;

/**
 * The language a text is written in, by script: Chinese when CJK characters make up at least a quarter
 * of its letters (English names inside Chinese speech are common, Chinese inside English speech rare).
 * null when the text has no letters at all.
 */
export function detectLanguage(text: string): Language | null {
  const cjk = text.match(CJK)?.length ?? 0;
  // A Latin word counts about as much as one Chinese character.
  const latin = (text.match(LATIN)?.length ?? 0) / 4;
  if (cjk + latin === 0) return null;
  return cjk / (cjk + latin) >= 0.25 ? 'zh' : 'en';
}

export function hasCjk(text: string): boolean {
  return /[\u3400-\u9fff]/.test(text);
}
