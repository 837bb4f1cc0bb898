import { LlmError } from '../errors.js';
import type { FinishReason } from '../language-model.js';
import { Sampler } from '../text/sampler.js';
import type { SamplerSettings } from '../text/sampler.js';
import { StopStringFilter } from '../text/stop-strings.js';
import { StreamingDecoder } from '../text/streaming-decoder.js';
import type { Decode } from '../text/streaming-decoder.js';
import type { CausalLm } from './causal-lm.js';
import type { PrefixCache } from './prefix-cache.js';

export interface LoopRequest {
  promptIds: readonly number[];
  sampler: SamplerSettings;
  maxTokens: number;
  stop: readonly string[];
  prefixCacheKey?: string;
}

export interface LoopEvents {
  firstToken(): void;
  text(chunk: string): void;
  /** Checked before every model call; true ends the loop with CANCELLED. */
  cancelled(): boolean;
  /** Every generated token id, for tests and diagnostics. */
  token?(id: number): void;
}

export interface LoopResult {
  promptTokens: number;
  completionTokens: number;
  cachedPromptTokens: number;
  finishReason: FinishReason;
}

/**
 * Our own decoding loop: prefill (reusing a cached prefix), then one model call per token with the KV
 * state passed straight back, sampling without sorting the vocabulary, and text released only in whole
 * characters and never past a stop string.
 */
export async function runGeneration(
  lm: CausalLm,
  decode: Decode,
  cache: PrefixCache | undefined,
  request: LoopRequest,
  events: LoopEvents,
): Promise<LoopResult> {
  const { promptIds, maxTokens } = request;
  const maxContext = lm.spec.maxContext;
  if (promptIds.length === 0) throw new LlmError('BAD_REQUEST', 'empty prompt');
  if (promptIds.length >= maxContext) {
    throw new LlmError(
      'CONTEXT_TOO_LONG',
      `prompt has ${promptIds.length} tokens; the model holds ${maxContext}`,
    );
  }
  const checkCancel = (): void => {
    if (events.cancelled()) throw new LlmError('CANCELLED', 'generation cancelled');
  };

  checkCancel();
  const hit = cache?.lookup(promptIds);
  let kv = hit?.kv ?? lm.emptyKv();
  const cachedPromptTokens = kv.length;
  let logits: Float32Array;
  if (hit?.logits) {
    logits = hit.logits.slice();
  } else {
    const result = await lm.forward(promptIds.slice(kv.length), kv);
    kv = result.kv;
    logits = result.logits;
    if (cache && request.prefixCacheKey !== undefined)
      cache.store(request.prefixCacheKey, promptIds, kv, logits);
  }

  const sampler = new Sampler(request.sampler);
  sampler.remember(promptIds);
  const decoder = new StreamingDecoder(decode);
  const stops = new StopStringFilter(request.stop);
  const eos = new Set(lm.spec.eosTokenIds);
  let completionTokens = 0;
  let finishReason: FinishReason = 'length';

  for (;;) {
    // The sampler scales logits in place; a cached row must stay intact, and ORT's rows are ours.
    const token = sampler.next(logits);
    if (completionTokens === 0) events.firstToken();
    if (eos.has(token)) {
      finishReason = 'eos';
      break;
    }
    completionTokens++;
    events.token?.(token);
    sampler.remember([token]);
    const text = stops.push(decoder.push(token));
    if (text) events.text(text);
    if (stops.stopped) {
      finishReason = 'stop';
      break;
    }
    if (completionTokens >= maxTokens || kv.length >= maxContext) break;
    checkCancel();
    const result = await lm.forward([token], kv);
    kv = result.kv;
    logits = result.logits;
  }
  if (finishReason !== 'stop') {
    const tail = stops.push(decoder.finish());
    if (stops.stopped) finishReason = 'stop';
    const rest = tail + stops.flush();
    if (rest) events.text(rest);
  }
  return { promptTokens: promptIds.length, completionTokens, cachedPromptTokens, finishReason };
}
