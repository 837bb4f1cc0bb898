/** A text in both table languages, written in parallel. */
export interface Bi {
  zh: string;
  en: string;
}

export type Lang = keyof Bi;

/**
 * A sentence of a made-up mystery with the words a grounded reply must keep when it copies it:
 * the person, place, time and object values its template was filled with.
 */
export interface Sentence {
  text: Bi;
  entities: { zh: string[]; en: string[] };
  /** The slot values by slot name ({time}, {loc}, …), to ask about them. */
  slots: Readonly<Record<string, Bi>>;
}

/** Parses a pool written as `zh/en; zh/en; …`. */
export function pairs(list: string): Bi[] {
  return list
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((s) => {
      const [zh, en] = s.split('/').map((x) => x.trim());
      if (!zh || !en) throw new Error(`not a zh/en pair: ${s}`);
      return { zh, en };
    });
}

/** A template split at its slots: literal, slot name, literal, …, literal (parsed once; fill runs per sentence). */
const parsed = new Map<string, string[]>();
function pieces(template: string): string[] {
  let p = parsed.get(template);
  if (!p) {
    p = template.split(/\{(\w+)\}/);
    parsed.set(template, p);
  }
  return p;
}

/** Fills `{slot}`s of a bilingual template and records which slot values went in, per language. */
export function fill(template: Bi, slots: Readonly<Record<string, Bi>>): Sentence {
  const entities: Sentence['entities'] = { zh: [], en: [] };
  const used: Record<string, Bi> = {};
  const one = (lang: Lang) => {
    const p = pieces(template[lang]);
    let out = p[0] ?? '';
    for (let i = 1; i < p.length; i += 2) {
      const key = p[i] ?? '';
      const value = slots[key];
      if (!value) throw new Error(`template slot {${key}} has no value`);
      used[key] = value;
      if (!entities[lang].includes(value[lang])) entities[lang].push(value[lang]);
      out += value[lang] + (p[i + 1] ?? '');
    }
    return out;
  };
  const text = { zh: one('zh'), en: capitalizeFirst(one('en')) };
  return { text, entities, slots: used };
}

export function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

export function capitalizeFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/g;

export function cjkCount(s: string): number {
  return s.match(CJK)?.length ?? 0;
}

/** Longest reply the default model is taught to write: about 120 tokens. */
export const MAX_CJK = 90;
export const MAX_LATIN = 350;

/** The first sentence of a text (a clue's text is 1–3 sentences). */
export function firstSentence(text: string, lang: Lang): string {
  const m = lang === 'zh' ? text.match(/^.*?[。！？](?=.|$)/su) : text.match(/^.*?[.!?](?=\s|$)/su);
  return (m ? m[0] : text).trim();
}

/**
 * A copied text cut to the reply limit at a clause boundary, never mid-word: a tiny model learns to
 * copy whole clauses, so a cut clause would teach it to stop anywhere.
 */
export function clip(text: string, lang: Lang, room: number): string {
  const fits = (s: string) => (lang === 'zh' ? cjkCount(s) <= room : s.length <= room);
  if (fits(text)) return text;
  const marks = lang === 'zh' ? /[，；。！？]/g : /[,;.!?](?=\s)/g;
  let best = '';
  for (const m of text.matchAll(marks)) {
    const head = text.slice(0, m.index);
    if (!fits(head)) break;
    best = head;
  }
  if (!best) return '';
  return lang === 'zh' ? `${best}。` : `${best}.`;
}
