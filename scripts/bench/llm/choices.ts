/**
 * What a line costs the embedded model when it decodes inside choices (not a test):
 *   npx tsx scripts/bench/llm/choices.ts [--model models/default] [--lines 120]
 *
 * Plays one all-AI game of the evaluation story with the model, recording every request the agents make with
 * choices (the prompt and the realizer's wordings). Then, on the same machine in one run, interleaved: each
 * request decoded inside its choices, and the same prompt generated freely for as many tokens as its longest
 * choice (what an unconstrained model pays to write a line that long). Prints medians, p90 and the ratio.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runGame } from '../../../packages/agents/src/playtest/run-game.js';
import { OnnxLanguageModel } from '../../../packages/llm/src/onnx/onnx-language-model.js';
import type {
  GenerateRequest,
  GenerationStream,
  LanguageModel,
} from '../../../packages/llm/src/language-model.js';
import { loadStory } from '../../../packages/story/src/index.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const { values } = parseArgs({
  options: {
    model: { type: 'string', default: path.join(root, 'models/default') },
    lines: { type: 'string', default: '120' },
  },
});

const model = await OnnxLanguageModel.load({
  modelDir: values.model,
  sessions: 1,
  threadsPerSession: 2,
  niceness: 0,
});

/** The model as the agents see it, keeping each request that came with choices. */
class Recording implements LanguageModel {
  readonly description = model.description;
  readonly contextTokens = model.contextTokens;
  readonly constrainsChoices = true;
  readonly requests: GenerateRequest[] = [];
  generate(request: GenerateRequest): GenerationStream {
    if (request.choices) this.requests.push(request);
    return model.generate(request);
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

const { story } = await loadStory(path.join(root, 'tests/eval-stories/on-air'));
if (!story) throw new Error('cannot load the evaluation story');
const recording = new Recording();
for (const language of ['zh', 'en'] as const)
  await runGame(story, { seed: 1, language, modelFor: () => recording });
const requests = recording.requests.slice(0, Number(values.lines));

async function timed(request: GenerateRequest): Promise<{ ms: number; tokens: number }> {
  const stream = model.generate(request);
  for await (const _ of stream) {
    // drained: the time is the whole line
  }
  const stats = await stream.stats;
  return { ms: stats.totalMs, tokens: stats.completionTokens };
}

const chosen: number[] = [];
const free: number[] = [];
const parts: number[] = [];
for (const r of requests) {
  const longest = Math.max(...(r.choices ?? []).map((c) => c.length));
  const c = await timed({ ...r, prefixCacheKey: undefined });
  // Free generation of a line as long (a CJK character or 4 Latin characters per token, as the agents budget).
  const maxTokens = Math.max(
    8,
    /[\u3400-\u9fff]/.test(r.choices?.[0] ?? '') ? longest : Math.ceil(longest / 4),
  );
  const f = await timed({ messages: r.messages ?? [], maxTokens, temperature: 0 });
  chosen.push(c.ms);
  free.push(f.ms);
  parts.push(r.choices?.length ?? 0);
}

const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor(p * (xs.length - 1))] ?? 0;
const median = (xs: number[]) => q(xs, 0.5);
console.log(`model: ${model.description}, ${requests.length} lines with choices (on-air, zh + en, seed 1)`);
console.log(`choices per line: median ${median(parts)}, max ${Math.max(...parts)}`);
console.log(
  `decoding inside the choices: median ${median(chosen).toFixed(1)} ms, p90 ${q(chosen, 0.9).toFixed(1)} ms`,
);
console.log(
  `free generation, same prompts and length: median ${median(free).toFixed(1)} ms, p90 ${q(free, 0.9).toFixed(1)} ms`,
);
console.log(`ratio (free / choices), medians: ${(median(free) / median(chosen)).toFixed(2)}×`);
console.log(`target: median ≤ 150 ms per line on 2 cores: ${median(chosen) <= 150 ? 'met' : 'NOT met'}`);
await model.close();
