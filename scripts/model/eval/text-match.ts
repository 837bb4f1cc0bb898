import type { Language } from '@jubensha/agents';

const norm = (s: string) => s.normalize('NFKC').toLowerCase();

/** Whether `reply` contains `entity`: as written for Chinese, ignoring case for English. */
export function containsEntity(reply: string, entity: string, lang: Language): boolean {
  return lang === 'zh'
    ? reply.normalize('NFKC').includes(entity.normalize('NFKC'))
    : norm(reply).includes(norm(entity));
}

const EN_HOURS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve';

/**
 * Times, numbers and amounts a text states. The guard's own pattern (digits, Chinese numerals with 点, 万,
 * 千, 块 or 元), plus the spoken English clock times the corpus writes ("half past nine", "twenty to ten",
 * "nine o'clock"), which the guard's digits-only pattern would let a withholding reply slip past.
 */
export function statedFigures(text: string): string[] {
  const t = text.normalize('NFKC');
  const guard =
    t.match(
      /\d+(?:[:：.]\d+)?|[零一二三四五六七八九十百千万两]+(?:点[零一二三四五六七八九十半]*|万|千|块|元)/g,
    ) ?? [];
  const clock = new RegExp(
    `\\b(?:(?:half|a quarter|quarter|five|ten|twenty|twenty-five) (?:past|to) (?:${EN_HOURS})|(?:${EN_HOURS}) o['’]clock)\\b`,
    'gi',
  );
  return [...guard, ...(t.match(clock) ?? []).map((m) => m.toLowerCase())];
}

/** Whether every time or number `reply` states occurs in `source` (English clock phrases ignoring case). */
export function figuresGrounded(reply: string, source: string): boolean {
  const known = norm(source);
  return statedFigures(reply).every((f) => known.includes(norm(f)));
}

/** Words that address a person without naming them ("Uncle De" counts whole, "Uncle" alone does not). */
const TITLES = new Set([
  'uncle',
  'auntie',
  'aunt',
  'mr',
  'mrs',
  'miss',
  'ms',
  'dr',
  'old',
  'young',
  'little',
]);

/**
 * The ways a table names a character: the full name, its nickname in brackets (罗德昌（德叔）), the given name
 * (Chinese names of three or more characters less the surname; English name words of three letters or more).
 */
export function nameForms(name: string, lang: Language): string[] {
  const parts = name
    .split(/[（）()]/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  const forms = new Set(parts);
  for (const part of parts) {
    if (lang === 'zh') {
      const chars = [...part];
      if (chars.length >= 3) forms.add(chars.slice(1).join(''));
    } else {
      for (const word of part.split(/\s+/))
        if (word.length >= 3 && !TITLES.has(word.toLowerCase())) forms.add(word);
    }
  }
  return [...forms];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every place one of the forms of `name` occurs (English ignoring case, on word boundaries: "Lin" is not in "linen"). */
function namePattern(name: string, lang: Language): RegExp | null {
  const forms = nameForms(name, lang)
    .sort((a, b) => b.length - a.length)
    .map((f) => escape(f.normalize('NFKC')));
  if (forms.length === 0) return null;
  return lang === 'zh'
    ? new RegExp(forms.join('|'), 'gu')
    : new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

/** Whether `reply` names the character called `name`. */
export function namesPerson(reply: string, name: string, lang: Language): boolean {
  return namePattern(name, lang)?.test(reply.normalize('NFKC')) ?? false;
}

/** Stands for any name: a copy with another name put in is still a copy, and a name alone is none. */
const NAME = '\uE000';

/** Comparison units: Chinese letters one by one, English words; a name is one unit. */
function units(text: string, lang: Language): string[] {
  const t = norm(text);
  return lang === 'zh'
    ? [...t.replace(/[^\p{L}\p{N}\uE000]/gu, '')]
    : (t.match(/[\p{L}\p{N}'\uE000]+/gu) ?? []);
}

/** A copy is at least this share of the reply's units inside runs shared with one source text. */
const COPY_SHARE = 0.6;
/** Shared runs shorter than this (4 Chinese characters, 3 English words) are common wording, not copying. */
const RUN = { zh: 4, en: 3 } as const;

/**
 * Whether `reply` is mostly a copy of one of `sources`, names aside (each form of `names` becomes one
 * placeholder in both): 60% or more of its units lie in runs of 4+ characters (zh) or 3+ words (en) that one
 * source also has, or, for a reply too short for a run, the whole reply occurs in a source.
 */
export function copiesFrom(
  reply: string,
  sources: readonly string[],
  names: readonly string[],
  lang: Language,
): boolean {
  const patterns = names.flatMap((n) => namePattern(n, lang) ?? []);
  const strip = (text: string) =>
    patterns.reduce((t, p) => t.replace(p, ` ${NAME} `), text.normalize('NFKC'));
  const mine = units(strip(reply), lang);
  if (mine.length === 0) return false;
  const n = RUN[lang];
  const joiner = lang === 'zh' ? '' : ' ';
  for (const source of sources) {
    const theirs = units(strip(source), lang);
    if (mine.length < n) {
      if (theirs.join(joiner).includes(mine.join(joiner))) return true;
      continue;
    }
    const runs = new Set<string>();
    for (let i = 0; i + n <= theirs.length; i++) runs.add(theirs.slice(i, i + n).join(joiner));
    const covered = new Array<boolean>(mine.length).fill(false);
    for (let i = 0; i + n <= mine.length; i++)
      if (runs.has(mine.slice(i, i + n).join(joiner))) covered.fill(true, i, i + n);
    if (covered.filter(Boolean).length >= COPY_SHARE * mine.length) return true;
  }
  return false;
}
