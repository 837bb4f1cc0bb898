import type { ClueCard, View } from '@jubensha/protocol';
import type { Language } from '../text/language.js';
import { pick, sentences } from '../text/localized.js';
import { terms } from '../text/segment.js';
import type { Lexicon } from '../understand/lexicon.js';
import { whereabouts, type Whereabouts } from './whereabouts.js';

/** A clue as the seat has read it: the card, and whom its text ties to whom (no author's answer key). */
export interface ClueNote {
  id: string;
  title: string;
  text: string;
  location: string;
  foundBy: string;
  published: boolean;
  /** Found by this seat. */
  mine: boolean;
  /** Per character: how strongly the text ties them to it (named 1, their role or belongings 0.5, their room 0.3). */
  ties: Record<string, number>;
  /** Times, places and people the text names. */
  where: Whereabouts;
  /** Sentence by sentence: whom each ties to, and when and where it puts them (a log of many times is not one span). */
  parts: { text: string; ties: Record<string, number>; where: Whereabouts }[];
}

/**
 * Words of each character's public profile that no other profile and not the premise uses: the swallow on
 * everything she owns, the tea he always brews. A clue with such a word ties to that character.
 */
const distinctiveCache = new Map<string, Record<string, Set<string>>>();

export function distinctiveWords(view: View, language: Language): Record<string, Set<string>> {
  const key = `${view.story.id}|${language}`;
  const hit = distinctiveCache.get(key);
  if (hit) return hit;
  const out = distinctiveOf(view, language);
  if (distinctiveCache.size > 100) distinctiveCache.clear();
  distinctiveCache.set(key, out);
  return out;
}

function distinctiveOf(view: View, language: Language): Record<string, Set<string>> {
  const profiles = view.story.characters.map((c) => ({
    id: c.id,
    words: new Set(terms(pick(c.profile, language))),
  }));
  const premise = new Set(terms(pick(view.story.premise, language)));
  const out: Record<string, Set<string>> = {};
  for (const p of profiles) {
    const others = profiles.filter((o) => o.id !== p.id);
    out[p.id] = new Set(
      [...p.words].filter(
        (w) => w.length >= 2 && !premise.has(w) && !others.some((o) => o.words.has(w)) && !/^\d+$/.test(w),
      ),
    );
  }
  return out;
}

/** Who a location belongs to, by its name or description naming them (何小燕的化妆间, the box Zheng Jiahui took). */
function owners(view: View, lexicon: Lexicon, language: Language): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const l of view.story.locations) {
    const text = `${pick(l.name, language)} ${pick(l.description, language)}`;
    out[l.id] = [
      ...new Set(
        lexicon
          .find(text)
          .filter((m) => m.kind === 'person' && m.id !== 'victim')
          .map((m) => m.id),
      ),
    ];
  }
  return out;
}

export function clueNotes(view: View, lexicon: Lexicon, language: Language): ClueNote[] {
  const me = view.me;
  if (!me) return [];
  const seat = me.seat;
  const cards = new Map<string, ClueCard>();
  for (const c of [...me.clues, ...(view.table?.publishedClues ?? [])]) cards.set(c.id, c);
  const distinctive = distinctiveWords(view, language);
  const owned = owners(view, lexicon, language);
  return [...cards.values()].map((c) => {
    const key = `${view.story.id}|${language}|${c.id}|${me.seat}`;
    const hit = noteCache.get(key);
    if (hit) return { ...hit, foundBy: c.foundBy, published: c.published, mine: c.foundBy === me.seat };
    const note = readNote(c);
    if (noteCache.size > 5000) noteCache.clear();
    noteCache.set(key, note);
    return note;
  });

  function readNote(c: ClueCard): ClueNote {
    const title = pick(c.title, language);
    const text = pick(c.text, language);
    const all = `${title}。${text}`;
    const ties: Record<string, number> = {};
    const add = (who: string, w: number) => {
      if (who === 'victim') return;
      ties[who] = Math.min(1.5, (ties[who] ?? 0) + w);
    };
    for (const m of lexicon.find(all)) if (m.kind === 'person') add(m.id, ties[m.id] ? 0.25 : 1);
    const words = new Set(terms(all));
    for (const [who, set] of Object.entries(distinctive)) {
      const n = [...set].filter((w) => words.has(w)).length;
      if (n > 0) add(who, Math.min(0.8, 0.5 * n));
    }
    for (const who of owned[c.location] ?? []) add(who, 0.3);
    const parts = sentences(text).map((p) => {
      const t: Record<string, number> = {};
      for (const m of lexicon.find(p)) if (m.kind === 'person' && m.id !== 'victim') t[m.id] = 1;
      const ws = new Set(terms(p));
      for (const [who, set] of Object.entries(distinctive))
        if ([...set].some((w) => ws.has(w))) t[who] = Math.max(t[who] ?? 0, 0.5);
      return { text: p, ties: t, where: whereabouts(p, lexicon) };
    });
    return {
      parts,
      id: c.id,
      title,
      text,
      location: c.location,
      foundBy: c.foundBy,
      published: c.published,
      mine: c.foundBy === seat,
      ties,
      where: whereabouts(text, lexicon),
    };
  }
}

/** Clue notes by story, language, clue and reader: the text's reading does not change during a game. */
const noteCache = new Map<string, ClueNote>();
