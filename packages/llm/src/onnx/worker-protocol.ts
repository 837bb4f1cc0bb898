import type { LlmErrorData } from '../errors.js';
import type { ChatMessage } from '../language-model.js';
import type { SamplerSettings } from '../text/sampler.js';
import type { LoopResult } from './generation-loop.js';

/** Sent once, as `workerData`. */
export interface WorkerInit {
  modelDir: string;
  onnxFile?: string;
  threads: number;
  prefixCacheBytes: number;
  /** Linux nice value for the inference threads (0 = same priority as the event loop). */
  niceness: number;
}

export interface GenerateJob {
  id: number;
  input: { messages: ChatMessage[] } | { prompt: string };
  sampler: SamplerSettings;
  maxTokens: number;
  stop: string[];
  prefixCacheKey?: string;
  /** The only replies allowed (constrained decoding), as text; the worker tokenizes them. */
  choices?: string[];
  /** Int32Array over a SharedArrayBuffer: the main thread stores 1 to cancel between two model calls. */
  cancelFlag: SharedArrayBuffer;
}

export type ToWorker = { type: 'generate'; job: GenerateJob } | { type: 'close' };

export type FromWorker =
  | { type: 'ready'; modelType: string; maxContext: number }
  | { type: 'init-failed'; error: LlmErrorData }
  | { type: 'first-token'; id: number }
  | { type: 'text'; id: number; text: string }
  | { type: 'done'; id: number; result: LoopResult }
  | { type: 'failed'; id: number; error: LlmErrorData };
