import ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { appendKv, compactKv, emptyKv, truncateKv } from './kv-cache.js';
import type { KvState } from './kv-cache.js';

/** New positions for one layer in the append layout, filled with `value`. */
function positions(n: number, value: number): ort.Tensor[] {
  const make = (): ort.Tensor =>
    new ort.Tensor('float32', new Float32Array(n * 2 * 3).fill(value), [1, n, 2, 3]);
  return [make(), make()];
}

const rows = (kv: KvState): number[] => {
  const data = kv.tensors[0]!.data as Float32Array;
  return Array.from({ length: kv.length }, (_, p) => data[(p + (kv.masked ?? 0)) * 6]!);
};

describe('append-layout KV state', () => {
  it('appends in place and grows without changing earlier positions', () => {
    let kv = emptyKv(1, 2, 3, true);
    for (let step = 1; step <= 100; step++) kv = appendKv(kv, positions(1, step));
    expect(kv.length).toBe(100);
    // One leading masked row works around onnxruntime's division by zero on an empty past.
    expect(kv.tensors[0]!.dims).toEqual([1, 101, 2, 3]);
    expect(rows(kv)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });

  it('copies on write: extending a shorter state never overwrites a longer one', () => {
    const prompt = appendKv(emptyKv(1, 2, 3, true), positions(4, 7));
    const first = appendKv(prompt, positions(2, 1));
    const second = appendKv(prompt, positions(2, 2));
    expect(rows(first)).toEqual([7, 7, 7, 7, 1, 1]);
    expect(rows(second)).toEqual([7, 7, 7, 7, 2, 2]);
    const cut = truncateKv(first, 3);
    const fromCut = appendKv(cut, positions(1, 9));
    expect(rows(fromCut)).toEqual([7, 7, 7, 9]);
    expect(rows(first)).toEqual([7, 7, 7, 7, 1, 1]);
  });

  it('compacts to exact-size private buffers for the cache', () => {
    const kv = appendKv(emptyKv(1, 2, 3, true), positions(5, 3));
    const own = compactKv(kv);
    expect((own.tensors[0]!.data as Float32Array).length).toBe(6 * 6);
    appendKv(own, positions(1, 4));
    expect(rows(own)).toEqual([3, 3, 3, 3, 3]);
  });
});
