import type { LocalizedText } from '@jubensha/protocol';

/** A fresh copy holding only the language keys: nothing else of a story object rides along. */
export function text(t: LocalizedText): LocalizedText {
  const out: LocalizedText = {};
  if (t.zh !== undefined) out.zh = t.zh;
  if (t.en !== undefined) out.en = t.en;
  return out;
}

export function phrases(p: { zh?: string[]; en?: string[] }): { zh?: string[]; en?: string[] } {
  const out: { zh?: string[]; en?: string[] } = {};
  if (p.zh !== undefined) out.zh = [...p.zh];
  if (p.en !== undefined) out.en = [...p.en];
  return out;
}
