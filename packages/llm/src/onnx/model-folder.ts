import { readFile, stat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { LlmError } from '../errors.js';

/** Decoder families whose ONNX exports share the transformers.js past-key-values layout. */
export const SUPPORTED_MODEL_TYPES = ['gpt2', 'llama', 'mistral', 'qwen2', 'qwen3'] as const;

/** What the generation loop needs to know about a model folder, read from its config files. */
export interface ModelSpec {
  dir: string;
  modelType: (typeof SUPPORTED_MODEL_TYPES)[number];
  onnxPath: string;
  layers: number;
  kvHeads: number;
  headDim: number;
  vocabSize: number;
  /** Prompt plus reply may not exceed this many tokens. */
  maxContext: number;
  eosTokenIds: number[];
}

type Json = Record<string, unknown>;

async function readJson(file: string, required: boolean): Promise<Json | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    if (required) throw new LlmError('MODEL_MISSING', `missing ${file}`);
    return undefined;
  }
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
    return value as Json;
  } catch (error) {
    throw new LlmError('MODEL_INVALID', `${file} is not a JSON object`, { cause: error });
  }
}

function positiveInt(config: Json, keys: string[], file: string): number {
  for (const key of keys) {
    const value = config[key];
    if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  }
  throw new LlmError('MODEL_INVALID', `${file}: none of ${keys.join(', ')} is a positive integer`);
}

function tokenIds(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.filter((v): v is number => typeof v === 'number');
  return [];
}

/**
 * Picks our append-layout export `onnx/model_kv_append.onnx` when present (faster decoding), else
 * `onnx/model.onnx`, else the only `onnx/model*.onnx` (quantized exports use suffixes).
 */
async function findOnnx(dir: string, fileName: string | undefined): Promise<string> {
  const onnxDir = path.join(dir, 'onnx');
  if (fileName) return path.join(onnxDir, fileName);
  let names: string[];
  try {
    names = await readdir(onnxDir);
  } catch {
    throw new LlmError('MODEL_MISSING', `no onnx/ folder in ${dir}`);
  }
  for (const preferred of ['model_kv_append.onnx', 'model.onnx']) {
    if (names.includes(preferred)) return path.join(onnxDir, preferred);
  }
  const candidates = names.filter((n) => /^model.*\.onnx$/.test(n)).sort();
  if (candidates.length === 1) return path.join(onnxDir, candidates[0] as string);
  if (candidates.length === 0) throw new LlmError('MODEL_MISSING', `no onnx/model*.onnx in ${dir}`);
  throw new LlmError(
    'MODEL_INVALID',
    `several ONNX files in ${onnxDir}; choose one: ${candidates.join(', ')}`,
  );
}

/** Reads and checks a Hugging Face / transformers.js ONNX folder without loading the weights. */
export async function readModelFolder(dir: string, onnxFile?: string): Promise<ModelSpec> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new LlmError('MODEL_MISSING', `model folder ${dir} does not exist`);
  const configFile = path.join(dir, 'config.json');
  const config = (await readJson(configFile, true)) as Json;
  const generation = (await readJson(path.join(dir, 'generation_config.json'), false)) ?? {};
  await readJson(path.join(dir, 'tokenizer.json'), true);
  await readJson(path.join(dir, 'tokenizer_config.json'), true);

  const modelType = config['model_type'];
  if (!SUPPORTED_MODEL_TYPES.includes(modelType as ModelSpec['modelType'])) {
    throw new LlmError(
      'MODEL_UNSUPPORTED',
      `model_type ${JSON.stringify(modelType)}; supported: ${SUPPORTED_MODEL_TYPES.join(', ')}`,
    );
  }
  const onnxPath = await findOnnx(dir, onnxFile);
  if (!(await stat(onnxPath).catch(() => undefined))?.isFile()) {
    throw new LlmError('MODEL_MISSING', `missing ${onnxPath}`);
  }

  const gpt2 = modelType === 'gpt2';
  const heads = positiveInt(config, gpt2 ? ['n_head'] : ['num_attention_heads'], configFile);
  const hidden = positiveInt(config, gpt2 ? ['n_embd'] : ['hidden_size'], configFile);
  const kvHeads = gpt2
    ? heads
    : positiveInt({ ...config, h: heads }, ['num_key_value_heads', 'h'], configFile);
  const headDim = gpt2
    ? hidden / heads
    : positiveInt({ ...config, d: hidden / heads }, ['head_dim', 'd'], configFile);
  const eos = new Set([...tokenIds(generation['eos_token_id']), ...tokenIds(config['eos_token_id'])]);
  return {
    dir,
    modelType: modelType as ModelSpec['modelType'],
    onnxPath,
    layers: positiveInt(config, gpt2 ? ['n_layer'] : ['num_hidden_layers'], configFile),
    kvHeads,
    headDim,
    vocabSize: positiveInt(config, ['vocab_size'], configFile),
    maxContext: positiveInt(
      config,
      gpt2 ? ['n_positions', 'n_ctx'] : ['max_position_embeddings'],
      configFile,
    ),
    eosTokenIds: [...eos],
  };
}
