// The one interface agents use, and the backends behind it.
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
export { LLM_ENV, llmConfigSchema, resolveLlmConfig } from './config.js';
export type { LlmConfig, LlmSettings } from './config.js';
export { createLanguageModel } from './create-language-model.js';
export { OnnxLanguageModel } from './onnx/onnx-language-model.js';
export type { OnnxModelOptions } from './onnx/onnx-language-model.js';
export { SUPPORTED_MODEL_TYPES } from './onnx/model-folder.js';
export { ModelTokenizer } from './onnx/tokenizer.js';
export { seededRandom } from './text/random.js';
export { OpenAiLanguageModel } from './openai/openai-language-model.js';
export type { OpenAiModelOptions } from './openai/openai-language-model.js';
