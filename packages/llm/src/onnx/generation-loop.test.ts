import { describe, expect, it } from 'vitest';
import type { CausalLm, ForwardResult } from './causal-lm.js';
import { runGeneration } from './generation-loop.js';
import type { KvState } from './kv-cache.js';

const VOCAB = 20;
const EOS = 0;

/**
 * A model whose next-token scores are a fixed table by the last token seen: enough to see which choice the
 * masked decoding takes and how many model calls it makes.
 */
function fakeLm(prefer: (last: number) => number[]): { lm: CausalLm; calls: number[][] } {
  const calls: number[][] = [];
  const lm = {
    spec: { maxContext: 64, eosTokenIds: [EOS] },
    emptyKv: (): KvState => ({ length: 0, tensors: [] }),
    forward: (tokens: readonly number[], past: KvState): Promise<ForwardResult> => {
      calls.push([...tokens]);
      const logits = new Float32Array(VOCAB).fill(-5);
      prefer(tokens[tokens.length - 1] ?? -1).forEach((t, rank) => (logits[t] = 10 - rank));
      return Promise.resolve({
        logits,
        positions: 1,
        kv: { length: past.length + tokens.length, tensors: [] },
      });
    },
  } as unknown as CausalLm;
  return { lm, calls };
}

const decode = (ids: readonly number[]) => ids.map((i) => String.fromCharCode(96 + i)).join('');
const greedy = { temperature: 0, topP: 1, topK: 0, repetitionPenalty: 1, seed: 1 };

async function run(lm: CausalLm, choices: number[][], sampler = greedy) {
  let text = '';
  const result = await runGeneration(
    lm,
    decode,
    undefined,
    { promptIds: [1, 2, 3], sampler, maxTokens: 2, stop: ['c'], choices },
    { firstToken: () => {}, text: (t) => (text += t), cancelled: () => false },
  );
  return { text, result };
}

describe('decoding inside choices', () => {
  it('writes exactly one choice, the one the model scores higher where they part', async () => {
    // After the shared start (5, 6) the model prefers 9 over 7: the second choice, whatever their order.
    const { lm } = fakeLm((last) => (last === 6 ? [9, 7] : [1]));
    for (const choices of [
      [
        [5, 6, 7, 8],
        [5, 6, 9, 3, 3],
      ],
      [
        [5, 6, 9, 3, 3],
        [5, 6, 7, 8],
      ],
    ]) {
      const { text, result } = await run(lm, choices);
      // maxTokens 2 and the stop string "c" (token 3) do not cut a choice short.
      expect(text).toBe(decode([5, 6, 9, 3, 3]));
      expect(result.completionTokens).toBe(5);
      expect(result.finishReason).toBe('stop');
    }
    const { lm: other } = fakeLm((last) => (last === 6 ? [7, 9] : [1]));
    expect(
      (
        await run(other, [
          [5, 6, 7, 8],
          [5, 6, 9, 3, 3],
        ])
      ).text,
    ).toBe(decode([5, 6, 7, 8]));
  });

  it('calls the model only where the choices part: forced tokens go in one batch, a lone choice is written out', async () => {
    const { lm, calls } = fakeLm(() => [9]);
    await run(lm, [
      [5, 6, 7, 8, 10, 11],
      [5, 6, 9, 12, 13],
    ]);
    // The prompt, then the forced 5, 6 in one call at the parting; after 9 one choice is left: no more calls.
    expect(calls).toEqual([
      [1, 2, 3],
      [5, 6],
    ]);
  });

  it('ends a choice that is the start of another when the model scores the end higher', async () => {
    const { lm } = fakeLm((last) => (last === 6 ? [EOS, 7] : [1]));
    expect(
      (
        await run(lm, [
          [5, 6],
          [5, 6, 7],
        ])
      ).text,
    ).toBe(decode([5, 6]));
    const { lm: on } = fakeLm((last) => (last === 6 ? [7, EOS] : [1]));
    expect(
      (
        await run(on, [
          [5, 6],
          [5, 6, 7],
        ])
      ).text,
    ).toBe(decode([5, 6, 7]));
  });

  it('sampling stays inside the choices and reaches each of them', async () => {
    const { lm } = fakeLm(() => [4, 5, 6]);
    const seen = new Set<string>();
    for (let seed = 1; seed <= 40; seed++) {
      const { text } = await run(
        lm,
        [
          [4, 8],
          [5, 8],
          [6, 8],
        ],
        { ...greedy, temperature: 3, seed },
      );
      seen.add(text);
    }
    expect([...seen].sort()).toEqual([decode([4, 8]), decode([5, 8]), decode([6, 8])]);
  });

  it('refuses choices that would overrun the context', async () => {
    const { lm } = fakeLm(() => [1]);
    await expect(run(lm, [Array.from({ length: 70 }, () => 4)])).rejects.toMatchObject({
      code: 'CONTEXT_TOO_LONG',
    });
  });
});
