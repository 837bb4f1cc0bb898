import type { LlmConfig } from './config.js';
import type { Clock, LanguageModel } from './language-model.js';
import { OnnxLanguageModel } from './onnx/onnx-language-model.js';
import { OpenAiLanguageModel } from './openai/openai-language-model.js';

/**
 * Builds the configured backend; `null` for `none` (the game runs without AI voices). The ONNX backend is
 * ready when this resolves (workers started, sessions loaded); errors are LlmErrors.
 */
export async function createLanguageModel(
  config: LlmConfig,
  options: { clock?: Clock } = {},
): Promise<LanguageModel | null> {
  const clock = options.clock ? { clock: options.clock } : {};
  switch (config.backend) {
    case 'none':
      return null;
    case 'onnx':
      return OnnxLanguageModel.load({
        modelDir: config.modelDir,
        sessions: config.sessions,
        threadsPerSession: config.threadsPerSession,
        prefixCacheBytes: config.prefixCacheMb * 1024 * 1024,
        niceness: config.niceness,
        defaultMaxTokens: config.defaultMaxTokens,
        ...(config.onnxFile !== undefined ? { onnxFile: config.onnxFile } : {}),
        ...clock,
      });
    case 'openai':
      return new OpenAiLanguageModel({
        baseUrl: config.baseUrl,
        model: config.model,
        defaultMaxTokens: config.defaultMaxTokens,
        ...(config.apiKey !== undefined ? { apiKey: config.apiKey } : {}),
        ...clock,
      });
  }
}
