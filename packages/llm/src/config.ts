import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { LlmError } from './errors.js';

/**
 * The model shipped with the repository (issue 8), found from this file rather than the working directory so
 * `npm start`, tests and the CLI find it wherever they are run from.
 */
export const BUNDLED_MODEL_DIR = fileURLToPath(new URL('../../../models/default', import.meta.url));

const count = (max: number) => z.coerce.number().int().min(1).max(max);

const onnxSchema = z.object({
  backend: z.literal('onnx'),
  modelDir: z.string().min(1, 'JUBENSHA_MODEL_DIR is required for the onnx backend'),
  onnxFile: z.string().min(1).optional(),
  sessions: count(16).default(1),
  threadsPerSession: count(64).default(2),
  prefixCacheMb: z.coerce.number().int().min(0).max(65536).default(256),
  niceness: z.coerce.number().int().min(0).max(19).default(10),
  defaultMaxTokens: count(8192).default(256),
});

const openAiSchema = z.object({
  backend: z.literal('openai'),
  baseUrl: z.url({ protocol: /^https?$/, error: 'JUBENSHA_OPENAI_BASE_URL must be an http(s) URL' }),
  model: z.string().min(1, 'JUBENSHA_OPENAI_MODEL is required for the openai backend'),
  apiKey: z.string().min(1).optional(),
  defaultMaxTokens: count(8192).default(256),
});

/** How to reach a model: local ONNX folder, an OpenAI-compatible server, or none (no AI voices). */
export const llmConfigSchema = z.discriminatedUnion('backend', [
  z.object({ backend: z.literal('none') }),
  onnxSchema,
  openAiSchema,
]);

export type LlmConfig = z.output<typeof llmConfigSchema>;
/** What the server may pass; anything it leaves out comes from the environment, then defaults. */
export interface LlmSettings {
  backend?: 'none' | 'onnx' | 'openai';
  modelDir?: string;
  onnxFile?: string;
  sessions?: number;
  threadsPerSession?: number;
  prefixCacheMb?: number;
  niceness?: number;
  defaultMaxTokens?: number;
  baseUrl?: string;
  model?: string;
  apiKey?: string;
}

/** Environment variables read by `configFromEnv`, and the settings they fill. */
export const LLM_ENV = {
  JUBENSHA_LLM: 'backend',
  JUBENSHA_MODEL_DIR: 'modelDir',
  JUBENSHA_MODEL_FILE: 'onnxFile',
  JUBENSHA_LLM_SESSIONS: 'sessions',
  JUBENSHA_LLM_THREADS: 'threadsPerSession',
  JUBENSHA_LLM_PREFIX_CACHE_MB: 'prefixCacheMb',
  JUBENSHA_LLM_NICENESS: 'niceness',
  JUBENSHA_LLM_MAX_TOKENS: 'defaultMaxTokens',
  JUBENSHA_OPENAI_BASE_URL: 'baseUrl',
  JUBENSHA_OPENAI_MODEL: 'model',
  JUBENSHA_OPENAI_API_KEY: 'apiKey',
} as const;

/** Where to look for the bundled model; tests point it at a folder of their own. */
export interface LlmDefaults {
  bundledModelDir?: string;
}

/**
 * Validates settings from the environment, overridden by the server's own settings. Empty variables count
 * as unset. Without JUBENSHA_LLM: onnx with JUBENSHA_MODEL_DIR if given, else onnx with the bundled model
 * (`models/default`) if it is there, else `none`. Bad values throw CONFIG_INVALID naming each problem.
 */
export function resolveLlmConfig(
  env: Record<string, string | undefined> = process.env,
  settings: LlmSettings = {},
  defaults: LlmDefaults = {},
): LlmConfig {
  const fromEnv: Record<string, string> = {};
  for (const [variable, key] of Object.entries(LLM_ENV)) {
    const value = env[variable]?.trim();
    if (value) fromEnv[key] = value;
  }
  const merged: Record<string, unknown> = { ...fromEnv };
  for (const [key, value] of Object.entries(settings)) if (value !== undefined) merged[key] = value;
  if (merged['backend'] === undefined) {
    // A folder named alone is meant to be used; else the bundled model when its folder holds a config.json
    // (a checkout without it still starts, with authored lines only).
    const bundled = defaults.bundledModelDir ?? BUNDLED_MODEL_DIR;
    if (merged['modelDir'] !== undefined) merged['backend'] = 'onnx';
    else if (existsSync(join(bundled, 'config.json')))
      Object.assign(merged, { backend: 'onnx', modelDir: bundled });
    else merged['backend'] = 'none';
  }
  const backend = merged['backend'];
  // Keys of other backends are ignored rather than rejected: one environment may hold settings for both.
  const schema = backend === 'onnx' ? onnxSchema : backend === 'openai' ? openAiSchema : llmConfigSchema;
  const parsed = schema.safeParse(merged);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || 'backend'}: ${issue.message}`,
    );
    throw new LlmError('CONFIG_INVALID', problems.join('; '));
  }
  return parsed.data as LlmConfig;
}
