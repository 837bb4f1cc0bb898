import { defineConfig } from 'vitest/config';

// One config, one project per package, so `vitest run` covers the whole repo and
// `vitest run --project story` runs one package.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'protocol', root: 'packages/protocol', include: ['src/**/*.test.ts'] } },
      { test: { name: 'story', root: 'packages/story', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] } },
      { test: { name: 'engine', root: 'packages/engine', include: ['src/**/*.test.ts'] } },
      {
        // Worker-thread tests load onnxruntime and transformers.js per thread: slow on a busy 2-core machine.
        test: {
          name: 'llm',
          root: 'packages/llm',
          include: ['src/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      { test: { name: 'storage', root: 'packages/storage', include: ['src/**/*.test.ts'] } },
      {
        // Agents play whole all-AI games in-process; jieba loads its dictionary once per worker.
        test: { name: 'agents', root: 'packages/agents', include: ['src/**/*.test.ts'], testTimeout: 60_000 },
      },
      { test: { name: 'cli', root: 'apps/cli', include: ['src/**/*.test.ts'], testTimeout: 60_000 } },
      {
        // Server tests start real server processes and play whole games: generous limits on a loaded CI box.
        test: {
          name: 'server',
          root: 'apps/server',
          include: ['src/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      // The default model's corpus generator and evaluation (scripts/model); work/ holds generated data.
      {
        test: {
          name: 'scripts',
          root: 'scripts',
          include: ['**/*.test.ts'],
          exclude: ['**/node_modules/**', 'model/work/**', 'model/.venv/**'],
          testTimeout: 60_000,
        },
      },
      // The web app's and the browser tests' own configs (jsdom + React; a server, a build and chromium).
      'apps/web/vite.config.ts',
      'tests/e2e/vitest.config.ts',
    ],
  },
});
