import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { hasCjk } from './language.js';

let jieba: Jieba | null = null;

/** Loading the dictionary takes most of a second: once per process, on first use. */
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

const EN_STOP = new Set(
  'a an the and or but of to in on at for by with from as is are was were be been am i you he she it we they me him her us them my your his its our their this that these those do did does what who whom which when where why how not no yes so if then than there here have has had will would can could should shall may might must just about into over out up down'.split(
    ' ',
  ),
);
const ZH_STOP = new Set([
  '的',
  '了',
  '是',
  '在',
  '我',
  '你',
  '他',
  '她',
  '吗',
  '呢',
  '吧',
  '啊',
  '和',
  '就',
  '也',
  '都',
  '还',
  '那',
  '这',
  '有',
  '不',
  '说',
]);

/** A light English stem: enough to match "searched" with "search" and "clues" with "clue". */
export function stemEn(word: string): string {
  const w = word.toLowerCase();
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/** English words of a text, lowercased and stemmed, stop words kept (for phrase matching). */
export function englishWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? []).map((w) => stemEn(w.replace(/'.*$/, '')));
}

/**
 * Search terms of a text in either language: Chinese through jieba's search mode (words and their
 * parts), English as stemmed words; stop words and punctuation dropped.
 */
export function terms(text: string): string[] {
  const out: string[] = [];
  if (hasCjk(text)) {
    for (const t of segmenter().cutForSearch(text, true)) {
      const w = t.trim().toLowerCase();
      if (!w || /^[\p{P}\p{S}\s]+$/u.test(w) || ZH_STOP.has(w)) continue;
      if (/^[a-z0-9']+$/.test(w)) {
        if (!EN_STOP.has(w)) out.push(stemEn(w));
      } else out.push(w);
    }
    return out;
  }
  for (const w of englishWords(text)) if (!EN_STOP.has(w)) out.push(w);
  return out;
}
