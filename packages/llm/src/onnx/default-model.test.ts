import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CausalLm } from './causal-lm.js';
import { runGeneration } from './generation-loop.js';
import { readModelFolder } from './model-folder.js';
import { ModelTokenizer } from './tokenizer.js';

// The default model trained here (models/default, built by scripts/model/build-default.sh): both of its ONNX
// graphs read the one shared weights file, and both must reproduce torch's greedy continuation from the export.
const DIR = fileURLToPath(new URL('../../../../models/default', import.meta.url));
const reference = JSON.parse(readFileSync(`${DIR}/reference.json`, 'utf8')) as {
  prompt_ids: number[];
  greedy_ids: number[];
};

describe.each(['model.onnx', 'model_kv_append.onnx'])('models/default %s', (onnxFile) => {
  let lm: CausalLm;
  let tokenizer: ModelTokenizer;
  let expected: number[];
  beforeAll(async () => {
    const spec = await readModelFolder(DIR, onnxFile);
    // torch's reference runs past the end of the reply; generation stops at the first end-of-turn token.
    const end = reference.greedy_ids.findIndex((id) => spec.eosTokenIds.includes(id));
    expected = end < 0 ? reference.greedy_ids : reference.greedy_ids.slice(0, end);
    lm = await CausalLm.load(spec, 1);
    tokenizer = await ModelTokenizer.load(DIR);
  });
  afterAll(async () => lm.release());

  it('greedy tokens equal torch', async () => {
    const tokens: number[] = [];
    await runGeneration(
      lm,
      tokenizer.decode,
      undefined,
      {
        promptIds: reference.prompt_ids,
        sampler: { temperature: 0, topP: 1, topK: 0, repetitionPenalty: 1, seed: 1 },
        maxTokens: reference.greedy_ids.length,
        stop: [],
      },
      {
        firstToken: () => undefined,
        text: () => undefined,
        cancelled: () => false,
        token: (id) => tokens.push(id),
      },
    );
    expect(expected.length).toBeGreaterThan(4);
    expect(tokens).toEqual(expected);
  });
});
