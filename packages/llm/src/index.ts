export type {
  ChatMessage,
  Clock,
  FinishReason,
  GenerateInput,
  GenerateRequest,
  GenerationStats,
  GenerationStream,
  LanguageModel,
  SamplingOptions,
} from './language-model.js';
export { defaultClock } from './language-model.js';
export { LlmError, isLlmError } from './errors.js';
export type { LlmErrorCode } from './errors.js';
