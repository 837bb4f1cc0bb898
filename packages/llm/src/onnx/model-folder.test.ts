import { cp, mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isLlmError } from '../errors.js';
import type { LlmErrorCode } from '../errors.js';
import { fixtureDir } from './fixtures.test-support.js';
import { readModelFolder } from './model-folder.js';
import { OnnxLanguageModel } from './onnx-language-model.js';

const temps: string[] = [];
async function copyOfFixture(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'llm-folder-'));
  temps.push(dir);
  const target = path.join(dir, 'model');
  await cp(fixtureDir('tiny-qwen2'), target, { recursive: true });
  return target;
}
afterEach(async () => {
  await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function codeOf(promise: Promise<unknown>): Promise<LlmErrorCode | 'ok'> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (isLlmError(error)) return error.code;
    throw error;
  }
}

describe('readModelFolder', () => {
  it('reads the shape of a standard folder', async () => {
    const spec = await readModelFolder(fixtureDir('tiny-llama'));
    expect(spec).toMatchObject({ modelType: 'llama', layers: 2, kvHeads: 2, headDim: 16, maxContext: 128 });
    expect(spec.eosTokenIds.length).toBeGreaterThan(0);
    expect((await readModelFolder(fixtureDir('tiny-gpt2'))).kvHeads).toBe(4);
  });

  it('MODEL_MISSING for a missing folder, config, tokenizer or ONNX file', async () => {
    expect(await codeOf(readModelFolder('/nonexistent/model'))).toBe('MODEL_MISSING');
    const dir = await copyOfFixture();
    await rm(path.join(dir, 'onnx', 'model.onnx'));
    expect(await codeOf(readModelFolder(dir))).toBe('MODEL_MISSING');
    await rm(path.join(dir, 'tokenizer.json'));
    expect(await codeOf(readModelFolder(dir))).toBe('MODEL_MISSING');
    await rm(path.join(dir, 'config.json'));
    expect(await codeOf(readModelFolder(dir))).toBe('MODEL_MISSING');
  });

  it('MODEL_INVALID for unreadable config or a broken ONNX file', async () => {
    const dir = await copyOfFixture();
    await writeFile(path.join(dir, 'onnx', 'model.onnx'), 'not a model');
    expect(await codeOf(OnnxLanguageModel.load({ modelDir: dir }))).toBe('MODEL_INVALID');
    await writeFile(path.join(dir, 'config.json'), '{ nope');
    expect(await codeOf(readModelFolder(dir))).toBe('MODEL_INVALID');
  });

  it('MODEL_UNSUPPORTED for another architecture', async () => {
    const dir = await copyOfFixture();
    const config = JSON.parse(await readFile(path.join(dir, 'config.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    await writeFile(path.join(dir, 'config.json'), JSON.stringify({ ...config, model_type: 'bert' }));
    expect(await codeOf(readModelFolder(dir))).toBe('MODEL_UNSUPPORTED');
    expect(await codeOf(OnnxLanguageModel.load({ modelDir: dir }))).toBe('MODEL_UNSUPPORTED');
  });
});
