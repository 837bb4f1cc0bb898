/* eslint-disable @typescript-eslint/no-non-null-assertion -- typed-array kernels: every index is in bounds by construction, and `!` costs nothing in the hot loop. */
import { seededRandom } from './random.js';

export interface SamplerSettings {
  temperature: number;
  topP: number;
  topK: number;
  repetitionPenalty: number;
  seed: number;
}

/**
 * Picks the next token from one row of logits. It never sorts the vocabulary: top-k and top-p work on a
 * small candidate set found by partial selection, grown only when the candidates miss the top-p mass.
 */
export class Sampler {
  private readonly random: () => number;
  private readonly penalized = new Set<number>();

  constructor(private readonly settings: SamplerSettings) {
    this.random = seededRandom(settings.seed);
  }

  /** Tokens already seen (prompt and reply) take the repetition penalty. */
  remember(tokens: Iterable<number>): void {
    if (this.settings.repetitionPenalty === 1) return;
    for (const token of tokens) this.penalized.add(token);
  }

  /** Modifies `logits` in place (penalty, temperature) and returns the chosen token id. */
  next(logits: Float32Array): number {
    const { temperature, topK, topP, repetitionPenalty } = this.settings;
    if (repetitionPenalty !== 1) {
      for (const token of this.penalized) {
        const value = logits[token];
        if (value === undefined) continue;
        logits[token] = value > 0 ? value / repetitionPenalty : value * repetitionPenalty;
      }
    }
    if (temperature <= 0) return argmax(logits);

    const vocab = logits.length;
    let max = -Infinity;
    for (let i = 0; i < vocab; i++) {
      const scaled = logits[i]! / temperature;
      logits[i] = scaled;
      if (scaled > max) max = scaled;
    }
    let total = 0;
    for (let i = 0; i < vocab; i++) total += Math.exp(logits[i]! - max);

    if (topK > 0 && topK < vocab) {
      const candidates = topIndices(logits, topK);
      return this.sampleFrom(logits, nucleus(logits, candidates, max, total, topP), max);
    }
    if (topP >= 1) return this.sampleAll(logits, max, total);
    // Peaked distributions (the usual case) hold the top-p mass in a few dozen tokens.
    const candidates = topIndices(logits, Math.min(64, vocab));
    const kept = nucleus(logits, candidates, max, total, topP);
    if (kept.length < candidates.length || massOf(logits, candidates, max, total) >= topP) {
      return this.sampleFrom(logits, kept, max);
    }
    return this.sampleAbove(logits, nucleusThreshold(logits, max, total, topP), max);
  }

  /** Samples among tokens whose logit is at least `threshold`. */
  private sampleAbove(logits: Float32Array, threshold: number, max: number): number {
    let total = 0;
    for (let i = 0; i < logits.length; i++) if (logits[i]! >= threshold) total += Math.exp(logits[i]! - max);
    let target = this.random() * total;
    for (let i = 0; i < logits.length; i++) {
      if (logits[i]! < threshold) continue;
      target -= Math.exp(logits[i]! - max);
      if (target <= 0) return i;
    }
    return argmax(logits);
  }

  private sampleAll(logits: Float32Array, max: number, total: number): number {
    let target = this.random() * total;
    for (let i = 0; i < logits.length; i++) {
      target -= Math.exp(logits[i]! - max);
      if (target <= 0) return i;
    }
    return argmax(logits);
  }

  private sampleFrom(logits: Float32Array, candidates: Int32Array, max: number): number {
    let total = 0;
    for (const id of candidates) total += Math.exp(logits[id]! - max);
    let target = this.random() * total;
    for (const id of candidates) {
      target -= Math.exp(logits[id]! - max);
      if (target <= 0) return id;
    }
    return candidates[0]!;
  }
}

function massOf(logits: Float32Array, ids: Int32Array, max: number, total: number): number {
  let mass = 0;
  for (const id of ids) mass += Math.exp(logits[id]! - max) / total;
  return mass;
}

/** The shortest prefix of `candidates` (largest first) whose probability reaches topP. */
function nucleus(
  logits: Float32Array,
  candidates: Int32Array,
  max: number,
  total: number,
  topP: number,
): Int32Array {
  if (topP >= 1) return candidates;
  let mass = 0;
  for (let i = 0; i < candidates.length; i++) {
    mass += Math.exp(logits[candidates[i]!]! - max) / total;
    if (mass >= topP) return candidates.subarray(0, i + 1);
  }
  return candidates;
}

/**
 * For flat distributions: the highest logit threshold whose tokens still hold the top-p mass, found by
 * bisection over the logit range (linear passes, no sort).
 */
function nucleusThreshold(logits: Float32Array, max: number, total: number, topP: number): number {
  let min = Infinity;
  for (let i = 0; i < logits.length; i++) if (logits[i]! < min) min = logits[i]!;
  let lo = min;
  let hi = max;
  for (let step = 0; step < 32 && hi - lo > 1e-6; step++) {
    const mid = (lo + hi) / 2;
    let mass = 0;
    for (let i = 0; i < logits.length; i++) if (logits[i]! >= mid) mass += Math.exp(logits[i]! - max);
    if (mass / total >= topP) lo = mid;
    else hi = mid;
  }
  return lo;
}

export function argmax(values: Float32Array): number {
  let best = 0;
  let bestValue = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (value > bestValue) {
      bestValue = value;
      best = i;
    }
  }
  return best;
}

/**
 * The `count` largest entries' indices, largest first, by a bounded min-heap: O(n log count), no full sort.
 * Ties keep the lower index first, like a stable sort would.
 */
export function topIndices(values: Float32Array, count: number): Int32Array {
  const k = Math.min(count, values.length);
  const heap = new Int32Array(k);
  let size = 0;
  // "a ranks below b": smaller value, or equal value and larger index.
  const below = (a: number, b: number): boolean =>
    values[a]! < values[b]! || (values[a] === values[b] && a > b);
  const siftDown = (start: number): void => {
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < size && below(heap[l]!, heap[m]!)) m = l;
      if (r < size && below(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      const t = heap[i]!;
      heap[i] = heap[m]!;
      heap[m] = t;
      i = m;
    }
  };
  for (let id = 0; id < values.length; id++) {
    if (size < k) {
      let i = size++;
      heap[i] = id;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!below(heap[i]!, heap[p]!)) break;
        const t = heap[i]!;
        heap[i] = heap[p]!;
        heap[p] = t;
        i = p;
      }
    } else if (below(heap[0]!, id)) {
      heap[0] = id;
      siftDown(0);
    }
  }
  // Pop ascending, fill from the back: largest first.
  const out = new Int32Array(k);
  for (let n = k - 1; n >= 0; n--) {
    out[n] = heap[0]!;
    heap[0] = heap[--size]!;
    siftDown(0);
  }
  return out;
}
