import type { View } from '@jubensha/protocol';
import type { ClueReadings } from './clue-reading.js';

export interface Suspect {
  character: string;
  score: number;
  /** The clues behind the score, strongest first (their ids; the seat has seen each). */
  evidence: string[];
}

/**
 * Suspicion over the other characters from the clues this seat has seen (its own finds and the
 * published ones): each clue's pointsTo weights, plus a contradicted claim of someone who has spoken
 * at the table. Never includes the seat itself: nobody suspects or votes for themselves.
 */
export function suspicion(view: View, readings: ClueReadings): Suspect[] {
  const me = view.me;
  if (!me) return [];
  const seen = new Map([...me.clues, ...(view.table?.publishedClues ?? [])].map((c) => [c.id, c]));
  const spoke = new Set((view.table?.chat ?? []).map((m) => m.seat));
  const scores = new Map<string, { score: number; evidence: [string, number][] }>();
  for (const c of view.story.characters) if (c.id !== me.seat) scores.set(c.id, { score: 0, evidence: [] });
  for (const id of seen.keys()) {
    const r = readings[id];
    if (!r) continue;
    for (const p of r.pointsTo) {
      const s = scores.get(p.character);
      if (!s) continue;
      s.score += p.weight;
      if (p.weight > 0) s.evidence.push([id, p.weight]);
    }
    for (const k of r.contradicts) {
      const s = scores.get(k.character);
      if (!s || !spoke.has(k.character)) continue;
      s.score += 0.4;
      s.evidence.push([id, 0.4]);
    }
  }
  return [...scores.entries()]
    .map(([character, s]) => ({
      character,
      score: Math.round(s.score * 1000) / 1000,
      evidence: s.evidence.sort((a, b) => b[1] - a[1]).map(([id]) => id),
    }))
    .sort((a, b) => b.score - a.score || a.character.localeCompare(b.character));
}

/** Clues that point at this seat itself: what someone with something to hide keeps back. */
export function incriminating(seat: string, clue: string, readings: ClueReadings): boolean {
  const r = readings[clue];
  if (!r) return false;
  return (
    r.pointsTo.some((p) => p.character === seat && p.weight > 0) ||
    r.contradicts.some((k) => k.character === seat)
  );
}
