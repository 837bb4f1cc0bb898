/** One turn of a chat; `system` carries a character's static instructions. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Sampling settings. `temperature: 0` (the default) is greedy decoding and ignores the rest but stops. */
export interface SamplingOptions {
  temperature?: number;
  /** Keep the smallest set of tokens whose probability reaches topP (0 < topP ≤ 1). */
  topP?: number;
  /** Keep only the topK most likely tokens (0 = no limit). */
  topK?: number;
  /** >1 discourages tokens already in the prompt or reply (CTRL-style division of positive logits). */
  repetitionPenalty?: number;
  /** New tokens at most; the default is backend-specific (256 for the ONNX backend). */
  maxTokens?: number;
  /** Generation ends before the first occurrence of any of these; the stop string itself is not emitted. */
  stop?: string[];
  /** Same seed, same request, same model ⇒ same text (local backends). */
  seed?: number;
}

/** What to generate from: chat messages rendered by the model's chat template, or a raw prompt. */
export type GenerateInput =
  { messages: ChatMessage[]; prompt?: never } | { prompt: string; messages?: never };

export type GenerateRequest = GenerateInput &
  SamplingOptions & {
    /**
     * Reuse hint for a long static prefix (a character's prompt): requests with the same key share the
     * computed prefix when their leading tokens match. Correctness never depends on it.
     */
    prefixCacheKey?: string;
    /**
     * The only replies allowed. A backend that reads logits (`constrainsChoices`) decodes inside them: the
     * model chooses where they part and the reply is exactly one of them. Others generate freely, and the
     * caller checks what comes back.
     */
    choices?: string[];
    /** Fairness group (a game room): queued work is served round-robin across rooms. */
    roomKey?: string;
    /**
     * A line a person at the table is waiting for (an answer to a human): served before other queued work,
     * which AI seats talking among themselves can wait for.
     */
    urgent?: boolean;
    signal?: AbortSignal;
  };

export type FinishReason = 'stop' | 'length' | 'eos';

/** Measured once a generation ends. Times are milliseconds from the model's clock. */
export interface GenerationStats {
  promptTokens: number;
  completionTokens: number;
  /** Prompt tokens served from the prefix cache instead of being computed. */
  cachedPromptTokens: number;
  /** From the call to the first text chunk (or to the end, if none was emitted). */
  timeToFirstTokenMs: number;
  totalMs: number;
  /** Completion tokens after the first one, per second of decoding (0 when fewer than two tokens). */
  tokensPerSecond: number;
  finishReason: FinishReason;
}

/**
 * A running generation: iterate it for text chunks (concatenated they are the reply, never split inside a
 * character), then read `stats`. Breaking out of the loop cancels the generation.
 */
export interface GenerationStream extends AsyncIterable<string> {
  /** Resolves when the generation ends; rejects with an LlmError (CANCELLED on abort). */
  readonly stats: Promise<GenerationStats>;
}

/** The one interface agents use to talk to any model. */
export interface LanguageModel {
  /** A short description for logs, e.g. `onnx:qwen2 (2×1 threads)` or `openai:llama3@http://…`. */
  readonly description: string;
  /**
   * Tokens of context the model was made for (a local folder's `max_position_embeddings`), when known:
   * callers size their prompts under it. Unknown for remote servers.
   */
  readonly contextTokens?: number;
  /** Whether `choices` bind the reply (the local ONNX backend); remote servers give no logits to mask. */
  readonly constrainsChoices?: boolean;
  generate(request: GenerateRequest): GenerationStream;
  /** Releases workers, sessions and sockets; pending generations fail with CANCELLED. */
  close(): Promise<void>;
}

/** Milliseconds from an arbitrary origin; injectable so stats are testable. */
export type Clock = () => number;

export const defaultClock: Clock = () => performance.now();
