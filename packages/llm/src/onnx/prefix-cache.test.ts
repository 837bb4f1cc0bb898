import ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import type { KvState } from './kv-cache.js';
import { kvBytes, truncateKv } from './kv-cache.js';
import { PrefixCache } from './prefix-cache.js';

/** A one-layer KV state whose values encode (head, position, dim), so slicing errors show. */
function kv(length: number, heads = 2, headDim = 3): KvState {
  const make = (offset: number): ort.Tensor => {
    const data = new Float32Array(heads * length * headDim);
    for (let h = 0; h < heads; h++)
      for (let p = 0; p < length; p++)
        for (let d = 0; d < headDim; d++)
          data[(h * length + p) * headDim + d] = offset + h * 1000 + p * 10 + d;
    return new ort.Tensor('float32', data, [1, heads, length, headDim]);
  };
  return { length, tensors: [make(0), make(0.5)] };
}

describe('truncateKv', () => {
  it('keeps the first positions of every head', () => {
    const cut = truncateKv(kv(5), 2);
    expect(cut.length).toBe(2);
    expect(cut.tensors[0]!.dims).toEqual([1, 2, 2, 3]);
    expect(Array.from(cut.tensors[0]!.data as Float32Array)).toEqual(
      Array.from(kv(2).tensors[0]!.data as Float32Array),
    );
    expect(Array.from(cut.tensors[1]!.data as Float32Array)).toEqual(
      Array.from(kv(2).tensors[1]!.data as Float32Array),
    );
  });
});

describe('PrefixCache', () => {
  const logits = new Float32Array(4);

  it('finds the longest shared prefix and leaves one token to run', () => {
    const cache = new PrefixCache(1 << 20);
    cache.store('seat-1', [1, 2, 3, 4], kv(4), logits);
    expect(cache.lookup([9, 9])).toBeUndefined();
    expect(cache.lookup([1, 2, 3, 4, 5, 6])!.kv.length).toBe(4);
    expect(cache.lookup([1, 2, 7])!.kv.length).toBe(2);
    expect(cache.lookup([1, 2, 3])!.kv.length).toBe(2);
    const exact = cache.lookup([1, 2, 3, 4])!;
    expect(exact.kv.length).toBe(4);
    expect(exact.logits).toBeDefined();
  });

  it('replaces a key and evicts least recently used entries past its byte budget', () => {
    const one = kvBytes(kv(4)) + logits.byteLength + 4 * 8;
    const cache = new PrefixCache(2 * one);
    cache.store('a', [1, 1, 1, 1], kv(4), logits);
    cache.store('a', [2, 2, 2, 2], kv(4), logits);
    expect(cache.size).toBe(1);
    expect(cache.lookup([1, 1, 1, 1])).toBeUndefined();
    cache.store('b', [3, 3, 3, 3], kv(4), logits);
    cache.lookup([2, 2, 2, 2]); // a is now the most recent
    cache.store('c', [4, 4, 4, 4], kv(4), logits);
    expect(cache.size).toBe(2);
    expect(cache.bytes).toBeLessThanOrEqual(2 * one);
    expect(cache.lookup([3, 3, 3, 3])).toBeUndefined();
    expect(cache.lookup([2, 2, 2, 2])).toBeDefined();
  });
});
