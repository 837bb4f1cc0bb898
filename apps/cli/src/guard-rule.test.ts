import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadStory } from '@jubensha/story';
import { FIXTURES, materializeFixture, type FixtureExpectation } from '@jubensha/story/testing';
import { describe, expect, it } from 'vitest';
import { guardRule } from './guard-rule.js';

const guarded = readdirSync(FIXTURES).filter(
  (name) =>
    name !== 'base' &&
    (JSON.parse(readFileSync(path.join(FIXTURES, name, 'expected.json'), 'utf8')) as FixtureExpectation)
      .guard,
);
const STORIES = fileURLToPath(new URL('../../../scripts-stories/', import.meta.url));

describe('story validate with the AI seats’ output guard', () => {
  it.each(guarded)('%s reports its exact code, file and line', async (name) => {
    const { dir, expected, cleanup } = await materializeFixture(name);
    try {
      const { diagnostics } = await loadStory(dir, { rules: [guardRule] });
      const file = path.relative(process.cwd(), path.join(dir, expected.file));
      expect(diagnostics).toContainEqual(
        expect.objectContaining({ code: expected.code, file, line: expected.line }),
      );
      const allowed = new Set([expected.code, ...(expected.also ?? [])]);
      expect(diagnostics.filter((d) => !allowed.has(d.code))).toEqual([]);
    } finally {
      await cleanup();
    }
  });

  it('reports the issue’s case: an introduction the guard reads as 是我砸的, with the line, the phrase and where', async () => {
    const { dir, cleanup } = await materializeFixture('line-blocked');
    try {
      const { story, diagnostics } = await loadStory(dir, { rules: [guardRule] });
      expect(story).toBeUndefined();
      const blocked = diagnostics.find((d) => d.code === 'LINE_BLOCKED');
      expect(blocked?.message).toContain('"今晚零点到一点是我的更，我一直守在门口。"');
      expect(blocked?.message).toContain('"是我砸的" (secret vase, ');
      expect(blocked?.message).toMatch(/characters\/alice\.md:9\)/);
      // The format's own exact check lets the line through: only the guard's fuzzy match finds it.
      expect((await loadStory(dir)).diagnostics).toEqual([]);
    } finally {
      await cleanup();
    }
  });

  it('passes the bundled stories clean', async () => {
    for (const id of ['rain-tea-hills', 'last-curtain'])
      expect((await loadStory(path.join(STORIES, id), { rules: [guardRule] })).diagnostics).toEqual([]);
  });
});
