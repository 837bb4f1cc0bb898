import { Worker } from 'node:worker_threads';
import { LlmError } from '../errors.js';
import { createGenerationStream } from '../generation-stream.js';
import type { GenerationSink } from '../generation-stream.js';
import { defaultClock } from '../language-model.js';
import type { Clock, GenerateRequest, GenerationStream, LanguageModel } from '../language-model.js';
import { FairScheduler } from '../scheduler.js';
import { readModelFolder } from './model-folder.js';
import type { FromWorker, GenerateJob, ToWorker, WorkerInit } from './worker-protocol.js';

export interface OnnxModelOptions {
  /** A Hugging Face / transformers.js ONNX folder (config.json, tokenizer files, onnx/model*.onnx). */
  modelDir: string;
  /** A file inside onnx/ when there are several (e.g. `model_quantized.onnx`). */
  onnxFile?: string;
  /** Parallel inference sessions, each in its own worker thread (default 1). */
  sessions?: number;
  /** onnxruntime intra-op threads per session (default 2). */
  threadsPerSession?: number;
  /** Prefix-cache budget per session in bytes (default 256 MiB). */
  prefixCacheBytes?: number;
  /** Linux nice value of the inference threads, so the event loop wins the CPU (default 10; 0 = off). */
  niceness?: number;
  /** Default reply length when a request gives no maxTokens (default 256). */
  defaultMaxTokens?: number;
  clock?: Clock;
}

const WORKER_ENTRY = new URL('./worker-entry.js', import.meta.url);

interface Running {
  sink: GenerationSink;
  finished: () => void;
  cancel: Int32Array;
}

/** One worker thread holding one onnxruntime session, its tokenizer and its prefix cache. */
class ModelWorker {
  private readonly running = new Map<number, Running>();
  readonly ready: Promise<{ modelType: string; maxContext: number }>;
  private readonly exited: Promise<void>;
  private dead: LlmError | undefined;

  constructor(private readonly worker: Worker) {
    this.exited = new Promise((resolve) => worker.once('exit', () => resolve()));
    this.ready = new Promise((resolve, reject) => {
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'ready') resolve(message);
        else if (message.type === 'init-failed')
          reject(new LlmError(message.error.code, message.error.detail));
        else this.route(message);
      });
      worker.on('error', (error) => {
        this.fail(
          new LlmError('BACKEND_UNAVAILABLE', `model worker crashed: ${error.message}`, { cause: error }),
        );
        reject(this.dead);
      });
      worker.on('exit', (code) => {
        this.fail(new LlmError('BACKEND_UNAVAILABLE', `model worker exited with code ${code}`));
        reject(this.dead);
      });
    });
  }

  run(job: GenerateJob, sink: GenerationSink): Promise<void> {
    if (this.dead) {
      sink.fail(this.dead);
      return Promise.resolve();
    }
    return new Promise((finished) => {
      this.running.set(job.id, { sink, finished, cancel: new Int32Array(job.cancelFlag) });
      this.worker.postMessage({ type: 'generate', job } satisfies ToWorker);
    });
  }

  /**
   * Stops the running job at its next step, then lets the worker release its session and exit by itself:
   * terminating a thread while onnxruntime runs aborts the whole process.
   */
  async close(): Promise<void> {
    for (const job of this.running.values()) Atomics.store(job.cancel, 0, 1);
    this.fail(new LlmError('CANCELLED', 'the model was closed'));
    this.worker.postMessage({ type: 'close' } satisfies ToWorker);
    await this.exited;
  }

  private route(message: Exclude<FromWorker, { type: 'ready' } | { type: 'init-failed' }>): void {
    const job = this.running.get(message.id);
    if (!job) return;
    if (message.type === 'first-token') job.sink.firstToken();
    else if (message.type === 'text') job.sink.text(message.text);
    else {
      this.running.delete(message.id);
      if (message.type === 'done') job.sink.end(message.result);
      else job.sink.fail(new LlmError(message.error.code, message.error.detail));
      job.finished();
    }
  }

  private fail(error: LlmError): void {
    this.dead ??= error;
    for (const [id, job] of this.running) {
      this.running.delete(id);
      job.sink.fail(error);
      job.finished();
    }
  }
}

/**
 * The local backend: `sessions` worker threads, each with an onnxruntime session of `threadsPerSession`
 * threads, fed by a scheduler that is fair across rooms. Create it with `OnnxLanguageModel.load`.
 */
export class OnnxLanguageModel implements LanguageModel {
  private nextId = 1;
  readonly constrainsChoices = true;

