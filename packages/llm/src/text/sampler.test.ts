import { describe, expect, it } from 'vitest';
import { Sampler, argmax, topIndices } from './sampler.js';

const settings = { temperature: 0, topP: 1, topK: 0, repetitionPenalty: 1, seed: 7 };

describe('topIndices', () => {
  it('returns the largest entries, largest first, ties by lower index', () => {
    const values = Float32Array.from([0.5, 3, -1, 3, 2, 0]);
    expect(Array.from(topIndices(values, 3))).toEqual([1, 3, 4]);
    expect(Array.from(topIndices(values, 10))).toEqual([1, 3, 4, 0, 5, 2]);
  });

  it('agrees with a full sort on random data', () => {
    const values = Float32Array.from({ length: 5000 }, (_, i) => (Math.sin(i * 12.9898) * 43758.5453) % 1);
    const sorted = Array.from(values.keys()).sort((a, b) => values[b]! - values[a]! || a - b);
    expect(Array.from(topIndices(values, 50))).toEqual(sorted.slice(0, 50));
  });
});

describe('Sampler', () => {
  it('is greedy at temperature 0', () => {
    expect(new Sampler(settings).next(Float32Array.from([1, 5, 2]))).toBe(1);
    expect(argmax(Float32Array.from([-3, -1, -2]))).toBe(1);
  });

  it('applies the repetition penalty to remembered tokens', () => {
    const sampler = new Sampler({ ...settings, repetitionPenalty: 2 });
    sampler.remember([1]);
    // 5 / 2 = 2.5 < 3: the penalty flips the choice; a negative logit gets more negative.
    expect(sampler.next(Float32Array.from([1, 5, 3]))).toBe(2);
    const logits = Float32Array.from([-1, 0]);
    const other = new Sampler({ ...settings, repetitionPenalty: 2 });
    other.remember([0]);
    other.next(logits);
    expect(logits[0]).toBe(-2);
  });

  it('top-k 1 is greedy whatever the temperature', () => {
    const sampler = new Sampler({ ...settings, temperature: 5, topK: 1 });
    for (let i = 0; i < 20; i++) expect(sampler.next(Float32Array.from([0, 1, 0.9, 0.5]))).toBe(1);
  });

  it('top-p keeps only the nucleus', () => {
    // Token 0 holds ~88% of the mass: with topP 0.8 only it can be drawn.
    const sampler = new Sampler({ ...settings, temperature: 1, topP: 0.8, seed: 3 });
    for (let i = 0; i < 50; i++) expect(sampler.next(Float32Array.from([4, 1, 1, 0, 0]))).toBe(0);
  });

  it('same seed gives the same draws, sampling follows the distribution', () => {
    const draw = (seed: number): number[] => {
      const sampler = new Sampler({ ...settings, temperature: 1, seed });
      return Array.from({ length: 2000 }, () => sampler.next(Float32Array.from([0, Math.log(3)])));
    };
    expect(draw(11)).toEqual(draw(11));
    expect(draw(11)).not.toEqual(draw(12));
    const ones = draw(11).filter((t) => t === 1).length / 2000;
    expect(ones).toBeGreaterThan(0.7);
    expect(ones).toBeLessThan(0.8);
  });

  it('top-p over a large vocabulary grows its candidate set until it holds the mass', () => {
    const logits = new Float32Array(50000);
    const sampler = new Sampler({ ...settings, temperature: 1, topP: 0.99, seed: 5 });
    const seen = new Set<number>();
    for (let i = 0; i < 100; i++) seen.add(sampler.next(new Float32Array(logits)));
    // Flat distribution: 99% of the vocabulary is eligible, so draws spread far beyond the first 64 candidates.
    expect(Math.max(...seen)).toBeGreaterThan(1000);
  });
});

describe('Sampler with top-k and top-p together', () => {
  it('draws only inside the top-k', () => {
    const sampler = new Sampler({ temperature: 1, topP: 1, topK: 2, repetitionPenalty: 1, seed: 9 });
    const seen = new Set<number>();
    for (let i = 0; i < 200; i++) seen.add(sampler.next(Float32Array.from([1, 0.9, 0.8, 0.7])));
    expect([...seen].sort()).toEqual([0, 1]);
  });
});
