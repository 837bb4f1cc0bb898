import { englishWords } from '../text/segment.js';
import { hasCjk } from '../text/language.js';
import { editDistance } from './edit-distance.js';
import { saysInPinyin } from './pinyin.js';

/** NFKC, lowercase, and nothing but letters and digits: "我 用-火钎，砸了" and "我用火钎砸了" compare equal. */
export function squash(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) {
    const g = s.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/** Dice coefficient over character bigrams: 1 same, 0 nothing shared. */
function dice(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return a === b ? 1 : 0;
  const x = bigrams(a);
  const y = bigrams(b);
  let shared = 0;
  for (const [g, n] of x) shared += Math.min(n, y.get(g) ?? 0);
  return (2 * shared) / (a.length - 1 + (b.length - 1));
}

/**
 * Whether `text` says `phrase`, exactly or nearly. Chinese has no spaces, so both are squashed to
 * letters and every window of about the phrase's length is compared by bigram overlap and edit
 * distance (a changed, dropped or inserted character still matches); a Chinese phrase spelled out in
 * pinyin counts too. English is compared on stemmed words (every word of the phrase, in order, within
 * a short span) and also squashed, which catches spaced-out or hyphenated letters.
 */
export function saysPhrase(text: string, phrase: string): boolean {
  const p = squash(phrase);
  if (p.length < 2) return false;
  const t = squash(text);
  if (t.includes(p)) return true;
  if (hasCjk(phrase)) return saysChinese(t, p) || saysInPinyin(text, phrase);
  const words = englishWords(phrase);
  const have = englishWords(text);
  if (words.length === 0) return false;
  const span = words.length + Math.max(2, Math.ceil(words.length / 2));
  for (let i = 0; i < have.length; i++) {
    if (have[i] !== words[0]) continue;
    let k = 1;
    for (let j = i + 1; j < have.length && j < i + span && k < words.length; j++)
      if (have[j] === words[k]) k++;
    if (k >= words.length || (words.length >= 4 && k >= words.length - 1)) return true;
  }
  // Squashed English with a typo or two.
  if (p.length >= 8) {
    const slack = Math.floor(p.length / 8);
    for (let i = 0; i + p.length <= t.length; i++)
      if (editDistance(t.slice(i, i + p.length), p, slack) <= slack) return true;
  }
  return false;
}

/** A squashed Chinese phrase `p` nearly anywhere in squashed text `t`. */
function saysChinese(t: string, p: string): boolean {
  // Each edit breaks at most two bigrams: with under a third of the phrase's bigrams anywhere in
  // the text, no window can be near enough (this skips the window scan for almost every text).
  const pb = [...bigrams(p).keys()];
  if (pb.filter((g) => t.includes(g)).length < pb.length / 3) return false;
  const slack = Math.max(1, Math.floor(p.length / 4));
  for (let len = p.length - slack; len <= p.length + slack; len++) {
    for (let i = 0; i + len <= t.length; i++) {
      const w = t.slice(i, i + len);
      if (dice(w, p) >= 0.6 || editDistance(w, p, slack) <= slack) return true;
    }
  }
  return false;
}

/** Shingle length in squashed characters: six Chinese characters, or about three English words. */
function shingleLength(text: string): number {
  return hasCjk(text) ? 6 : 16;
}

/** Every squashed shingle of a text. */
export function shingles(text: string): Set<string> {
  const t = squash(text);
  const n = shingleLength(text);
  const out = new Set<string>();
  for (let i = 0; i + n <= t.length; i++) out.add(t.slice(i, i + n));
  return out;
}

/**
 * How many shingles of `secret` a text repeats: a reply that copies two or more runs found only in
 * the character's secrets gives the secret away, whatever its must-not-reveal phrases say.
 */
export function sharedShingles(text: string, secret: Set<string>): number {
  const t = squash(text);
  let shared = 0;
  const seen = new Set<string>();
  for (const n of [6, 16]) {
    for (let i = 0; i + n <= t.length; i++) {
      const s = t.slice(i, i + n);
      if (secret.has(s) && !seen.has(s)) {
        seen.add(s);
        shared++;
      }
    }
  }
  return shared;
}
