import { LlmError } from '../errors.js';
import type { FinishReason } from '../language-model.js';
import { buildChoiceTrie, maskToChoices } from '../text/choice-trie.js';
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
  /**
   * Token ids of the only replies allowed: decoding stays inside them (a trie), the model choosing at each
   * token where they part. `maxTokens` and `stop` do not cut a choice short.
   */
  choices?: readonly (readonly number[])[];
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
  const longestChoice = Math.max(0, ...(request.choices ?? []).map((c) => c.length));
  if (promptIds.length + longestChoice >= maxContext) {
    throw new LlmError(
      'CONTEXT_TOO_LONG',
      `prompt has ${promptIds.length} tokens${longestChoice ? ` and a choice ${longestChoice}` : ''}; the model holds ${maxContext}`,
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
  if (request.choices && request.choices.length > 0) {
    return chooseReply(lm, decode, sampler, request.choices, kv, logits, events, checkCancel, {
      promptTokens: promptIds.length,
      cachedPromptTokens,
    });
  }
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

/**
 * Decoding inside the choices: where they part the model's logits, masked to the tokens that continue one,
 * pick the next token; where only one continues, its token follows without a model call (forced tokens are
 * fed in one batch before the next parting), and once one choice is left the rest of it is written out.
 */
async function chooseReply(
  lm: CausalLm,
  decode: Decode,
  sampler: Sampler,
  choices: readonly (readonly number[])[],
  startKv: ReturnType<CausalLm['emptyKv']>,
  startLogits: Float32Array,
  events: LoopEvents,
  checkCancel: () => void,
  counts: { promptTokens: number; cachedPromptTokens: number },
): Promise<LoopResult> {
  let node = buildChoiceTrie(choices);
  const endToken = lm.spec.eosTokenIds[0] ?? null;
  const eos = new Set(lm.spec.eosTokenIds);
  const decoder = new StreamingDecoder(decode);
  let kv = startKv;
  let logits: Float32Array | null = startLogits;
  let pending: number[] = [];
  let completionTokens = 0;
  const emit = (token: number): void => {
    if (completionTokens === 0) events.firstToken();
    completionTokens++;
    events.token?.(token);
    sampler.remember([token]);
    const text = decoder.push(token);
    if (text) events.text(text);
  };
  for (;;) {
    const options = node.next.size + (node.end >= 0 ? 1 : 0);
    if (node.next.size === 0) break;
    if (options === 1) {
      const [token, child] = node.next.entries().next().value as [number, typeof node];
      emit(token);
      pending.push(token);
      node = child;
      logits = null;
      continue;
    }
    if (!logits) {
      checkCancel();
      const result = await lm.forward(pending, kv);
      kv = result.kv;
      logits = result.logits;
    }
    let token = sampler.next(maskToChoices(logits, node, endToken));
    if (eos.has(token) && node.end >= 0 && !node.next.has(token)) break;
    // Every allowed score -Infinity (a broken row): the first continuation, never a token outside the trie.
    if (!node.next.has(token)) token = node.next.keys().next().value as number;
    const child = node.next.get(token);
    if (!child) break;
    emit(token);
    pending = [token];
    node = child;
    logits = null;
  }
  const rest = decoder.finish();
  if (rest) events.text(rest);
  if (completionTokens === 0) events.firstToken();
  return { ...counts, completionTokens, finishReason: 'stop' };
}
