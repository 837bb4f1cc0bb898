import { describe, expect, it } from 'vitest';
import { autoplay } from './testing/autoplay.js';
import { HOST, refusal, seat, startedGame, SYSTEM } from './testing/driver.js';
import { tinyStory } from './testing/tiny-story.js';

const story = tinyStory();
const VOTE = 8;

describe('vote and reveal', () => {
  it('is sealed: one vote per seat, no change, closes when everyone voted', () => {
    const d = startedGame(story, VOTE);
    expect(refusal(d, seat('ann'), { type: 'VOTE', character: 'nobody' })).toBe('UNKNOWN_CHARACTER');
    d.must(seat('ann'), { type: 'VOTE', character: 'cal' });
    expect(refusal(d, seat('ann'), { type: 'VOTE', character: 'ben' })).toBe('ALREADY_VOTED');
    expect(refusal(d, HOST, { type: 'VOTE', character: 'ben' } as never)).toBe('NOT_A_SEAT');
    d.must(seat('ben'), { type: 'VOTE', character: 'cal' });
    d.must(seat('cal'), { type: 'VOTE', character: 'ben' });
    expect(d.ctx.outcome).toBeNull();
    d.must(seat('dot'), { type: 'VOTE', character: 'cal' });
    expect(d.phaseKind).toBe('reveal');
    expect(d.ctx.outcome?.ending).toBe('caught');
    expect(d.ctx.outcome?.tally).toEqual({ ann: 0, ben: 1, cal: 3, dot: 0 });
  });

  it('closes at the deadline with the votes cast', () => {
    const d = startedGame(story, VOTE);
    d.must(seat('ann'), { type: 'VOTE', character: 'ben' });
    d.must(SYSTEM, { type: 'TICK' }, 3 * 60_000);
    expect(d.phaseKind).toBe('reveal');
    expect(d.ctx.outcome?.ending).toBe('framed');
  });

  it('picks each ending by the story conditions and scores goals', () => {
    const caught = autoplay(story, { ann: 'cal', ben: 'cal', cal: 'ann', dot: 'cal' });
    expect(caught.ctx.outcome?.ending).toBe('caught');
    const scores = Object.fromEntries(caught.ctx.outcome?.scores.map((s) => [s.character, s.points]) ?? []);
    // ann: votedCulprit 10 + notMostVoted 5; cal: notMostVoted fails, knife published so goal two fails.
    expect(scores.ann).toBe(15);
    expect(scores.cal).toBe(0);
    // dot's goals: found the diary (7, only dot can); ben most voted (3) did not happen.
    expect(caught.ctx.found.find((f) => f.clue === 'diary')?.seat).toBe('dot');
    expect(caught.ctx.outcome?.scores.find((s) => s.character === 'dot')).toEqual({
      character: 'dot',
      points: 7,
      goals: [
        { id: 'dot-g1', achieved: true },
        { id: 'dot-g2', achieved: false },
      ],
    });
    expect(autoplay(story, { ann: 'cal', ben: 'ben', cal: 'ben', dot: 'cal' }).ctx.outcome?.ending).toBe(
      'deadlock',
    );
    expect(autoplay(story, { ann: 'dot', ben: 'dot', cal: 'dot', dot: 'cal' }).ctx.outcome?.ending).toBe(
      'framed',
    );
    expect(autoplay(story, { ann: null, ben: null, cal: null, dot: null }).ctx.outcome?.ending).toBe(
      'escaped',
    );
    const done = autoplay(story, { ann: 'cal', ben: 'cal', cal: 'ann', dot: 'cal' });
    expect(done.phaseKind).toBe('debrief');
    expect(refusal(done, HOST, { type: 'ADVANCE' })).toBe('GAME_OVER');
    done.must(seat('cal'), { type: 'PUBLIC_MESSAGE', text: 'well played' });
  });
});
