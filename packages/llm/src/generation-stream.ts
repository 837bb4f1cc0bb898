import { LlmError } from './errors.js';
import type { Clock, FinishReason, GenerationStats, GenerationStream } from './language-model.js';

/** What a backend reports while it generates; the stream turns it into chunks and stats. */
export interface GenerationSink {
  /** The first new token exists (it may still be held back as an incomplete character or possible stop). */
  firstToken(): void;
  text(chunk: string): void;
  end(result: {
    promptTokens: number;
    completionTokens: number;
    cachedPromptTokens: number;
    finishReason: FinishReason;
  }): void;
  fail(error: unknown): void;
}

/**
 * Builds a GenerationStream around a backend's `start`. The backend gets a sink and an AbortSignal that
 * fires on the caller's signal or when the consumer stops iterating early.
 */
export function createGenerationStream(
  clock: Clock,
  callerSignal: AbortSignal | undefined,
  start: (sink: GenerationSink, signal: AbortSignal) => void,
): GenerationStream {
  const startedAt = clock();
  let firstTokenAt: number | undefined;
  const chunks: string[] = [];
  let done = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  let resolveStats!: (stats: GenerationStats) => void;
  let rejectStats!: (error: unknown) => void;
  const stats = new Promise<GenerationStats>((resolve, reject) => {
    resolveStats = resolve;
    rejectStats = reject;
  });
  // Consumers that only iterate must not see an unhandled rejection from the stats they never read.
  stats.catch(() => undefined);

  const abort = new AbortController();
  const onCallerAbort = (): void => abort.abort();
  if (callerSignal?.aborted) abort.abort();
  else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });

  const notify = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const finish = (): void => {
    done = true;
    callerSignal?.removeEventListener('abort', onCallerAbort);
    notify();
  };

  const sink: GenerationSink = {
    firstToken() {
      firstTokenAt ??= clock();
    },
    text(chunk) {
      if (done || chunk === '') return;
      firstTokenAt ??= clock();
      chunks.push(chunk);
      notify();
    },
    end(result) {
      if (done) return;
      const endedAt = clock();
      const first = firstTokenAt ?? endedAt;
      const decodeMs = endedAt - first;
      resolveStats({
        ...result,
        timeToFirstTokenMs: first - startedAt,
        totalMs: endedAt - startedAt,
        tokensPerSecond:
          result.completionTokens > 1 && decodeMs > 0 ? ((result.completionTokens - 1) * 1000) / decodeMs : 0,
      });
      finish();
    },
    fail(error) {
      if (done) return;
      failure = error;
      rejectStats(error);
      finish();
    },
  };

  if (abort.signal.aborted) sink.fail(new LlmError('CANCELLED', 'aborted before start'));
  else {
    try {
      start(sink, abort.signal);
    } catch (error) {
      sink.fail(error);
    }
  }

  return {
    stats,
    [Symbol.asyncIterator](): AsyncIterator<string> {
      return {
        async next(): Promise<IteratorResult<string>> {
          for (;;) {
            const chunk = chunks.shift();
            if (chunk !== undefined) return { value: chunk, done: false };
            if (done) {
              if (failure !== undefined) throw failure;
              return { value: undefined, done: true };
            }
            await new Promise<void>((resolve) => (wake = resolve));
          }
        },
        async return(): Promise<IteratorResult<string>> {
          if (!done) abort.abort();
          return { value: undefined, done: true };
        },
      };
    },
  };
}
