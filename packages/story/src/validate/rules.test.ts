import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, materializeFixture } from '../testing/fixture-story.js';
import type { FixtureExpectation } from '../testing/fixture-story.js';
import { DIAGNOSTIC_CODES } from '../diagnostics/codes.js';
import { loadStory } from '../load/load-story.js';

const broken = readdirSync(FIXTURES).filter((name) => name !== 'base');
// Fixtures of the guard's codes need @jubensha/agents' rule: apps/cli runs them (src/guard-rule.test.ts).
const ours = broken.filter(
  (name) =>
    !(JSON.parse(readFileSync(path.join(FIXTURES, name, 'expected.json'), 'utf8')) as FixtureExpectation)
      .guard,
);

describe('validator rules, one broken fixture each', () => {
  it.each(ours)('%s reports its exact code, file and line', async (name) => {
    const { dir, expected, cleanup } = await materializeFixture(name);
    try {
      const { story, diagnostics } = await loadStory(dir);
      const file = path.relative(process.cwd(), path.join(dir, expected.file));
      expect(diagnostics).toContainEqual(
        expect.objectContaining({ code: expected.code, file, line: expected.line }),
      );
      // One mistake, one finding: nothing but the expected code (and its declared knock-on codes) appears.
      const allowed = new Set([expected.code, ...(expected.also ?? [])]);
      expect(diagnostics.filter((d) => !allowed.has(d.code))).toEqual([]);
      const isError = diagnostics.some((d) => d.severity === 'error');
      expect(story === undefined).toBe(isError);
    } finally {
      await cleanup();
    }
  });

  it('every diagnostic code has a broken fixture', async () => {
    const covered = new Set<string>();
    for (const name of broken)
      covered.add(
        (
          await materializeFixture(name).then(async (f) => {
            await f.cleanup();
            return f.expected;
          })
        ).code,
      );
    expect(Object.keys(DIAGNOSTIC_CODES).filter((code) => !covered.has(code))).toEqual([]);
  });
});
