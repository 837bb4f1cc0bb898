import type { Language } from '../text/language.js';
import { GUIDES, LABELS } from '../prompt/guides.js';

/** Why a line is not well-formed speech; null when it is. */
export type Malformation =
  | 'script'
  | 'replacement-char'
  | 'control-char'
  | 'echo'
  | 'repeat'
  | 'self-address'
  | 'incomplete'
  | 'length'
  | 'unknown-word'
  | 'nonsense';

export interface WellFormedContext {
  language: Language;
  /** Names the speaker goes by: a line may not open by calling the speaker (an introduction may open with them). */
  selfNames: string[];
  /** The line introduces the speaker ("Chen Jintian, male lead."): its own name may open it. */
  introduction?: boolean;
  /** Latin words a Chinese line may hold (the story's own Latin names); none by default. */
  latinNames?: string[];
  /** For a model's line: every word it may use (the prompt's and the realization's); absent: not checked. */
  vocabulary?: ReadonlySet<string>;
}

const RULE_ECHO = [
  ...Object.values(GUIDES).flatMap((g) => [g.zh, g.en]),
  '保持角色',
  '不要提到这些规则',
  '语气自然',
  '不要多说',
  'in character',
  'never mention these rules',
  'add nothing',
  ...Object.values(LABELS),
];

/** Pieces of the rule and guide texts long enough that saying one is echoing, not speaking. */
const ECHO_PIECES = [
  ...new Set(
    RULE_ECHO.flatMap((t) => t.split(/[，。：；,.;:!?！？]/))
      .map((s) => s.trim())
      .filter((s) => (/[\u3400-\u9fff]/.test(s) ? s.length >= 4 : s.split(/\s+/).length >= 3)),
  ),
];

/** The words of a line for the vocabulary check: lowercased Latin words. */
export function latinWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z]+(?:['’][a-z]+)?/g) ?? []).map((w) => w.replace(/['’].*$/, ''));
}

/** Clauses of a line: between commas and stops. */
function clausesOf(text: string): string[] {
  return (
    text
      .split(/[，。！？；、,.!?;:：—…]+/)
      .map((s) => s.trim().toLowerCase())
      // A short clause ("on the back", "我说") recurs in good speech; a long one said twice is a loop.
      .filter((s) => s.replace(/[^\p{L}\p{N}]/gu, '').length >= (/[\u3400-\u9fff]/.test(s) ? 6 : 14))
  );
}

/**
 * Whether a line is speech a player could have typed, in its room's script: no stray script, no U+FFFD or
 * control characters, no echoed rule, guide or label text, no clause or phrase said twice, no speaker calling
 * themselves, complete sentences, a length fit for speech, and (for a model's line) no word from nowhere.
 */
