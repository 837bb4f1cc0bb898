/**
 * mulberry32: a small seeded generator whose whole state is one uint32, so it lives in the game
 * context and a restored or replayed game draws the same numbers.
 */
export function nextRandom(state: number): { value: number; state: number } {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return { value: ((t ^ (t >>> 14)) >>> 0) / 4294967296, state: next };
}

/** Picks one element; the caller guarantees a non-empty list. */
export function pick<T>(items: readonly T[], state: number): { item: T; state: number } {
  const r = nextRandom(state);
  return { item: items[Math.floor(r.value * items.length)] as T, state: r.state };
}
