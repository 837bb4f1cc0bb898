/**
 * What the server does to every display name and chat line before the engine sees it. Players type on
 * phones, paste from other apps and sometimes attack: a name of zero-width spaces looks like no name, an
 * RTL override turns the lines after it around, NUL ends strings in other tools, and a lone surrogate is
 * not text at all (it cannot be encoded as UTF-8 and fails in the store and in browsers).
 */

/**
 * Characters that draw nothing or change how the text around them is drawn: Unicode's default-ignorable
 * code points (zero-width spaces and joiners, bidi marks, embeddings, overrides and isolates, the BOM,
 * soft hyphen, variation selectors, tag characters, Hangul fillers) and control characters. Tab and
 * line feed stay in chat (a statement may have paragraphs); a name is one line.
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cc}]/gu;
const LONE_SURROGATE = /\p{Cs}/u;
/** Something that shows: a letter, digit, symbol or punctuation mark (not only spaces or combining marks). */
const VISIBLE = /[\p{L}\p{N}\p{S}\p{P}]/u;

export type TextRefusal = 'INVALID_TEXT' | 'BLANK_TEXT';
export type NormalizedText = { ok: true; text: string } | { ok: false; code: TextRefusal };

/**
 * A name or a chat line as the table will see it: NFC, without invisible or control characters, trimmed;
 * a name also on one line with single spaces. Lone surrogates are refused (INVALID_TEXT) rather than
 * repaired: what was meant cannot be known. Nothing visible left: BLANK_TEXT.
 */
export function normalizeText(raw: string, kind: 'name' | 'chat'): NormalizedText {
  if (LONE_SURROGATE.test(raw)) return { ok: false, code: 'INVALID_TEXT' };
  let text = raw.replace(/\r\n?/g, '\n').normalize('NFC');
  text =
    kind === 'name'
      ? text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim()
      : text.replace(INVISIBLE, (c) => (c === '\t' || c === '\n' ? c : '')).trim();
  return VISIBLE.test(text) ? { ok: true, text } : { ok: false, code: 'BLANK_TEXT' };
}

/**
 * Names a player may not take: the AI host's and the server's own voices, in both languages. A story's
 * character names are reserved as well, per room (`isReservedName`'s `extra`).
 */
export const RESERVED_NAMES = ['主持人', '主持', '系统', 'Host', 'System'] as const;

/**
 * How a name is compared with a reserved one: compatibility-folded (ＨＯＳＴ is HOST), case-folded, and without
 * spaces, punctuation and symbols, so that "主 持 人", "[Host]" and "SYSTEM!" are caught too.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}\p{Default_Ignorable_Code_Point}]/gu, '');
}

/** Whether a (normalized) display name is reserved: one of RESERVED_NAMES or one of `extra`. */
export function isReservedName(name: string, extra: readonly string[] = []): boolean {
  const key = nameKey(name);
  if (key.length === 0) return false;
  return [...RESERVED_NAMES, ...extra].some((r) => nameKey(r) === key);
}