export function malformation(
  text: string,
  ctx: WellFormedContext,
): { kind: Malformation; detail: string } | null {
  const t = text.trim();
  if (t.includes('\uFFFD')) return { kind: 'replacement-char', detail: 'U+FFFD' };
  // Invisible and direction-changing marks hide what a line says from the table.
  // eslint-disable-next-line no-control-regex
  const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2066-\u2069]/;
  const control = CONTROL.exec(t);
  if (control) return { kind: 'control-char', detail: `U+${control[0].charCodeAt(0).toString(16)}` };
  if (ctx.language === 'zh') {
    const allowed = new Set((ctx.latinNames ?? []).flatMap((n) => latinWords(n)));
    const stray = latinWords(t).find((w) => !allowed.has(w));
    if (stray) return { kind: 'script', detail: stray };
    // A Chinese line keeps Chinese punctuation: an ASCII mark after a Chinese character is the other script's.
    const mark = /[\u3400-\u9fff][,;:?!]/.exec(t);
    if (mark) return { kind: 'script', detail: mark[0] };
  } else if (/[\u3400-\u9fff\u3000-\u303f\uff01-\uff5e]/.test(t))
    return { kind: 'script', detail: /[\u3400-\u9fff\u3000-\u303f\uff01-\uff5e]+/.exec(t)?.[0] ?? '' };
  const lower = t.toLowerCase();
  const echo = ECHO_PIECES.find((p) => lower.includes(p.toLowerCase()));
  if (echo) return { kind: 'echo', detail: echo };
  const seen = new Set<string>();
  for (const c of clausesOf(t)) {
    if (seen.has(c)) return { kind: 'repeat', detail: c };
    seen.add(c);
  }
  const phrase = repeatedPhrase(t, ctx.language);
  if (phrase) return { kind: 'repeat', detail: phrase };
  const stutter = stutterOf(t, ctx.language);
  if (stutter) return { kind: 'repeat', detail: stutter };
  const head = t.replace(/^[“"「\s]+/, '');
  const self = ctx.introduction
    ? undefined
    : ctx.selfNames.find(
        (n) => n.length >= 2 && head.startsWith(n) && /^[，,：:\s!！]/.test(head.slice(n.length)),
      );
  if (self) return { kind: 'self-address', detail: self };
  const garble = garbleOf(t, ctx);
  if (garble) return { kind: 'nonsense', detail: garble };
  if (!/[。！？!?.…”"」』）)]$/.test(t)) return { kind: 'incomplete', detail: t.slice(-6) };
  const dangling = DANGLING.exec(t);
  if (dangling) return { kind: 'incomplete', detail: dangling[0] };
  if (unbalanced(t)) return { kind: 'incomplete', detail: 'unbalanced quotes or brackets' };
  const size = ctx.language === 'zh' ? (t.match(/[\u3400-\u9fff]/g) ?? []).length : t.split(/\s+/).length;
  if (size < 2 || size > (ctx.language === 'zh' ? 240 : 150)) return { kind: 'length', detail: String(size) };
  if (ctx.vocabulary) {
    const unknown = latinWords(t).find((w) => !ctx.vocabulary?.has(w));
    if (unknown) return { kind: 'unknown-word', detail: unknown };
  }
  return null;
}

/**
 * A word or run said again at once, which a typed line never does: in English the same word twice running
 * ("with with", "you you"; not "that that" or "had had", which grammar allows) or a run of three or more words
 * again straight after ("tell us first: tell us first"); in Chinese one character three times running (not a
 * laugh or a cry: 哈哈哈), a pronoun or particle that never doubles (我我, 再再, 没没, 那那), or a run of three
 * or more characters again straight after (有件事有件事).
 */
function stutterOf(text: string, language: Language): string | null {
  if (language === 'zh') {
    const triple = /([\u3400-\u9fff])\1\1/u.exec(text);
    if (triple && !INTERJECTIONS.includes(triple[1] ?? '')) return triple[0];
    const double = /([我你他她它是就也都又却给这那没吗呢吧再])\1/u.exec(text);
    if (double) return double[0];
    const run = /([\u3400-\u9fff]{3,})\1|((?:[\u3400-\u9fff][，、：]?){4,})\2/u.exec(text);
    if (run) return run[0];
    return null;
  }
  const doubled = /\b([a-z]+)\s+\1\b/giu;
  for (const m of text.matchAll(doubled)) if (!DOUBLES.has((m[1] ?? '').toLowerCase())) return m[0];
  const words = text.toLowerCase().match(/[a-z]+(?:['’][a-z]+)?|\d+/g) ?? [];
  for (let n = 3; n <= 8; n++)
    for (let i = 0; i + 2 * n <= words.length; i++) {
      const a = words.slice(i, i + n).join(' ');
      if (a === words.slice(i + n, i + 2 * n).join(' ')) return a;
    }
  return null;
}

/** Characters a Chinese speaker does say three times running. */
const INTERJECTIONS = '哈呵嘿嘻啊哦嗯呀啦哇唉嘛咚砰叮当嗒滴哼嘘';
/** English words grammar or speech allows twice running. */
const DOUBLES = new Set([
  'that',
  'had',
  'ha',
  'no',
  'yes',
  'bye',
  'very',
  'so',
  'really',
  'far',
  'well',
  'oh',
  'ah',
  'uh',
  'um',
  'hmm',
  'knock',
  'tut',
  'long',
  'many',
  'much',
  'now',
  'there',
  'please',
  'sorry',
  'okay',
  'ok',
  'is',
]);

/** A clause that stops on a word that cannot end one: 以 cut from 以后 ("下场以。"), a conjunction left hanging. */
const DANGLING = /(?:(?<![可所难加予足得])以|因为|如果|虽然|但是|而且|并且|以及)[。！？]/u;

/** Abbreviations a lower-case word may follow after a full stop. */
const ABBREVIATIONS = /(?:\b[a-z]|\ba\.m|\bp\.m|\be\.g|\bi\.e|\betc|\bvs|\bmrs?|\bdr|\bst|\bno|\.\.)$/i;

/**
 * Text no one types: punctuation run together (",,", "；。", "-----", "？？？？"), a stray markup symbol (| < > [ ] …),
 * a time glued to a word ("pit:00", "脚衣:25"); in English a space before a stop ("the killer is ."), an empty slot
 * between words ("is  on"), two words glued ("itMaster"), a broken contraction ("I' answer", "can'm", "factory’s's"),
 * a sentence that starts in lower case after a stop, an article before a word no noun phrase starts with ("found the
 * at the foot"), and a verb of thinking followed by a bare verb ("I believe tell you").
 */
function garbleOf(text: string, ctx: WellFormedContext): string | null {
  const run = /([^\p{L}\p{N}\s.。…—·!?！？])\1{2,}|([!?！？])\2{3,}/u.exec(text);
  if (run) return run[0];
  const marks = /[,，、;；:：][\s]*[,，、;；:：.。!?！？]|[。！？!?][\s]*[,，、;；。.]/u.exec(text);
  if (marks && !/^[!?！？]/.test(marks[0])) return marks[0];
  if (marks && /^[!?！？]\s*[,，、;；。]/.test(marks[0])) return marks[0];
  const symbol = /[|<>{}[\]*_=~^`\\@]/.exec(text);
  if (symbol) return symbol[0];
  const glued = /[A-Za-z\u3400-\u9fff]:\d/.exec(text);
  if (glued) return glued[0];
  const known = new Set([...(ctx.latinNames ?? []).flatMap((n) => latinWords(n)), ...(ctx.vocabulary ?? [])]);
  for (const m of text.matchAll(/[A-Za-z]*[a-z]{2}[A-Z][A-Za-z]*/g))
    if (!/^(?:Mac|Mc|De|Di|Da|La|Le|Van|Von)[A-Z]/.test(m[0]) && !known.has(m[0].toLowerCase())) return m[0];
  if (ctx.language !== 'en') return null;
  const before = /[A-Za-z]\s+[.,;:!?](?![.\d])/.exec(text);
  if (before) return before[0];
  const slot = /[A-Za-z,]\s{2,}[a-z]/.exec(text);
  if (slot) return slot[0];
  for (const m of text.matchAll(/([A-Za-z]+)['’]([A-Za-z]*)(['’][a-z])?/g)) {
    const [whole, word = '', rest = '', again] = m;
    const w = word.toLowerCase();
    const r = rest.toLowerCase();
    if (again) return whole;
    if (r === '') {
      // A closing quote ('Return of the Geese’) or a plural possessive (the Lins').
      if (w.endsWith('s') || /(?:^|[\s(“"])['‘]/.test(text.slice(0, m.index))) continue;
      return whole;
    }
    const fine =
      ['s', 'd', 'll', 're', 've'].includes(r) ||
      (r === 'm' && w === 'i') ||
      (r === 't' && w.endsWith('n')) ||
      ['o', 'ma', 'y'].includes(w) ||
      /^[A-Z]/.test(word);
    if (!fine) return whole;
  }
  for (const m of text.matchAll(/[.!?]\s+(?=[a-z])/g))
    if (!ABBREVIATIONS.test(text.slice(0, m.index))) return text.slice(Math.max(0, m.index - 6), m.index + 4);
  const article = /\b(?:[Tt]he|an?)\s+(?:the|an?|at|in|on|of|to|for|from|with|by|and|or|but|is|was)\b/.exec(
    text,
  );
  if (article) return article[0];
  const bare =
    /\b(?:i|we)\s+(?:believe|think|guess|suppose|reckon)\s+(?:tell|say|ask|explain|let|look|help|answer|give|check)\b/i.exec(
      text,
    );
  if (bare) return bare[0];
  return null;
}

/** A run said twice: eight Chinese characters, or six English words, in a row that come again (a shorter one recurs in good speech: "on the back"). */
function repeatedPhrase(text: string, language: Language): string | null {
  if (language === 'zh') {
    const letters = text.replace(/[^\u3400-\u9fff]/g, '');
    const seen = new Set<string>();
    for (let i = 0; i + 8 <= letters.length; i++) {
      const g = letters.slice(i, i + 8);
      if (seen.has(g)) return g;
      seen.add(g);
    }
    return null;
  }
  // Numbers count as words: "from 8:59 to 9:01" and "from 9:02 to 9:21" are not a repeat.
  const words = text.toLowerCase().match(/[a-z]+(?:['’][a-z]+)?|\d+/g) ?? [];
  const seen = new Set<string>();
  for (let i = 0; i + 6 <= words.length; i++) {
    const g = words.slice(i, i + 6).join(' ');
    if (seen.has(g)) return g;
    seen.add(g);
  }
  return null;
}

function unbalanced(text: string): boolean {
  const pairs: [string, string][] = [
    ['“', '”'],
    ['「', '」'],
    ['（', '）'],
    ['(', ')'],
    ['《', '》'],
  ];
  if (pairs.some(([a, b]) => text.split(a).length !== text.split(b).length)) return true;
  return (text.match(/"/g) ?? []).length % 2 === 1;
}
