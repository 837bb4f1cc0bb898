import type { Board, Contradiction } from '../board/board.js';
import type { ClueNote } from '../board/clue-notes.js';
import { spansMeet } from '../understand/times.js';
import type { ClueReadings } from './clue-reading.js';

/** One thing behind a suspicion: a clue, a broken account, a refusal, an alibi someone else backed. */
export type Reason =
  | { kind: 'clue'; weight: number; clue: ClueNote }
  | { kind: 'contradiction'; weight: number; contradiction: Contradiction }
  | { kind: 'refusal'; weight: number; ref: string }
  | { kind: 'alibi'; weight: number; ref: string; by: string }
  | { kind: 'accused'; weight: number; ref: string; by: string };

export interface Belief {
  character: string;
  score: number;
  /** Strongest first. */
  reasons: Reason[];
}

export interface BeliefOptions {
  /** The author's clue readings; null: the clue texts only (--blind-clues). */
  readings: ClueReadings | null;
  /** Whether what was said counts (false: --no-talk, or before anyone spoke). */
  talk: boolean;
}

const REFUSING =
  /私事|不想说|不想多说|别问|无可奉告|不方便说|不关你|跟案子没关系|和案子没关系|不能说|private|rather not|none of your business|won't say|not going to say|nothing to do with the case|no comment|leave it there/i;

/** Caps, so no one kind of evidence drowns the others. */
const CAP = { contradiction: 1.8, refusal: 0.36, alibi: -0.6, accused: 0.24 } as const;

/**
 * How much the seat suspects each other character, from the clues it has seen and, unless talk is off, from
 * what was said: accounts that clues or others break (the strongest), refusals to say where one was, alibis
 * another backed, accusations others made with a reason. The seat never suspects itself.
 */
export function believe(board: Board, options: BeliefOptions): Belief[] {
  const me = board.seat;
  const beliefs = new Map<string, { score: number; reasons: Reason[] }>();
  for (const c of board.view.story.characters) if (c.id !== me) beliefs.set(c.id, { score: 0, reasons: [] });
  const add = (who: string, r: Reason) => {
    const b = beliefs.get(who);
    if (!b) return;
    b.score += r.weight;
    b.reasons.push(r);
  };
  // Without the author's readings a clue only says whom it is about, not what it proves: someone many clues
  // mention (the one who brews the tea, whose room it is) is central, not guilty, so ties count less the more
  // clues share them; what the talk exposes carries the weight.
  const named = new Map<string, number>();
  if (!options.readings)
    for (const clue of board.clues)
      for (const [who, tie] of Object.entries(clue.ties))
        if (tie >= 0.5) named.set(who, (named.get(who) ?? 0) + 1);
  for (const clue of board.clues) {
    if (options.readings) {
      for (const p of options.readings[clue.id]?.pointsTo ?? [])
        add(p.character, { kind: 'clue', weight: p.weight, clue });
    } else {
      for (const [who, tie] of Object.entries(clue.ties))
        add(who, { kind: 'clue', weight: (0.3 * tie) / Math.sqrt(named.get(who) ?? 1), clue });
    }
  }
  if (options.talk) {
    const total = new Map<string, Record<keyof typeof CAP, number>>();
    const capped = (who: string, kind: keyof typeof CAP, w: number) => {
      const t = total.get(who) ?? { contradiction: 0, refusal: 0, alibi: 0, accused: 0 };
      total.set(who, t);
      const room = CAP[kind] - t[kind];
      const take = CAP[kind] < 0 ? Math.max(w, room) : Math.min(w, room);
      t[kind] += take;
      return take;
    };
    // One piece of evidence against one person counts once, however often they repeated the account it breaks.
    const counted = new Set<string>();
    for (const c of board.contradictions) {
      const key = `${c.against}|${c.by.kind === 'clue' ? c.by.clue.id : c.by.kind === 'claim' ? c.by.claim.speaker : 'own'}`;
      if (counted.has(key)) continue;
      counted.add(key);
      add(c.against, {
        kind: 'contradiction',
        weight: capped(c.against, 'contradiction', 0.6),
        contradiction: c,
      });
    }
    const said = board.said;
    for (const [i, s] of said.entries()) {
      if (s.speaker === me) continue;
      // A refusal to answer a question put to the speaker.
      const asked = said
        .slice(Math.max(0, i - 4), i)
        .reverse()
        .find((q) => q.u.question && q.u.to === s.speaker);
      if (asked && REFUSING.test(s.text) && s.u.places.length === 0 && s.u.times.length === 0)
        add(s.speaker, { kind: 'refusal', weight: capped(s.speaker, 'refusal', 0.12), ref: s.ref });
      // An accusation with a reason (it names a clue, a place or a time).
      if (s.u.acts.includes('accuse')) {
        const target = s.u.to ?? s.u.people.find((p) => board.isSeat(p)) ?? null;
        const reasoned = s.u.clues.length + s.u.places.length + s.u.times.length > 0;
        if (target && target !== s.speaker && reasoned)
          add(target, {
            kind: 'accused',
            weight: capped(target, 'accused', 0.08),
            ref: s.ref,
            by: s.speaker,
          });
      }
    }
    // Someone else puts a speaker where the speaker says they were, in the span that matters: an alibi backed.
    for (const claim of board.heard) {
      if (!claim.span || !board.incident || !spansMeet(claim.span, board.incident)) continue;
      for (const other of board.heard) {
        if (other.speaker === claim.speaker || !other.people.includes(claim.speaker) || !other.span) continue;
        if (!/看见|看到|和.{1,6}在一起|跟.{1,6}在一起|\bsaw\b|\bwith\b/i.test(other.text)) continue;
        if (spansMeet(other.span, claim.span) && other.places.some((p) => claim.places.includes(p)))
          add(claim.speaker, {
            kind: 'alibi',
            weight: capped(claim.speaker, 'alibi', -0.3),
            ref: other.ref,
            by: other.speaker,
          });
      }
    }
  }
  return [...beliefs.entries()]
    .map(([character, b]) => ({
      character,
      score: Math.round(b.score * 1000) / 1000,
      reasons: b.reasons.filter((r) => r.weight !== 0).sort((x, y) => y.weight - x.weight),
    }))
    .sort((a, b) => b.score - a.score || a.character.localeCompare(b.character));
}
