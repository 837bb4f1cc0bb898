import { seededRandom } from '@jubensha/llm';

/** A seeded random source (mulberry32): the corpus must come out byte-identical for the same arguments. */
export class Rng {
  /** A float in [0, 1). */
  readonly next: () => number;

  constructor(seed: number) {
    this.next = seededRandom(seed);
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return at(items, Math.floor(this.next() * items.length));
  }

  /** A weighted choice: weights need not sum to 1. */
  weighted<T extends string>(weights: Readonly<Record<T, number>>): T {
    const entries = Object.entries(weights) as [T, number][];
    let r = this.next() * entries.reduce((n, [, w]) => n + w, 0);
    for (const [key, w] of entries) {
      r -= w;
      if (r < 0) return key;
    }
    return at(entries, entries.length - 1)[0];
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [at(out, j), at(out, i)];
    }
    return out;
  }

  /** `n` distinct items (all of them when there are fewer). */
  sample<T>(items: readonly T[], n: number): T[] {
    return this.shuffle(items).slice(0, n);
  }
}

/** `items[i]`, which the caller knows is there (an index out of range is a bug, so it throws). */
export function at<T>(items: readonly T[], i: number): T {
  const x = items[i < 0 ? items.length + i : i];
  if (x === undefined) throw new Error(`index ${i} out of range ${items.length}`);
  return x;
}

/** Mixes a seed with a stream number (split, mystery index) into an independent 32-bit seed. */
export function seedFor(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    let x = Math.floor(p) >>> 0;
    let hi = Math.floor(p / 4294967296) >>> 0;
    for (let i = 0; i < 8; i++) {
      h = Math.imul(h ^ (i < 4 ? x & 0xff : hi & 0xff), 0x01000193) >>> 0;
      if (i < 4) x >>>= 8;
      else hi >>>= 8;
    }
  }
  return h;
}