  private constructor(
    readonly description: string,
    private readonly workers: ModelWorker[],
    private readonly scheduler: FairScheduler<ModelWorker>,
    private readonly clock: Clock,
    private readonly defaultMaxTokens: number,
    readonly contextTokens: number,
  ) {}

  /** Checks the folder, starts the workers and waits until every session is loaded. */
  static async load(options: OnnxModelOptions): Promise<OnnxLanguageModel> {
    const spec = await readModelFolder(options.modelDir, options.onnxFile);
    const sessions = options.sessions ?? 1;
    const threads = options.threadsPerSession ?? 2;
    const init: WorkerInit = {
      modelDir: options.modelDir,
      threads,
      prefixCacheBytes: options.prefixCacheBytes ?? 256 * 1024 * 1024,
      niceness: options.niceness ?? 10,
      ...(options.onnxFile !== undefined ? { onnxFile: options.onnxFile } : {}),
    };
    const workers = Array.from(
      { length: sessions },
      () => new ModelWorker(new Worker(WORKER_ENTRY, { workerData: init })),
    );
    let ready: { maxContext: number }[];
    try {
      ready = await Promise.all(workers.map((w) => w.ready));
    } catch (error) {
      await Promise.all(workers.map((w) => w.close().catch(() => undefined)));
      throw error;
    }
    return new OnnxLanguageModel(
      `onnx:${spec.modelType} (${sessions}×${threads} threads)`,
      workers,
      new FairScheduler(workers),
      options.clock ?? defaultClock,
      options.defaultMaxTokens ?? 256,
      Math.min(...ready.map((r) => r.maxContext)),
    );
  }

  generate(request: GenerateRequest): GenerationStream {
    return createGenerationStream(this.clock, request.signal, (sink, signal) => {
      const job = toJob(this.nextId++, request, this.defaultMaxTokens);
      const cancel = new Int32Array(job.cancelFlag);
      const onAbort = (): void => {
        Atomics.store(cancel, 0, 1);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.scheduler
        .submit(
          request.roomKey ?? '',
          signal,
          request.prefixCacheKey,
          (worker) => worker.run(job, sink),
          request.urgent ?? false,
        )
        .catch((error: unknown) => sink.fail(error))
        .finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  async close(): Promise<void> {
    this.scheduler.close();
    await Promise.all(this.workers.map((w) => w.close()));
  }
}

function toJob(id: number, request: GenerateRequest, defaultMaxTokens: number): GenerateJob {
  const input = request.messages !== undefined ? { messages: request.messages } : { prompt: request.prompt };
  if (input.messages === undefined && typeof input.prompt !== 'string') {
    throw new LlmError('BAD_REQUEST', 'a request needs messages or a prompt');
  }
  const maxTokens = request.maxTokens ?? defaultMaxTokens;
  const check = (ok: boolean, what: string): void => {
    if (!ok) throw new LlmError('BAD_REQUEST', what);
  };
  check(Number.isInteger(maxTokens) && maxTokens > 0, 'maxTokens must be a positive integer');
  const temperature = request.temperature ?? 0;
  check(temperature >= 0 && Number.isFinite(temperature), 'temperature must be ≥ 0');
  const topP = request.topP ?? 1;
  check(topP > 0 && topP <= 1, 'topP must be in (0, 1]');
  const topK = request.topK ?? 0;
  check(Number.isInteger(topK) && topK >= 0, 'topK must be a non-negative integer');
  const repetitionPenalty = request.repetitionPenalty ?? 1;
  check(repetitionPenalty > 0 && Number.isFinite(repetitionPenalty), 'repetitionPenalty must be > 0');
  const choices = request.choices;
  if (choices !== undefined)
    check(
      choices.length > 0 &&
        choices.length <= MAX_CHOICES &&
        choices.every((c) => typeof c === 'string' && c.length > 0 && c.length <= 2000),
      `choices must be 1–${MAX_CHOICES} non-empty strings of at most 2,000 characters`,
    );
  return {
    id,
    input: input as GenerateJob['input'],
    sampler: {
      temperature,
      topP,
      topK,
      repetitionPenalty,
      seed: request.seed ?? (Math.random() * 2 ** 32) >>> 0,
    },
    maxTokens,
    stop: request.stop ?? [],
    cancelFlag: new SharedArrayBuffer(4),
    ...(request.prefixCacheKey !== undefined ? { prefixCacheKey: request.prefixCacheKey } : {}),
    ...(choices ? { choices: [...choices] } : {}),
  };
}

/** A trie over more choices than this is a grammar, not a choice; callers narrow first. */
const MAX_CHOICES = 64;
