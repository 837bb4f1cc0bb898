import type { Rng } from '../rng.js';
import type { Bi } from '../text.js';

/** A clock time of the evening of the crime, in minutes after midnight. */
export type Minutes = number;

const ZH = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
const EN = [
  'twelve',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];

function zhMinutes(m: number): string {
  if (m < 10) return `零${ZH[m]}`;
  const tens = Math.floor(m / 10);
  return `${tens > 1 ? ZH[tens] : ''}十${m % 10 > 0 ? ZH[m % 10] : ''}`;
}

const forms = new Map<Minutes, { zh: string[]; en: string[] }>();

/** Spoken forms of one time: zh 九点半 / 八点四十 / 十点一刻 / 21:30; en 9:30 / half past nine / a quarter past ten. */
export function timeForms(t: Minutes): { zh: string[]; en: string[] } {
  let f = forms.get(t);
  if (!f) {
    f = computeForms(t);
    forms.set(t, f);
  }
  return f;
}

function computeForms(t: Minutes): { zh: string[]; en: string[] } {
  const h24 = Math.floor(t / 60);
  const m = t % 60;
  const h = h24 % 12 === 0 ? 12 : h24 % 12;
  const next = (h % 12) + 1;
  const digits = `${h24}:${String(m).padStart(2, '0')}`;
  const short = `${h}:${String(m).padStart(2, '0')}`;
  const zh: string[] = [digits];
  const en: string[] = [short, digits];
  if (m === 0) {
    zh.push(`${ZH[h]}点`, `${ZH[h]}点整`);
    en.push(`${EN[h]} o'clock`);
  } else if (m === 30) {
    zh.push(`${ZH[h]}点半`);
    en.push(`half past ${EN[h]}`);
  } else if (m === 15) {
    zh.push(`${ZH[h]}点一刻`, `${ZH[h]}点十五`);
    en.push(`a quarter past ${EN[h]}`);
  } else if (m === 45) {
    zh.push(`${ZH[h]}点三刻`, `${ZH[h]}点四十五`);
    en.push(`a quarter to ${EN[next]}`);
  } else {
    zh.push(`${ZH[h]}点${zhMinutes(m)}`, `${ZH[h]}点${zhMinutes(m)}分`);
    const past = PAST[m];
    const to = TO[m];
    if (past) en.push(`${past} past ${EN[h]}`);
    if (to) en.push(`${to} to ${EN[next]}`);
  }
  return { zh, en };
}

const PAST: Partial<Record<number, string>> = { 5: 'five', 10: 'ten', 20: 'twenty' };
const TO: Partial<Record<number, string>> = { 40: 'twenty', 50: 'ten', 55: 'five' };

/** One spoken form of a time, each language chosen on its own. */
export function sayTime(rng: Rng, t: Minutes): Bi {
  const forms = timeForms(t);
  return { zh: rng.pick(forms.zh), en: rng.pick(forms.en) };
}

/** Distinct evening times (19:00–23:55, five-minute steps, round ones likelier), sorted. */
export function eveningTimes(rng: Rng, n: number): Minutes[] {
  const out = new Set<Minutes>();
  while (out.size < n) {
    const step = rng.chance(0.5) ? 15 : 5;
    out.add(19 * 60 + step * rng.int(0, Math.floor((5 * 60 - 5) / step)));
  }
  return [...out].sort((a, b) => a - b);
}
