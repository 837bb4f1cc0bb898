import { describe, expect, it } from 'vitest';
import { Driver, HOST, refusal, seat, startedGame, SYSTEM, T0 } from '../testing/driver.js';
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

  it('stay on screen for the game’s reading time before the vote opens, unless the host moves on', () => {
    const d = new Driver(story, {
      seed: 1,
      seats: { ann: 'human', ben: 'human' },
      at: T0,
      statementReadMs: 30_000,
    });
    for (const s of ['ann', 'ben']) d.must(seat(s), { type: 'TAKE_SEAT', name: s });
    for (const s of ['ann', 'ben']) d.must(seat(s), { type: 'READY', ready: true });
    d.must(HOST, { type: 'START' });
    while (d.ctx.phase < STATEMENTS) d.must(HOST, { type: 'ADVANCE' });
    for (const s of ['ann', 'ben', 'cal', 'dot']) d.must(seat(s), { type: 'STATEMENT', text: `${s} speaks` });
    expect(d.phaseKind).toBe('statement');
    expect(d.ctx.deadline).toBe(d.at + 30_000);
    expect(refusal(d, SYSTEM, { type: 'TICK' }, 10_000)).toBe('NOT_DUE');
    d.must(SYSTEM, { type: 'TICK' }, 30_000);
    expect(d.phaseKind).toBe('vote');
    // Without a reading time the vote opens with the last statement (startedGame has none).
    const quick = startedGame(story, STATEMENTS);
    for (const s of ['ann', 'ben', 'cal', 'dot']) quick.must(seat(s), { type: 'STATEMENT', text: 'x' });
    expect(quick.phaseKind).toBe('vote');
  });

  it('the host may cut them short', () => {
    const d = startedGame(story, STATEMENTS);
    d.must(HOST, { type: 'ADVANCE' });
    expect(d.phaseKind).toBe('vote');
  });
});
