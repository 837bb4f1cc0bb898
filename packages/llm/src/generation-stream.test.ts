import { describe, expect, it } from 'vitest';
import { LlmError } from './errors.js';
import { createGenerationStream } from './generation-stream.js';
import type { GenerationSink } from './generation-stream.js';

function manual(signal?: AbortSignal): {
  sink: GenerationSink;
  backendSignal: AbortSignal;
  stream: ReturnType<typeof createGenerationStream>;
  clock: { now: number };
} {
  const clock = { now: 1000 };
  let sink!: GenerationSink;
  let backendSignal!: AbortSignal;
  const stream = createGenerationStream(
    () => clock.now,
    signal,
    (s, sig) => {
      sink = s;
      backendSignal = sig;
    },
  );
  return { sink, backendSignal, stream, clock };
}

describe('createGenerationStream', () => {
  it('computes time to first token and decode speed from the injected clock', async () => {
    const { sink, stream, clock } = manual();
    clock.now = 1150;
    sink.firstToken();
    clock.now = 1200;
    sink.text('凶手');
    clock.now = 2150;
    sink.text('是他');
    sink.end({ promptTokens: 30, completionTokens: 20, cachedPromptTokens: 10, finishReason: 'length' });
    const chunks: string[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks).toEqual(['凶手', '是他']);
    // 19 tokens after the first, in 1000 ms.
    expect(await stream.stats).toEqual({
      promptTokens: 30,
      completionTokens: 20,
      cachedPromptTokens: 10,
      timeToFirstTokenMs: 150,
      totalMs: 1150,
      tokensPerSecond: 19,
      finishReason: 'length',
    });
  });

  it('stopping iteration early aborts the backend; a failure reaches both the loop and stats', async () => {
    const first = manual();
    first.sink.text('a');
    for await (const _chunk of first.stream) break;
    expect(first.backendSignal.aborted).toBe(true);

    const second = manual();
    second.sink.fail(new LlmError('CONTEXT_TOO_LONG', 'too long'));
    await expect(second.stream.stats).rejects.toMatchObject({ code: 'CONTEXT_TOO_LONG' });
    await expect(
      (async () => {
        for await (const _chunk of second.stream) void _chunk;
      })(),
    ).rejects.toMatchObject({ code: 'CONTEXT_TOO_LONG' });
  });

  it('an already aborted signal fails at once with CANCELLED', async () => {
    const controller = new AbortController();
    controller.abort();
    const { stream } = manual(controller.signal);
    await expect(stream.stats).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
