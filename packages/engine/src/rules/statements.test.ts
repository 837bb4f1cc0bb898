import { describe, expect, it } from 'vitest';
import { HOST, refusal, seat, startedGame, SYSTEM } from '../testing/driver.js';
import { tinyStory } from '../testing/tiny-story.js';

const story = tinyStory();
const STATEMENTS = 7;

describe('final statements', () => {
  it('go one seat at a time in seat order, each with its own deadline; silence passes the floor', () => {
    const d = startedGame(story, STATEMENTS);
    expect(d.ctx.statementOrder).toEqual(['ann', 'ben', 'cal', 'dot']);
    expect(refusal(d, seat('ben'), { type: 'STATEMENT', text: 'me first' })).toBe('NOT_YOUR_TURN');
    expect(refusal(d, seat('ann'), { type: 'PUBLIC_MESSAGE', text: 'interrupt' })).toBe('WRONG_PHASE');
    d.must(seat('ann'), { type: 'STATEMENT', text: 'I did not do it' }, 30_000);
    expect(d.ctx.deadline).toBe(d.at + 2 * 60_000);
    d.must(SYSTEM, { type: 'TICK' }, 2 * 60_000);
    expect(d.ctx.statements.map((s) => [s.seat, s.text])).toEqual([
      ['ann', 'I did not do it'],
      ['ben', null],
    ]);
    d.must(seat('cal'), { type: 'STATEMENT', text: 'nor I' });
    expect(d.phaseKind).toBe('statement');
    d.must(seat('dot'), { type: 'STATEMENT', text: 'it was cal' });
    expect(d.phaseKind).toBe('vote');
    expect(d.ctx.deadline).toBe(d.at + 3 * 60_000);
  });

  it('the host may cut them short', () => {
    const d = startedGame(story, STATEMENTS);
    d.must(HOST, { type: 'ADVANCE' });
    expect(d.phaseKind).toBe('vote');
  });
});
