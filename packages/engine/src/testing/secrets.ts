import type { LocalizedText, Viewer } from '@jubensha/protocol';
import type { Story } from '@jubensha/story';
import type { GameContext } from '../context.js';
import { publicStory } from '../view/public-story.js';

/** One piece of text someone may not know, and who may. */
interface SecretText {
  text: string;
  /** Only this character's seat may see it, from `act` on. */
  owner?: string;
  /** Only these characters' seats may see it (a timeline entry: the characters in it), from `act` on. */
  owners?: string[];
  act?: number;
  /** A clue's text: its finder may see it, and everyone once it is published. */
  clue?: string;
  /** Items whose text contains this one: if the viewer may see any of them, this one is no leak. */
  inside: number[];
}

const MIN_LENGTH = 6;

/** JSON-escaped, as the text appears inside JSON.stringify(view). */
const esc = (s: string) => JSON.stringify(s).slice(1, -1);

function pieces(t: LocalizedText | undefined): string[] {
  if (!t) return [];
  const out: string[] = [];
  for (const s of [t.zh, t.en]) {
    if (!s) continue;
    out.push(s.trim());
    // Long texts (scripts) also count line by line, so a partial leak is caught too.
    for (const line of s.split('\n')) if (line.trim().length >= 12) out.push(line.trim());
  }
  return [...new Set(out)].filter((s) => s.length >= MIN_LENGTH);
}

/** A story's secret texts, indexed for checking many views fast. */
export interface SecretIndex {
  items: SecretText[];
  /** A string → the items with exactly that text. */
  exact: Map<string, number[]>;
  /** Strings of the public story: never a secret. */
  open: Set<string>;
  /** Other strings seen before → the items they contain (memo). */
  contains: Map<string, number[]>;
}

/**
 * Every text of a story that some viewer may not know before the reveal: other characters' scripts,
 * secrets, must-not-reveal phrases, cover claims, goals, relationships; clue titles and texts; the
 * truth, timeline, endings and debrief. Texts that also occur in public story text are left out.
 */
export function secretTexts(story: Story): SecretIndex {
  const items: Omit<SecretText, 'inside'>[] = [];
  const add = (texts: string[], rest: Omit<SecretText, 'inside' | 'text'> = {}) => {
    for (const text of texts) items.push({ text, ...rest });
  };
  add([story.truth, story.debrief].flatMap(pieces));
  // A timeline entry is its participants' own movement: theirs to know from act 1, nobody else's.
  for (const e of story.timeline) add([...pieces(e.what), ...pieces(e.place)], { owners: e.who, act: 1 });
  for (const e of story.endings) add([...pieces(e.title), ...pieces(e.text)]);
  for (const c of story.characters) {
    c.script.forEach((s, i) => add(pieces(s), { owner: c.id, act: i + 1 }));
    for (const s of c.secrets) {
      add(pieces(s.text), { owner: c.id, act: s.act });
      add([...(s.mustNotReveal.zh ?? []), ...(s.mustNotReveal.en ?? [])], { owner: c.id, act: s.act });
    }
    for (const g of c.goals) add(pieces(g.text), { owner: c.id, act: g.act });
    for (const r of c.relationships) add(pieces(r.text), { owner: c.id, act: 1 });
    for (const k of c.cover?.claims ?? []) add(pieces(k.text), { owner: c.id, act: 1 });
    add(pieces(c.voice), { owner: c.id, act: 1 });
  }
  for (const c of story.clues) add([...pieces(c.title), ...pieces(c.text)], { clue: c.id });

  const openJson = JSON.stringify(publicStory(story));
  const kept = items.filter((i) => i.text.length >= MIN_LENGTH && !openJson.includes(esc(i.text)));
  const secrets = kept.map((item) => ({
    ...item,
    inside: kept.flatMap((other, j) => (other !== item && other.text.includes(item.text) ? [j] : [])),
  }));
  const exact = new Map<string, number[]>();
  secrets.forEach((s, i) => exact.set(s.text, [...(exact.get(s.text) ?? []), i]));
  return { items: secrets, exact, open: new Set(strings(publicStory(story))), contains: new Map() };
}

function mayKnow(s: Omit<SecretText, 'inside'>, ctx: GameContext, viewer: Viewer): boolean {
  if (s.clue !== undefined) {
    const f = ctx.found.find((x) => x.clue === s.clue);
    return f !== undefined && (f.published || (viewer.kind === 'seat' && f.seat === viewer.seat));
  }
  if (s.owner !== undefined)
    return viewer.kind === 'seat' && viewer.seat === s.owner && (s.act ?? 1) <= ctx.act;
  if (s.owners !== undefined)
    return viewer.kind === 'seat' && s.owners.includes(viewer.seat) && (s.act ?? 1) <= ctx.act;
  return false;
}

/** Every string in a JSON value, keys included: exactly the strings JSON.stringify would write. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (typeof value === 'object' && value !== null) {
    for (const k in value) {
      out.push(k);
      strings((value as Record<string, unknown>)[k], out);
    }
  }
  return out;
}

function knower(index: SecretIndex, ctx: GameContext, viewer: Viewer): (i: number) => boolean {
  return (i) => {
    const s = index.items[i] as SecretText;
    return (
      mayKnow(s, ctx, viewer) || s.inside.some((j) => mayKnow(index.items[j] as SecretText, ctx, viewer))
    );
  };
}

/**
 * The secret texts in `view` that this viewer may not know in this state. It reads the view string
 * by string (keys and values), as JSON.stringify would write them: a secret text is found wherever
 * it occurs inside one string, which is the only way the engine copies story text.
 */
export function leaks(index: SecretIndex, ctx: GameContext, viewer: Viewer, view: unknown): string[] {
  const out: string[] = [];
  const known = knower(index, ctx, viewer);
  for (const token of strings(view)) {
    if (index.open.has(token)) continue;
    const same = index.exact.get(token);
    if (same) {
      if (!same.some(known)) out.push(token);
      continue;
    }
    let inside = index.contains.get(token);
    if (!inside) {
      inside = index.items.flatMap((s, i) =>
        token.length >= s.text.length && token.includes(s.text) ? [i] : [],
      );
      if (index.contains.size < 50_000) index.contains.set(token, inside);
    }
    for (const i of inside) if (!known(i)) out.push(index.items[i]?.text ?? '');
  }
  return out;
}

/** The same question asked of the serialised text itself: slower, so used on fewer states. */
export function literalLeaks(index: SecretIndex, ctx: GameContext, viewer: Viewer, json: string): string[] {
  const known = knower(index, ctx, viewer);
  return index.items.flatMap((s, i) => (!known(i) && json.includes(esc(s.text)) ? [s.text] : []));
}
