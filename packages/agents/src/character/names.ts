import type { View } from '@jubensha/protocol';
import type { Language } from '../text/language.js';
import { pick } from '../text/localized.js';
import { squashedPinyin } from '../guard/pinyin.js';

type Name = { zh?: string | undefined; en?: string | undefined };

/** A story name and the alias it carries in brackets: "罗德昌（德叔）" → 罗德昌 and 德叔. */
function parts(name: string | undefined): { full: string; alias: string | null } {
  const m = /^(.*?)\s*[(（]\s*([^()（）]+?)\s*[)）]\s*$/.exec(name ?? '');
  return m ? { full: m[1] ?? '', alias: m[2] ?? null } : { full: name ?? '', alias: null };
}

/** The family name in both scripts: 陈 of 陈锦添, and the English part that is its pinyin, Chen. */
function family(name: Name): { zh: string; en: string | null } | null {
  const zh = parts(name.zh).full;
  if (zh.length < 2 || zh.length > 3) return null;
  const head = zh.charAt(0);
  const en =
    parts(name.en)
      .full.split(/\s+/)
      .find((w) => w.toLowerCase() === squashedPinyin(head)) ?? null;
  return { zh: head, en };
}

/** How people at a table address an elder, a master, a boss by family name alone: 老苏, 周叔, Old Su, Uncle Zhou. */
const ZH_BEFORE = ['老'];
const ZH_AFTER = ['叔', '伯', '姨', '姐', '哥', '师傅', '先生', '小姐', '太太', '经理', '老板'];
const EN_BEFORE = ['Old', 'Uncle', 'Aunt', 'Auntie', 'Master', 'Mr', 'Mrs', 'Miss', 'Ms', 'Manager', 'Boss'];

/**
 * The ways a character is called at the table: full names in both languages, the alias in brackets
 * (Uncle De, 德叔), the English given and family names, the Chinese given name without the family name,
 * and a family name with a title of address (老苏, 周叔, Old Su, Uncle Zhou). A family name several
 * characters share calls none of them.
 */
export function callNames(view: View, seat: string): string[] {
  const c = view.story.characters.find((x) => x.id === seat);
  if (!c) return [];
  const others = view.story.characters.filter((x) => x.id !== seat);
  const out = new Set<string>();
  const zh = parts(c.name.zh);
  if (c.name.zh) {
    out.add(zh.full);
    if (zh.alias) out.add(zh.alias);
    if (zh.full.length === 3) out.add(zh.full.slice(1));
  }
  const en = parts(c.name.en);
  if (c.name.en) {
    out.add(en.full);
    if (en.alias) out.add(en.alias);
    const taken = others.map((x) => parts(x.name.en).full.split(/\s+/));
    for (const part of en.full.split(/\s+/))
      if (part.length >= 3 && !taken.some((o) => o.includes(part))) out.add(part);
  }
  const mine = family(c.name);
  if (mine && !others.some((x) => family(x.name)?.zh === mine.zh)) {
    for (const t of ZH_BEFORE) out.add(t + mine.zh);
    for (const t of ZH_AFTER) out.add(mine.zh + t);
    if (mine.en) for (const t of EN_BEFORE) out.add(`${t} ${mine.en}`);
  }
  out.delete('');
  return [...out];
}

/**
 * The name to address a character by in the room's language: the alias the table uses if it has
 * one (Uncle De, 德叔), else the full name, never the other language's.
 */
export function addressName(view: View, seat: string, language: Language): string {
  const c = view.story.characters.find((x) => x.id === seat);
  if (!c) return seat;
  const { full, alias } = parts(pick(c.name, language));
  return alias ?? full;
}

const TITLED = new RegExp(`^(?:${EN_BEFORE.join('|')}) `);

/** Whether a line of speech calls this seat by one of its names. */
export function addresses(text: string, names: string[]): boolean {
  const lower = text.toLowerCase();
  return names.some((n) => {
    if (!/^[A-Za-z]/.test(n)) return text.includes(n);
    // "Old He" is a name, "how old he was" is not: a title of address counts only as written.
    const exact = TITLED.test(n);
    const word = (exact ? n : n.toLowerCase()).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`\\b${word}\\b`).test(exact ? text : lower);
  });
}

/** Whether a line asks this seat something: it names the seat and is a question, or opens with the name. */
export function asks(text: string, names: string[]): boolean {
  if (!addresses(text, names)) return false;
  if (/[?？]/.test(text)) return true;
  const head = text.slice(0, 24);
  return addresses(head, names);
}
