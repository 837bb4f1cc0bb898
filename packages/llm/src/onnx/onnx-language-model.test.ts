import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLlmError } from '../errors.js';
import type { GenerationStats, GenerationStream } from '../language-model.js';
import { fixtureDir } from './fixtures.test-support.js';
import { OnnxLanguageModel } from './onnx-language-model.js';

// Inference threads run at normal priority here: the suite shares a busy machine with other test processes,
// and the default niceness (10, so a game server's event loop wins the CPU) would only slow the tests down.

let model: OnnxLanguageModel;
beforeAll(async () => {
  model = await OnnxLanguageModel.load({
    modelDir: fixtureDir('tiny-qwen2'),
    sessions: 1,
    threadsPerSession: 1,
    niceness: 0,
  });
});
afterAll(async () => model.close());

async function collect(
  stream: GenerationStream,
): Promise<{ text: string; chunks: string[]; stats: GenerationStats }> {
  const chunks: string[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return { text: chunks.join(''), chunks, stats: await stream.stats };
}

async function failureCode(stream: GenerationStream): Promise<string> {
  try {
    await collect(stream);
    return 'ok';
  } catch (error) {
    if (!isLlmError(error)) throw error;
    await expect(stream.stats).rejects.toMatchObject({ code: error.code });
    return error.code;
  }
}

it('reports the context the model folder declares, so callers can size prompts under it', () => {
  // tiny-qwen2's config.json: max_position_embeddings 128.
  expect(model.contextTokens).toBe(128);
});

const messages = [
  { role: 'system' as const, content: '你是管家。You are the butler.' },
  { role: 'user' as const, content: '昨晚你在哪里？Where were you last night?' },
];

describe('OnnxLanguageModel (worker thread)', () => {
  it('streams a chat reply with stats, deterministic under greedy decoding', async () => {
    const a = await collect(model.generate({ messages, maxTokens: 20 }));
    const b = await collect(model.generate({ messages, maxTokens: 20 }));
    expect(a.text).toBe(b.text);
    expect(a.stats.promptTokens).toBeGreaterThan(10);
    expect(a.stats.completionTokens).toBeGreaterThan(0);
    expect(a.stats.completionTokens).toBeLessThanOrEqual(20);
    expect(['length', 'eos']).toContain(a.stats.finishReason);
    expect(model.description).toBe('onnx:qwen2 (1×1 threads)');
  });

  it('seeded sampling repeats with the same seed', async () => {
    const request = { prompt: 'The detective said', temperature: 1.2, topP: 0.95, topK: 50, maxTokens: 16 };
    const a = await collect(model.generate({ ...request, seed: 5 }));
    const b = await collect(model.generate({ ...request, seed: 5 }));
    const c = await collect(model.generate({ ...request, seed: 6 }));
    expect(a.text).toBe(b.text);
    expect(c.text).not.toBe(a.text);
  });

  it('cuts at a stop string and never emits it', async () => {
    const full = await collect(model.generate({ prompt: 'The clue is', maxTokens: 30 }));
    const stop = full.text.slice(6, 9);
    expect(stop.length).toBe(3);
    const cut = await collect(model.generate({ prompt: 'The clue is', maxTokens: 30, stop: [stop] }));
    expect(cut.text).toBe(full.text.slice(0, full.text.indexOf(stop)));
    expect(cut.stats.finishReason).toBe('stop');
  });

  it('reuses a prefix under a cache key and reports it', async () => {
    const first = await collect(model.generate({ messages, maxTokens: 5, prefixCacheKey: 'butler' }));
    const next = [
      ...messages,
      { role: 'assistant' as const, content: first.text },
      { role: 'user' as const, content: '真的吗？' },
    ];
    const cached = await collect(model.generate({ messages: next, maxTokens: 8, prefixCacheKey: 'butler' }));
    expect(cached.stats.cachedPromptTokens).toBeGreaterThanOrEqual(first.stats.promptTokens - 2);
  });

  it('keeps the event loop free: a timer keeps firing during generation', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const tickAtChunk: number[] = [];
    const stream = model.generate({ prompt: '我在花园里', maxTokens: 100 });
    for await (const _chunk of stream) tickAtChunk.push(ticks);
    clearInterval(timer);
    expect(tickAtChunk.length).toBeGreaterThan(3);
    expect(ticks).toBeGreaterThan(0);
  });

  it('cancels a running generation by AbortSignal and stays usable', async () => {
    const controller = new AbortController();
    const stream = model.generate({ prompt: 'The butler', maxTokens: 120, signal: controller.signal });
    const chunks: string[] = [];
    await expect(
      (async () => {
        for await (const chunk of stream) {
          chunks.push(chunk);
          controller.abort();
        }
      })(),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    await expect(stream.stats).rejects.toMatchObject({ code: 'CANCELLED' });
    expect((await collect(model.generate({ prompt: 'Again', maxTokens: 3 }))).stats.completionTokens).toBe(3);
  });

  it('cancels a queued generation before it runs, and breaking out of a loop cancels too', async () => {
    const running = model.generate({ prompt: 'First', maxTokens: 40, roomKey: 'a' });
    const controller = new AbortController();
    const queued = model.generate({
      prompt: 'Second',
      maxTokens: 40,
      roomKey: 'b',
      signal: controller.signal,
    });
    controller.abort();
    expect(await failureCode(queued)).toBe('CANCELLED');
    expect((await collect(running)).stats.completionTokens).toBeGreaterThan(0);

    const broken = model.generate({ prompt: 'Third', maxTokens: 100 });
    for await (const _chunk of broken) break;
    await expect(broken.stats).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('choices bind the reply: greedy or sampled, it is exactly one of them, and the model picks which', async () => {
    expect(model.constrainsChoices).toBe(true);
    const choices = ['我在书房。', '我一直在厨房，没出去过。', 'I was in the study.', '我在花园里。'];
    const free = await collect(model.generate({ messages, maxTokens: 20 }));
    expect(choices).not.toContain(free.text);
    const greedy = await collect(model.generate({ messages, choices }));
    expect(choices).toContain(greedy.text);
    // The order the caller lists them in does not decide.
    const reversed = await collect(model.generate({ messages, choices: [...choices].reverse() }));
    expect(reversed.text).toBe(greedy.text);
    const sampled = new Set<string>();
    for (let seed = 1; seed <= 12; seed++) {
      const r = await collect(model.generate({ messages, choices, temperature: 2, seed }));
      expect(choices).toContain(r.text);
      sampled.add(r.text);
    }
    expect(sampled.size).toBeGreaterThan(1);
    expect(await failureCode(model.generate({ messages, choices: [] }))).toBe('BAD_REQUEST');
    expect(await failureCode(model.generate({ messages, choices: [''] }))).toBe('BAD_REQUEST');
  });

  it('CONTEXT_TOO_LONG for a prompt beyond the model context; BAD_REQUEST for bad settings', async () => {
    expect(await failureCode(model.generate({ prompt: '侦探'.repeat(200) }))).toBe('CONTEXT_TOO_LONG');
    expect(await failureCode(model.generate({ prompt: 'x', topP: 0 }))).toBe('BAD_REQUEST');
  });
});

describe('OnnxLanguageModel.close', () => {
  it('fails running and queued generations with CANCELLED', async () => {
    const closing = await OnnxLanguageModel.load({
      modelDir: fixtureDir('tiny-gpt2'),
      threadsPerSession: 1,
      niceness: 0,
    });
    const running = closing.generate({ prompt: 'The butler', maxTokens: 100 });
    const queued = closing.generate({ prompt: 'The maid', maxTokens: 100, roomKey: 'other' });
    for await (const _chunk of running) break;
    const again = closing.generate({ prompt: 'The heir', maxTokens: 100 });
    await closing.close();
    expect(await failureCode(queued)).toBe('CANCELLED');
    expect(await failureCode(again)).toBe('CANCELLED');
  });
});

describe('OnnxLanguageModel with several sessions', () => {
  it('runs generations in parallel worker threads with the same results as one session', async () => {
    const parallel = await OnnxLanguageModel.load({
      modelDir: fixtureDir('tiny-llama'),
      sessions: 2,
      threadsPerSession: 1,
      niceness: 0,
    });
    const single = await OnnxLanguageModel.load({
      modelDir: fixtureDir('tiny-llama'),
      threadsPerSession: 1,
      niceness: 0,
    });
    const prompts = ['管家说', 'The maid', '继承人', 'The detective'];
    const together = await Promise.all(
      prompts.map((prompt, i) =>
        collect(parallel.generate({ prompt, maxTokens: 24, roomKey: `room-${i % 2}` })),
      ),
    );
    for (const [i, prompt] of prompts.entries()) {
      expect(together[i]!.text).toBe((await collect(single.generate({ prompt, maxTokens: 24 }))).text);
    }
    expect(parallel.description).toBe('onnx:llama (2×1 threads)');
    await Promise.all([parallel.close(), single.close()]);
  });
});
