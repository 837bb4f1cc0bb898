import { LlmError } from '../errors.js';
import { createGenerationStream } from '../generation-stream.js';
import type { GenerationSink } from '../generation-stream.js';
import { defaultClock } from '../language-model.js';
import type {
  Clock,
  FinishReason,
  GenerateRequest,
  GenerationStream,
  LanguageModel,
} from '../language-model.js';
import { StopStringFilter } from '../text/stop-strings.js';
import { SseParser } from './sse.js';

export interface OpenAiModelOptions {
  /** Up to and including the version prefix, e.g. `http://127.0.0.1:11434/v1` (Ollama), `…:8080/v1` (llama.cpp). */
  baseUrl: string;
  model: string;
  apiKey?: string;
  defaultMaxTokens?: number;
  clock?: Clock;
}

interface StreamChunk {
  choices?: { delta?: { content?: string | null }; text?: string; finish_reason?: string | null }[];
  usage?: {
    prompt_tokens?: number;
    completion_tokens?: number;
    prompt_tokens_details?: { cached_tokens?: number };
  };
  error?: { message?: string } | string;
}

/**
 * A model behind an OpenAI-compatible HTTP server (llama.cpp, Ollama, vLLM, LM Studio…): chat messages go
 * to /chat/completions, raw prompts to /completions, both streamed as server-sent events.
 */
export class OpenAiLanguageModel implements LanguageModel {
  readonly description: string;
  private readonly baseUrl: string;
  private readonly clock: Clock;
  private readonly active = new Set<AbortController>();

  constructor(private readonly options: OpenAiModelOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.description = `openai:${options.model}@${this.baseUrl}`;
    this.clock = options.clock ?? defaultClock;
  }

  generate(request: GenerateRequest): GenerationStream {
    return createGenerationStream(this.clock, request.signal, (sink, signal) => {
      const controller = new AbortController();
      const onAbort = (): void => controller.abort();
      signal.addEventListener('abort', onAbort, { once: true });
      this.active.add(controller);
      this.stream(request, sink, controller.signal)
        .catch((error: unknown) => {
          if (controller.signal.aborted) sink.fail(new LlmError('CANCELLED', 'generation cancelled'));
          else
            sink.fail(error instanceof LlmError ? error : new LlmError('BACKEND_UNAVAILABLE', String(error)));
        })
        .finally(() => {
          signal.removeEventListener('abort', onAbort);
          this.active.delete(controller);
        });
    });
  }

  async close(): Promise<void> {
    for (const controller of this.active) controller.abort();
  }

  private async stream(request: GenerateRequest, sink: GenerationSink, signal: AbortSignal): Promise<void> {
    const chat = request.messages !== undefined;
    if (!chat && typeof request.prompt !== 'string')
      throw new LlmError('BAD_REQUEST', 'messages or a prompt');
    const body: Record<string, unknown> = {
      model: this.options.model,
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: request.maxTokens ?? this.options.defaultMaxTokens ?? 256,
      temperature: request.temperature ?? 0,
      ...(chat ? { messages: request.messages } : { prompt: request.prompt }),
      ...(request.topP !== undefined ? { top_p: request.topP } : {}),
      // Not in OpenAI's API but read by llama.cpp, vLLM and Ollama's compatibility layer.
      ...(request.topK ? { top_k: request.topK } : {}),
      ...(request.repetitionPenalty !== undefined && request.repetitionPenalty !== 1
        ? { repetition_penalty: request.repetitionPenalty, repeat_penalty: request.repetitionPenalty }
        : {}),
      ...(request.stop?.length ? { stop: request.stop } : {}),
      ...(request.seed !== undefined ? { seed: request.seed } : {}),
    };
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'text/event-stream',
    };
    if (this.options.apiKey) headers['authorization'] = `Bearer ${this.options.apiKey}`;

    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}/${chat ? 'chat/completions' : 'completions'}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        signal,
      });
    } catch (error) {
      if (signal.aborted) throw error;
      throw new LlmError('BACKEND_UNAVAILABLE', `cannot reach ${this.baseUrl}: ${describe(error)}`, {
        cause: error,
      });
    }
    if (!response.ok || !response.body) throw await httpError(response);

    // Servers differ on stop strings (some stream part of one): filter here as well.
    const stops = new StopStringFilter(request.stop ?? []);
    const parser = new SseParser();
    let deltas = 0;
    let usage: StreamChunk['usage'];
    let finish: FinishReason = 'eos';
    const handle = (data: string): void => {
      if (data === '[DONE]' || stops.stopped) return;
      let chunk: StreamChunk;
      try {
        chunk = JSON.parse(data) as StreamChunk;
      } catch {
        throw new LlmError('BACKEND_UNAVAILABLE', `unreadable stream event: ${data.slice(0, 100)}`);
      }
      if (chunk.error) {
        const message = typeof chunk.error === 'string' ? chunk.error : (chunk.error.message ?? 'unknown');
        throw new LlmError('BACKEND_UNAVAILABLE', `server error mid-stream: ${message}`);
      }
      if (chunk.usage) usage = chunk.usage;
      const choice = chunk.choices?.[0];
      const text = choice?.delta?.content ?? choice?.text ?? '';
      if (text) {
        deltas++;
        sink.firstToken();
        const out = stops.push(text);
        if (out) sink.text(out);
      }
      if (choice?.finish_reason === 'length') finish = 'length';
      else if (choice?.finish_reason === 'stop' && request.stop?.length) finish = 'stop';
    };
    const reader = response.body.getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      for (const data of parser.push(value)) handle(data);
      if (stops.stopped) {
        await reader.cancel();
        break;
      }
    }
    if (!stops.stopped) for (const data of parser.end()) handle(data);
    const rest = stops.flush();
    if (rest) sink.text(rest);
    sink.end({
      promptTokens: usage?.prompt_tokens ?? 0,
      // Without usage (older servers) each streamed delta is about one token.
      completionTokens: usage?.completion_tokens ?? deltas,
      cachedPromptTokens: usage?.prompt_tokens_details?.cached_tokens ?? 0,
      finishReason: stops.stopped ? 'stop' : finish,
    });
  }
}

function describe(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return error instanceof Error ? error.message + cause : String(error);
}

async function httpError(response: Response): Promise<LlmError> {
  const text = (await response.text().catch(() => '')).slice(0, 500);
  const detail = `HTTP ${response.status}: ${text}`;
  if (response.status === 404 && /model/i.test(text)) return new LlmError('MODEL_MISSING', detail);
  if (response.status === 400 && /context|too long|maximum.*tokens|exceed/i.test(text)) {
    return new LlmError('CONTEXT_TOO_LONG', detail);
  }
  if (response.status === 400 || response.status === 422) return new LlmError('BAD_REQUEST', detail);
  return new LlmError('BACKEND_UNAVAILABLE', detail);
}
