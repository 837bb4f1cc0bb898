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
  | 'unknown-word';

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
  } else if (/[\u3400-\u9fff]/.test(t))
    return { kind: 'script', detail: /[\u3400-\u9fff]+/.exec(t)?.[0] ?? '' };
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
  const head = t.replace(/^[“"「\s]+/, '');
  const self = ctx.introduction
    ? undefined
    : ctx.selfNames.find(
        (n) => n.length >= 2 && head.startsWith(n) && /^[，,：:\s!！]/.test(head.slice(n.length)),
      );
  if (self) return { kind: 'self-address', detail: self };
  if (!/[。！？!?.…”"」』）)]$/.test(t)) return { kind: 'incomplete', detail: t.slice(-6) };
  if (unbalanced(t)) return { kind: 'incomplete', detail: 'unbalanced quotes or brackets' };
  const size = ctx.language === 'zh' ? (t.match(/[\u3400-\u9fff]/g) ?? []).length : t.split(/\s+/).length;
  if (size < 2 || size > (ctx.language === 'zh' ? 240 : 150)) return { kind: 'length', detail: String(size) };
  if (ctx.vocabulary) {
    const unknown = latinWords(t).find((w) => !ctx.vocabulary?.has(w));
    if (unknown) return { kind: 'unknown-word', detail: unknown };
  }
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
