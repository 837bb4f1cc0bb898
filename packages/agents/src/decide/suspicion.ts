import type { ClueReadings } from './clue-reading.js';

/** Clues that point at this seat itself: what someone with something to hide keeps back. */
export function incriminating(seat: string, clue: string, readings: ClueReadings): boolean {
  const r = readings[clue];
  if (!r) return false;
  return (
    r.pointsTo.some((p) => p.character === seat && p.weight > 0) ||
    r.contradicts.some((k) => k.character === seat)
  );
}
