import type { Language } from '../text/language.js';
import { detectLanguage } from '../text/language.js';
import { squash } from './phrase-match.js';
import { readings } from './decodings.js';
import { saysPhrase, sharedShingles } from './phrase-match.js';
import { sharedPinyinRuns } from './pinyin.js';

/** Why a reply did not reach the table; `error`: the model itself failed (e.g. CONTEXT_TOO_LONG). */
export type GuardFailure = 'empty' | 'secret' | 'language' | 'grounding' | 'format' | 'error';

export interface GuardContext {
  /** Every must-not-reveal phrase of this character, both languages (a translation is a leak too). */
  phrases: string[];
  /** Runs of text found only in the character's secrets (see Knowledge.secretRuns). */
  secretRuns?: Set<string>;
  /** The room's language: replies in another language never reach the table. */
  language: Language;
  /** Everything the character may state: its knowledge, the facts given, the question, public names. */
  grounding: string;
  /**
   * For a model's reply: the story's people and places (names and aliases, both languages) and the text the
   * model was given. A name the reply uses must be in that text: a model that brings in someone or somewhere
   * its facts never mentioned is inventing a story, even when the name itself is public.
   */
  given?: { names: string[]; text: string };
}

export type GuardVerdict = { ok: true } | { ok: false; failure: GuardFailure; detail: string };

/** Markers of the prompt format: a reply that carries them is echoing instructions, not speaking. */
const FORMAT_MARKERS = ['<<', '>>', '[INTENT', '[FACTS', '[CARD', '[SPEECH', '[RULES', '[ASKED', 'INTENT:'];

/**
 * A reply that loops: one letter five times running ("胡胡胡胡胡") or one run of 2–40 characters three times running
 * ("朱兰芝，朱兰芝，朱兰芝，", "Jiang Jiang Jiang "). A small model's greedy decoding falls into this when it cannot
 * copy what it started; it is never speech. Checked on model replies only: an author may write "哈哈哈哈哈哈".
 */
export function loops(text: string): string | null {
  const letter = /(\p{L})\1{4,}/u.exec(text);
  if (letter) return letter[0];
  // A unit without a letter ("……" six times) is punctuation, not a loop.
  for (const m of text.matchAll(/(.{2,40}?)\1{2,}/gsu))
    if (/\p{L}/u.test(m[1] ?? '')) return m[0].slice(0, 40);
  return null;
}

/** Whether lower-case `text` mentions `name`: Latin names as whole words ("Hall" is not in "shall"). */
function mentions(text: string, name: string): boolean {
  if (!/[a-z]/.test(name)) return text.includes(name);
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![a-z])${escaped}(?![a-z])`).test(text);
}

/** Times, numbers and amounts a reply states: each must come from what the character knows. */
function statedFigures(text: string): string[] {
  return (
    text.match(
      /\d+(?:[:：.]\d+)?|[零一二三四五六七八九十百千万两]+(?:点[零一二三四五六七八九十半]*|万|千|块|元)/g,
    ) ?? []
  );
}

/**
 * Checks a reply before it reaches the table: no must-not-reveal phrase (exact or fuzzy, also
 * reversed, encoded or spelled in pinyin), the room's language, no prompt markers, for a model's reply no loop and
 * no name its prompt did not give, and grounding: every time, number or amount it states occurs in the character's
 * knowledge.
 */
export function checkReply(reply: string, ctx: GuardContext): GuardVerdict {
  const text = reply.trim();
  if (squash(text).length === 0) return { ok: false, failure: 'empty', detail: '' };
  for (const reading of readings(text))
    for (const phrase of ctx.phrases)
      if (saysPhrase(reading, phrase)) return { ok: false, failure: 'secret', detail: phrase };
  if (ctx.secretRuns)
    for (const reading of readings(text))
      if (sharedShingles(reading, ctx.secretRuns) >= 2 || sharedPinyinRuns(reading, ctx.secretRuns) >= 2)
        return { ok: false, failure: 'secret', detail: 'secret text' };
  if (detectLanguage(text) !== ctx.language)
    return { ok: false, failure: 'language', detail: detectLanguage(text) ?? 'none' };
  for (const m of FORMAT_MARKERS)
    if (text.toUpperCase().includes(m)) return { ok: false, failure: 'format', detail: m };
  if (ctx.given) {
    const looped = loops(text);
    if (looped !== null) return { ok: false, failure: 'format', detail: `loops: ${looped}` };
    const reply = text.toLowerCase();
    const given = ctx.given.text.toLowerCase();
    for (const name of ctx.given.names) {
      const n = name.trim().toLowerCase();
      if (n.length >= 2 && mentions(reply, n) && !mentions(given, n))
        return { ok: false, failure: 'grounding', detail: name };
    }
  }
  const known = ctx.grounding.normalize('NFKC');
  for (const f of statedFigures(text.normalize('NFKC')))
    if (!known.includes(f)) return { ok: false, failure: 'grounding', detail: f };
  return { ok: true };
}
