import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { LlmError, toErrorData } from '../errors.js';
import { CausalLm } from './causal-lm.js';
import { runGeneration } from './generation-loop.js';
import { readModelFolder } from './model-folder.js';
import { PrefixCache } from './prefix-cache.js';
import { ModelTokenizer } from './tokenizer.js';
import type { FromWorker, GenerateJob, ToWorker, WorkerInit } from './worker-protocol.js';

// One inference session per worker thread: session.run blocks its thread for a whole step, so it must not be
// the game server's event loop. Jobs arrive one at a time (the scheduler never sends a second while busy).
const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');
const post = (message: FromWorker): void => port.postMessage(message);

const init = workerData as WorkerInit;

// On Linux the nice value is per thread and inherited by the threads this one creates (onnxruntime's pool),
// so inference yields the CPU to the game server's event loop whenever both want it. Elsewhere this changes
// the whole process's priority or fails; either way correctness is unaffected.
if (process.platform === 'linux' && init.niceness > 0) {
  try {
    setPriority(init.niceness);
  } catch {
    // Not permitted in some sandboxes: run at normal priority.
  }
}

async function start(): Promise<{ lm: CausalLm; tokenizer: ModelTokenizer; cache: PrefixCache }> {
  const spec = await readModelFolder(init.modelDir, init.onnxFile);
  const tokenizer = await ModelTokenizer.load(init.modelDir);
  const lm = await CausalLm.load(spec, init.threads);
  return { lm, tokenizer, cache: new PrefixCache(init.prefixCacheBytes) };
}

async function run(job: GenerateJob, loaded: Awaited<ReturnType<typeof start>>): Promise<void> {
  const cancel = new Int32Array(job.cancelFlag);
  try {
    const promptIds = loaded.tokenizer.encode(job.input);
    const result = await runGeneration(
      loaded.lm,
      loaded.tokenizer.decode,
      loaded.cache,
      {
        promptIds,
        sampler: job.sampler,
        maxTokens: job.maxTokens,
        stop: job.stop,
        ...(job.prefixCacheKey !== undefined ? { prefixCacheKey: job.prefixCacheKey } : {}),
        ...(job.choices ? { choices: job.choices.map((c) => loaded.tokenizer.encodeReply(c)) } : {}),
      },
      {
        firstToken: () => post({ type: 'first-token', id: job.id }),
        text: (text) => post({ type: 'text', id: job.id, text }),
        cancelled: () => Atomics.load(cancel, 0) !== 0,
      },
    );
    post({ type: 'done', id: job.id, result });
  } catch (error) {
    post({ type: 'failed', id: job.id, error: toErrorData(error) });
  }
}

start().then(
  (loaded) => {
    post({ type: 'ready', modelType: loaded.lm.spec.modelType, maxContext: loaded.lm.spec.maxContext });
    let current: Promise<void> = Promise.resolve();
    port.on('message', (message: ToWorker) => {
      if (message.type === 'generate') {
        current = run(message.job, loaded);
        return;
      }
      // Finish the (cancelled) step in flight, then release the session; the thread ends with its port.
      void current.then(() => loaded.lm.release()).finally(() => port.close());
    });
  },
  (error: unknown) => {
    post({
      type: 'init-failed',
      error: toErrorData(
        error instanceof LlmError ? error : new LlmError('BACKEND_UNAVAILABLE', String(error)),
      ),
    });
  },
);
