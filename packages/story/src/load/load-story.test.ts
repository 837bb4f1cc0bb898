import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { StorySchema } from '../schema/story.js';
import { loadStory } from './load-story.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures');

describe('loadStory', () => {
  it('loads the base fixture into a plain-JSON Story with no diagnostics', async () => {
    const { story, diagnostics } = await loadStory(path.join(fixtures, 'base'));
    expect(diagnostics).toEqual([]);
    expect(story).toBeDefined();
    expect(StorySchema.parse(story)).toEqual(story);
    expect(JSON.parse(JSON.stringify(story))).toEqual(story);
    expect(story!.acts).toBe(2);
    const alice = story!.characters[0]!;
    expect(alice.id).toBe('alice');
    expect(alice.script[1]!.zh).toBe('其他人找到了茶杯。保持冷静，多说你对舅舅的感情。');
    expect(alice.script[0]!.en).toMatch(/^You are Alice\./);
    expect(story!.debrief.en).toMatch(/^Alice poisoned the tea/);
    expect(story!.locations[0]!.cost).toBe(1);
  });

  it('reports a missing folder as FILE_MISSING instead of throwing', async () => {
    const { story, diagnostics } = await loadStory(path.join(fixtures, 'no-such-story'));
    expect(story).toBeUndefined();
    expect(diagnostics).toMatchObject([{ code: 'FILE_MISSING', line: 1, col: 1 }]);
    expect(diagnostics[0]!.file).toBe(
      path.relative(process.cwd(), path.join(fixtures, 'no-such-story/story.yaml')),
    );
  });
});
