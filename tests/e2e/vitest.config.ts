import { defineConfig } from 'vitest/config';

// Browser tests: one real server process, Debian's chromium, the built web app. Slow by nature,
// so one file at a time and generous per-test limits (the game itself is driven, never waited out).
export default defineConfig({
  test: {
    name: 'e2e',
    root: import.meta.dirname,
    include: ['*.e2e.test.ts'],
    globalSetup: ['./build-web.ts'],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 180_000,
  },
});
