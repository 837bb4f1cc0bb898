import type { View } from '@jubensha/protocol';

/**
 * The ways a character is called at the table: full names in both languages, the English given and
 * family names, and the Chinese given name without the family name.
 */
export function callNames(view: View, seat: string): string[] {
  const c = view.story.characters.find((x) => x.id === seat);
  if (!c) return [];
  const out = new Set<string>();
  if (c.name.zh) {
    out.add(c.name.zh);
    if (c.name.zh.length === 3) out.add(c.name.zh.slice(1));
  }
  if (c.name.en) {
    out.add(c.name.en);
    // A family name several characters share ("Lin") calls none of them.
    const others = view.story.characters.filter((x) => x.id !== seat).map((x) => x.name.en ?? '');
    for (const part of c.name.en.split(/\s+/))
      if (part.length >= 3 && !others.some((o) => o.split(/\s+/).includes(part))) out.add(part);
  }
  return [...out];
}

/** Whether a line of speech calls this seat by one of its names. */
export function addresses(text: string, names: string[]): boolean {
  const lower = text.toLowerCase();
  return names.some((n) => {
    if (/^[A-Za-z]/.test(n))
      return new RegExp(`\\b${n.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(lower);
    return text.includes(n);
  });
}

/** Whether a line asks this seat something: it names the seat and is a question, or opens with the name. */
export function asks(text: string, names: string[]): boolean {
  if (!addresses(text, names)) return false;
  if (/[?？]/.test(text)) return true;
  const head = text.slice(0, 24);
  return addresses(head, names);
}
