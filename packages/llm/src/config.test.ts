import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLED_MODEL_DIR, resolveLlmConfig } from './config.js';
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

// Stand-ins for models/default, so the tests do not depend on whether the real one is checked in.
const bundled = mkdtempSync(join(tmpdir(), 'jubensha-bundled-'));
writeFileSync(join(bundled, 'config.json'), '{}');
const absent = join(bundled, 'no-model-here');
afterAll(() => rmSync(bundled, { recursive: true, force: true }));

const onnxDefaults = {
  threadsPerSession: 2,
  sessions: 1,
  prefixCacheMb: 256,
  niceness: 10,
  defaultMaxTokens: 256,
};

describe('resolveLlmConfig', () => {
  it('defaults to the bundled model when its folder has a config.json', () => {
    expect(resolveLlmConfig({}, {}, { bundledModelDir: bundled })).toEqual({
      backend: 'onnx',
      modelDir: bundled,
      ...onnxDefaults,
    });
  });

  it('defaults to no backend when there is no bundled model', () => {
    expect(resolveLlmConfig({}, {}, { bundledModelDir: absent })).toEqual({ backend: 'none' });
  });

  it('finds the bundled model from the package, not the working directory', () => {
    expect(BUNDLED_MODEL_DIR).toBe(join(import.meta.dirname, '../../../models/default'));
  });

  it('JUBENSHA_LLM=none turns the bundled model off', () => {
    expect(resolveLlmConfig({ JUBENSHA_LLM: 'none' }, {}, { bundledModelDir: bundled })).toEqual({
      backend: 'none',
    });
  });

  it('JUBENSHA_MODEL_DIR alone switches the folder, bundled model or not', () => {
    for (const bundledModelDir of [bundled, absent]) {
      expect(resolveLlmConfig({ JUBENSHA_MODEL_DIR: '/models/big' }, {}, { bundledModelDir })).toEqual({
        backend: 'onnx',
        modelDir: '/models/big',
        ...onnxDefaults,
      });
    }
  });

  it('a backend the server names wins over the bundled model', () => {
    const config = resolveLlmConfig(
      {},
      { backend: 'openai', baseUrl: 'http://127.0.0.1:8080/v1', model: 'm' },
      { bundledModelDir: bundled },
    );
    expect(config.backend).toBe('openai');
  });

  it('reads the onnx backend from the environment with defaults', () => {
    const config = resolveLlmConfig({
      JUBENSHA_LLM: 'onnx',
      JUBENSHA_MODEL_DIR: '/models/qwen',
      JUBENSHA_LLM_SESSIONS: '2',
    });
    expect(config).toEqual({ ...onnxDefaults, backend: 'onnx', modelDir: '/models/qwen', sessions: 2 });
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
    // Naming the backend without a folder is a mistake even when the bundled model is there.
    expect(
      problem(() => resolveLlmConfig({ JUBENSHA_LLM: 'onnx' }, {}, { bundledModelDir: bundled })),
    ).toMatch(/modelDir/);
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
