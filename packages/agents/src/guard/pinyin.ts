import { pinyin } from 'pinyin-pro';
import { hasCjk } from '../text/language.js';
import { editDistance } from './edit-distance.js';

/**
 * Latin text as pinyin is typed: tone marks gone (NFD, then the marks dropped: "wǒ" → "wo", "nǚ" → "nu"),
 * lowercase, tone digits dropped ("wo3" → "wo"), split into words on everything else.
 */
export function pinyinWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\d/g, '')
    .split(/[^a-z]+/)
    .filter((w) => w.length > 0);
}

/** Toneless pinyin of a Chinese text, squashed to letters: "我杀了他" → "woshaleta". */
const cache = new Map<string, string>();
export function squashedPinyin(chinese: string): string {
  let out = cache.get(chinese);
  if (out === undefined) {
    // The phrases and secret runs of a few stories: a bound only against a server that runs for months.
    if (cache.size > 100_000) cache.clear();
    out = pinyin(chinese, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
      .flatMap(pinyinWords)
      .join('');
    cache.set(chinese, out);
  }
  return out;
}

/** Below this many letters a phrase's pinyin is too easily an English word or two ("tamen", "shen man"). */
const SHORT = 8;

/**
 * Whether Latin text spells a Chinese phrase in pinyin: with or without spaces, tone marks or tone
 * digits ("wo sha le ta", "woshaleta", "wǒ shā le tā", "wo3 sha1 le ta1"). A long rendering may carry a
 * slip or two (the same slack as squashed English); a short one counts only as whole words, exactly.
 */
export function saysInPinyin(text: string, phrase: string): boolean {
  if (!hasCjk(phrase) || !/[A-Za-z]/.test(text)) return false;
  const p = squashedPinyin(phrase);
  if (p.length === 0) return false;
  const words = lastWords(text);
  if (p.length < SHORT) return wholeWords(words, p);
  const t = words.join('');
  if (t.includes(p)) return true;
  const slack = Math.floor(p.length / 8);
  // A window within `slack` edits keeps all but 3·slack of the phrase's letter triples: with fewer of
  // them anywhere in the text, no window can be near enough (this skips the scan for ordinary English).
  let kept = 0;
  for (let i = 0; i + 3 <= p.length; i++) if (t.includes(p.slice(i, i + 3))) kept++;
  if (kept < p.length - 2 - 3 * slack) return false;
  for (let len = p.length - slack; len <= p.length + slack; len++)
    for (let i = 0; i + len <= t.length; i++)
      if (editDistance(t.slice(i, i + len), p, slack) <= slack) return true;
  return false;
}

/** A text is checked against every phrase in turn: read it once, not once per phrase. */
let last: { text: string; words: string[] } | null = null;
function lastWords(text: string): string[] {
  if (last?.text !== text) last = { text, words: pinyinWords(text) };
  return last.words;
}

/** Whether consecutive words, joined, are exactly `p` ("ta men" and "tamen", not "stamina"). */
function wholeWords(words: string[], p: string): boolean {
  for (let i = 0; i < words.length; i++) {
    let joined = '';
    for (let j = i; j < words.length && p.startsWith(joined) && joined.length < p.length; j++) {
      joined += words[j];
      if (joined === p) return true;
    }
  }
  return false;
}

/** Pinyin of a secret run shorter than this says too little to count (a run of names, a number). */
const RUN_LETTERS = 12;

/** The pinyin of a set's Chinese runs, by their first RUN_LETTERS letters; built once per set. */
const indexes = new WeakMap<Set<string>, Map<string, string[]>>();
function pinyinIndex(secretRuns: Set<string>): Map<string, string[]> {
  let index = indexes.get(secretRuns);
  if (!index) {
    index = new Map();
    for (const run of secretRuns) {
      if (!hasCjk(run)) continue;
      const p = squashedPinyin(run);
      if (p.length < RUN_LETTERS) continue;
      const key = p.slice(0, RUN_LETTERS);
      index.set(key, [...(index.get(key) ?? []), p]);
    }
    indexes.set(secretRuns, index);
  }
  return index;
}

/**
 * How many Chinese secret runs (see sharedShingles) a Latin text spells in pinyin: a reply that
 * writes out the secret's own sentences in pinyin leaks them as surely as in characters.
 */
export function sharedPinyinRuns(text: string, secretRuns: Set<string>): number {
  const t = pinyinWords(text).join('');
  if (t.length < RUN_LETTERS) return 0;
  const index = pinyinIndex(secretRuns);
  const seen = new Set<string>();
  for (let i = 0; i + RUN_LETTERS <= t.length; i++)
    for (const p of index.get(t.slice(i, i + RUN_LETTERS)) ?? []) if (t.startsWith(p, i)) seen.add(p);
  return seen.size;
}
