import { describe, expect, it } from 'vitest';
import { createGame } from '../game.js';
import { leaks, literalLeaks, secretTexts } from './secrets.js';
import { tinyStory } from './tiny-story.js';

// The walk's leak detector must itself catch leaks, or the walk proves nothing.
describe('leak detector', () => {
  const story = tinyStory();
  const index = secretTexts(story);
  const ctx = createGame(story, { seed: 1, seats: {}, at: 0 }).context;
  const started = { ...ctx, act: 1, phase: 0 };
  const ann = { kind: 'seat', seat: 'ann' } as const;

  it('flags other seats’ secrets, future acts, truth and unfound clues, inside longer strings too', () => {
    expect(leaks(index, started, ann, { x: '[secret one of ben] in English' })).toHaveLength(1);
    expect(leaks(index, started, ann, { x: 'so: [act two script of ann] in English!' })).toHaveLength(1);
    expect(leaks(index, started, ann, { ['【truth】中文']: 1 })).toHaveLength(1);
    expect(leaks(index, started, ann, ['[knife text] in English'])).toHaveLength(1);
    expect(leaks(index, started, ann, { a: 'phrase-cal-one' })).toHaveLength(1);
    expect(
      literalLeaks(index, started, ann, JSON.stringify({ a: '[ending caught text] in English' })),
    ).toHaveLength(1);
  });

  it('lets a seat see its own act, its found clues and public text', () => {
    expect(leaks(index, started, ann, { x: '[act one script of ann] in English' })).toEqual([]);
    expect(leaks(index, started, ann, { x: '[profile cal] in English' })).toEqual([]);
    const found = {
      ...started,
      found: [{ clue: 'knife', seat: 'ann', at: 0, published: false, kept: false }],
    };
    expect(leaks(index, found, ann, { x: '[knife text] in English' })).toEqual([]);
    expect(leaks(index, found, { kind: 'seat', seat: 'ben' }, { x: '[knife text] in English' })).toHaveLength(
      1,
    );
    expect(leaks(index, found, { kind: 'host' }, { x: '[knife text] in English' })).toHaveLength(1);
  });
});
