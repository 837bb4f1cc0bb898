import { describe, expect, it } from 'vitest';
import type { Ending } from '../schema/story-file.js';
import { selectEnding } from './select-ending.js';

const ending = (id: string, when: Ending['when'] = {}): Ending => ({
  id,
  when,
  title: { en: id },
  text: { en: id },
});

const story = {
  culprits: ['alice'],
  endings: [
    ending('majority', { mostVoted: 'culprit', culpritShare: { gt: 0.5 } }),
    ending('narrow', { mostVoted: 'culprit' }),
    ending('tie', { mostVoted: 'tie' }),
    ending('bob-blamed', { mostVoted: 'bob' }),
    ending('wrong', { mostVoted: 'innocent' }),
    ending('fallback'),
  ],
};

describe('selectEnding', () => {
  it('takes the first ending whose conditions all hold', () => {
    expect(selectEnding(story, { alice: 4, bob: 1, carol: 1 })?.id).toBe('majority');
    expect(selectEnding(story, { alice: 3, bob: 2, carol: 1 })?.id).toBe('narrow'); // exactly half is not > 0.5
    expect(selectEnding(story, { alice: 2, bob: 2, carol: 2 })?.id).toBe('tie');
    expect(selectEnding(story, { bob: 4, alice: 2 })?.id).toBe('bob-blamed');
    expect(selectEnding(story, { carol: 4, alice: 2 })?.id).toBe('wrong');
  });

  it('ignores characters with zero votes and falls back when nobody voted', () => {
    expect(selectEnding(story, { alice: 1, bob: 0 })?.id).toBe('majority');
    expect(selectEnding(story, {})?.id).toBe('fallback');
  });

  it('counts every culprit for culpritShare, with lte inclusive', () => {
    const two = {
      culprits: ['alice', 'bob'],
      endings: [ending('low', { culpritShare: { lte: 0.5 } }), ending('high')],
    };
    expect(selectEnding(two, { alice: 1, bob: 1, carol: 2 })?.id).toBe('low');
    expect(selectEnding(two, { alice: 2, bob: 1, carol: 2 })?.id).toBe('high');
  });

  it('returns undefined when no ending applies (a story the validator would reject)', () => {
    expect(
      selectEnding({ culprits: ['alice'], endings: [ending('only', { mostVoted: 'tie' })] }, { alice: 3 }),
    ).toBeUndefined();
  });
});
