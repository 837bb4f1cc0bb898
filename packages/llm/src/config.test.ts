import { describe, expect, it } from 'vitest';
import { resolveLlmConfig } from './config.js';
import { createLanguageModel } from './create-language-model.js';
import { isLlmError } from './errors.js';
import { fixtureDir } from './onnx/fixtures.test-support.js';

function problem(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (isLlmError(error, 'CONFIG_INVALID')) return error.detail;
    throw error;
  }
  throw new Error('expected CONFIG_INVALID');
}

describe('resolveLlmConfig', () => {
  it('defaults to no backend', () => {
    expect(resolveLlmConfig({})).toEqual({ backend: 'none' });
  });

  it('reads the onnx backend from the environment with defaults', () => {
    const config = resolveLlmConfig({
      JUBENSHA_LLM: 'onnx',
      JUBENSHA_MODEL_DIR: '/models/qwen',
      JUBENSHA_LLM_SESSIONS: '2',
    });
    expect(config).toEqual({
      backend: 'onnx',
      modelDir: '/models/qwen',
      sessions: 2,
      threadsPerSession: 2,
      prefixCacheMb: 256,
      niceness: 10,
      defaultMaxTokens: 256,
    });
  });

  it('lets the server override the environment', () => {
    const env = { JUBENSHA_LLM: 'onnx', JUBENSHA_MODEL_DIR: '/a', JUBENSHA_OPENAI_MODEL: 'llama3' };
    const config = resolveLlmConfig(env, { backend: 'openai', baseUrl: 'http://127.0.0.1:11434/v1' });
    expect(config).toMatchObject({
      backend: 'openai',
      baseUrl: 'http://127.0.0.1:11434/v1',
      model: 'llama3',
    });
  });

  it('rejects bad values with every problem named', () => {
    expect(problem(() => resolveLlmConfig({ JUBENSHA_LLM: 'gpu' }))).toMatch(/backend/);
    expect(problem(() => resolveLlmConfig({ JUBENSHA_LLM: 'onnx' }))).toMatch(/modelDir/);
    const detail = problem(() =>
      resolveLlmConfig({
        JUBENSHA_LLM: 'onnx',
        JUBENSHA_MODEL_DIR: '/m',
        JUBENSHA_LLM_THREADS: '0',
        JUBENSHA_LLM_SESSIONS: 'two',
      }),
    );
    expect(detail).toMatch(/threadsPerSession/);
    expect(detail).toMatch(/sessions/);
    expect(
      problem(() =>
        resolveLlmConfig({
          JUBENSHA_LLM: 'openai',
          JUBENSHA_OPENAI_BASE_URL: 'ftp://x',
          JUBENSHA_OPENAI_MODEL: 'm',
        }),
      ),
    ).toMatch(/baseUrl/);
  });
});

describe('createLanguageModel', () => {
  it('builds each backend', async () => {
    expect(await createLanguageModel({ backend: 'none' })).toBeNull();
    const openai = await createLanguageModel(
      resolveLlmConfig({
        JUBENSHA_LLM: 'openai',
        JUBENSHA_OPENAI_BASE_URL: 'http://127.0.0.1:1/v1',
        JUBENSHA_OPENAI_MODEL: 'm',
      }),
    );
    expect(openai!.description).toBe('openai:m@http://127.0.0.1:1/v1');
    const onnx = await createLanguageModel(
      resolveLlmConfig({
        JUBENSHA_LLM: 'onnx',
        JUBENSHA_MODEL_DIR: fixtureDir('tiny-gpt2'),
        JUBENSHA_LLM_THREADS: '1',
      }),
    );
    expect(onnx!.description).toBe('onnx:gpt2 (1×1 threads)');
    await onnx!.close();
  });
});
