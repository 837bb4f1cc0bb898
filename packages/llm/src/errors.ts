/** Every way a model call can fail, as a code the caller (and the player's screen) can act on. */
export type LlmErrorCode =
  | 'MODEL_MISSING'
  | 'MODEL_INVALID'
  | 'MODEL_UNSUPPORTED'
  | 'CONTEXT_TOO_LONG'
  | 'CANCELLED'
  | 'BACKEND_UNAVAILABLE'
  | 'BAD_REQUEST'
  | 'CONFIG_INVALID';

const MESSAGES: Record<LlmErrorCode, { en: string; zh: string }> = {
  MODEL_MISSING: {
    en: 'The model folder or one of its files is missing.',
    zh: '模型文件夹或其中的文件缺失。',
  },
  MODEL_INVALID: {
    en: 'The model files are unreadable or inconsistent.',
    zh: '模型文件无法读取或彼此不一致。',
  },
  MODEL_UNSUPPORTED: { en: 'This model architecture is not supported.', zh: '不支持该模型架构。' },
  CONTEXT_TOO_LONG: {
    en: 'The prompt does not fit in the model context.',
    zh: '提示词超出了模型的上下文长度。',
  },
  CANCELLED: { en: 'The generation was cancelled.', zh: '生成已取消。' },
  BACKEND_UNAVAILABLE: { en: 'The language model backend is unavailable.', zh: '语言模型后端不可用。' },
  BAD_REQUEST: { en: 'The generation request is malformed.', zh: '生成请求格式错误。' },
  CONFIG_INVALID: { en: 'The language model configuration is invalid.', zh: '语言模型配置无效。' },
};

/** A typed failure of the llm package; `code` is stable, `detail` is for logs. */
export class LlmError extends Error {
  override readonly name = 'LlmError';
  constructor(
    readonly code: LlmErrorCode,
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${detail}`, options);
  }

  /** Text safe to show a player, in both of the game's languages. */
  get userMessage(): { en: string; zh: string } {
    return MESSAGES[this.code];
  }
}

export function isLlmError(value: unknown, code?: LlmErrorCode): value is LlmError {
  return value instanceof LlmError && (code === undefined || value.code === code);
}

/** Errors cross worker and HTTP boundaries as plain data; this rebuilds them. */
export interface LlmErrorData {
  code: LlmErrorCode;
  detail: string;
}

export function toErrorData(error: unknown): LlmErrorData {
  if (error instanceof LlmError) return { code: error.code, detail: error.detail };
  return { code: 'BACKEND_UNAVAILABLE', detail: error instanceof Error ? error.message : String(error) };
}
