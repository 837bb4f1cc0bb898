import path from 'node:path';
import { AutoModelForCausalLM, Tensor, env } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CausalLm } from './causal-lm.js';
import { fixtureDir, fixtureModels, readReference } from './fixtures.test-support.js';
import { runGeneration } from './generation-loop.js';
import { readModelFolder } from './model-folder.js';
import { PrefixCache } from './prefix-cache.js';
import { ModelTokenizer } from './tokenizer.js';

const greedy = { temperature: 0, topP: 1, topK: 0, repetitionPenalty: 1, seed: 1 };

async function ourGreedy(
  lm: CausalLm,
  tokenizer: ModelTokenizer,
  promptIds: number[],
  maxTokens: number,
  cache?: PrefixCache,
  prefixCacheKey?: string,
): Promise<{ tokens: number[]; cached: number }> {
  const tokens: number[] = [];
  const result = await runGeneration(
    lm,
    tokenizer.decode,
    cache,
    { promptIds, sampler: greedy, maxTokens, stop: [], ...(prefixCacheKey ? { prefixCacheKey } : {}) },
    {
      firstToken: () => undefined,
      text: () => undefined,
      cancelled: () => false,
      token: (id) => tokens.push(id),
    },
  );
  return { tokens, cached: result.cachedPromptTokens };
}

describe.each(fixtureModels())('%s %s', (name, onnxFile) => {
  const reference = readReference(name);
  let lm: CausalLm;
  let tokenizer: ModelTokenizer;

  beforeAll(async () => {
    lm = await CausalLm.load(await readModelFolder(fixtureDir(name), onnxFile), 1);
    tokenizer = await ModelTokenizer.load(fixtureDir(name));
  });
  afterAll(async () => lm.release());

  it('matches torch logits after the prompt', async () => {
    const { logits } = await lm.forward(reference.prompt_ids, lm.emptyKv());
    const worst = reference.prompt_last_logits.reduce((m, v, i) => Math.max(m, Math.abs(v - logits[i]!)), 0);
    expect(worst).toBeLessThan(1e-4);
  });

  it('greedy tokens equal torch and transformers.js generate()', async () => {
    const steps = reference.greedy_ids.length;
    const ours = await ourGreedy(lm, tokenizer, reference.prompt_ids, steps);
    expect(ours.tokens).toEqual(reference.greedy_ids);
    expect(lm.appendLayout).toBe(onnxFile === 'model_kv_append.onnx');

    env.allowRemoteModels = false;
    env.localModelPath = path.dirname(fixtureDir(name)) + path.sep;
    const model = await AutoModelForCausalLM.from_pretrained(name, { dtype: 'fp32', device: 'cpu' });
    const n = reference.prompt_ids.length;
    const output = (await model.generate({
      input_ids: new Tensor('int64', BigInt64Array.from(reference.prompt_ids, BigInt), [1, n]),
      attention_mask: new Tensor('int64', new BigInt64Array(n).fill(1n), [1, n]),
      max_new_tokens: steps,
      min_new_tokens: steps,
      do_sample: false,
    })) as Tensor;
    expect(Array.from(output.data as BigInt64Array, Number).slice(n)).toEqual(ours.tokens);
    await model.dispose();
  });

  it('step-by-step logits equal a full recompute', async () => {
    const sequence = [...reference.prompt_ids, ...reference.greedy_ids.slice(0, 8)];
    const full = await lm.forward(sequence, lm.emptyKv(), 0);
    const vocab = lm.vocabSize;
    let kv = lm.emptyKv();
    let worst = 0;
    for (let i = 0; i < sequence.length; i++) {
      const step = await lm.forward([sequence[i]!], kv);
      kv = step.kv;
      for (let v = 0; v < vocab; v++)
        worst = Math.max(worst, Math.abs(step.logits[v]! - full.logits[i * vocab + v]!));
    }
    expect(full.positions).toBe(sequence.length);
    expect(worst).toBeLessThanOrEqual(1e-4);
  });

  it('a cached prefix gives exactly the tokens of an uncached run', async () => {
    const base = reference.prompt_ids;
    const longer = [...base, ...reference.greedy_ids.slice(0, 3)];
    const uncached = await ourGreedy(lm, tokenizer, longer, 12);
    const cache = new PrefixCache(16 * 1024 * 1024);
    const first = await ourGreedy(lm, tokenizer, base, 4, cache, 'seat-1');
    expect(first.cached).toBe(0);
    const extended = await ourGreedy(lm, tokenizer, longer, 12, cache, 'seat-1');
    expect(extended.cached).toBe(base.length);
    expect(extended.tokens).toEqual(uncached.tokens);
    // Exact repeat: served from the stored logits; a diverging prompt reuses only the shared part.
    const repeat = await ourGreedy(lm, tokenizer, longer, 12, cache, 'seat-1');
    expect(repeat.cached).toBe(longer.length);
    expect(repeat.tokens).toEqual(uncached.tokens);
    const diverging = [...base.slice(0, 6), ...reference.greedy_ids.slice(0, 5)];
    const divergingUncached = await ourGreedy(lm, tokenizer, diverging, 12);
    const divergingCached = await ourGreedy(lm, tokenizer, diverging, 12, cache);
    expect(divergingCached.cached).toBe(6);
    expect(divergingCached.tokens).toEqual(divergingUncached.tokens);
  });
});
