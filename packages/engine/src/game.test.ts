import { describe, expect, it } from 'vitest';
import { Driver, HOST, refusal, seat, startedGame, SYSTEM, T0 } from './testing/driver.js';
import { tinyStory } from './testing/tiny-story.js';
import { StorySchema } from '@jubensha/story';
import { createGame, nextDeadline } from './game.js';
import { EngineError } from './errors.js';

const story = tinyStory();
const refused = refusal;
const started = (toPhase = 0) => startedGame(story, toPhase);

describe('lobby', () => {
  it('seats humans by name, refuses AI and taken seats, starts only when every human is ready', () => {
    const d = new Driver(story, { seed: 1, seats: { ann: 'human', ben: 'human', cal: 'ai' }, at: T0 });
    expect(d.snapshot.state).toBe('lobby');
    expect(refused(d, seat('cal'), { type: 'TAKE_SEAT', name: 'Cal' })).toBe('SEAT_IS_AI');
    expect(refused(d, seat('ann'), { type: 'READY', ready: true })).toBe('SEAT_NOT_TAKEN');
    d.must(seat('ann'), { type: 'TAKE_SEAT', name: '  Ann ' });
    expect(d.ctx.seats[0]?.name).toBe('Ann');
    expect(refused(d, seat('ann'), { type: 'TAKE_SEAT', name: 'Again' })).toBe('SEAT_TAKEN');
    d.must(seat('ann'), { type: 'READY', ready: true });
    expect(refused(d, HOST, { type: 'START' })).toBe('SEATS_NOT_READY');
    expect(refused(d, seat('ann'), { type: 'START' })).toBe('NOT_HOST');
    d.must(HOST, { type: 'HAND_TO_AI', seat: 'ben' });
    d.must(HOST, { type: 'START' });
    expect(d.snapshot.state).toBe('phase-0');
    expect(d.ctx.act).toBe(1);
    expect(d.ctx.deadline).toBe(d.at + 5 * 60_000);
  });

  it('refuses a room config naming no character', () => {
    expect(() => createGame(story, { seed: 1, seats: { zed: 'human' }, at: T0 })).toThrow(EngineError);
  });

  it('hand to AI and take back switch the controller and nothing else', () => {
    const d = started(2);
    d.must(seat('ann'), { type: 'SEARCH', location: 'study' });
    const before = structuredClone(d.ctx);
    d.must(HOST, { type: 'HAND_TO_AI', seat: 'ann' });
    d.must(HOST, { type: 'TAKE_BACK', seat: 'ann' });
    const after = structuredClone(d.ctx);
    expect({ ...after, version: 0, clock: 0 }).toEqual({ ...before, version: 0, clock: 0 });
    expect(refused(d, HOST, { type: 'TAKE_BACK', seat: 'ann' })).toBe('ALREADY_DONE');
    expect(refused(d, HOST, { type: 'HAND_TO_AI', seat: 'nobody' })).toBe('UNKNOWN_SEAT');
  });
});

describe('reading and timers', () => {
  it('moves on when every seat finished reading', () => {
    const d = started();
    for (const s of ['ann', 'ben', 'cal']) d.must(seat(s), { type: 'FINISH_READING' });
    expect(refused(d, seat('ann'), { type: 'FINISH_READING' })).toBe('ALREADY_DONE');
    expect(d.snapshot.state).toBe('phase-0');
    d.must(seat('dot'), { type: 'FINISH_READING' });
    expect(d.snapshot.state).toBe('phase-1');
  });

  it('a TICK before the deadline is refused; at the deadline it ends the phase', () => {
    const d = started();
    const deadline = d.ctx.deadline ?? 0;
    expect(nextDeadline(d.snapshot)).toBe(deadline);
    expect(refused(d, SYSTEM, { type: 'TICK' }, deadline - d.at - 1)).toBe('NOT_DUE');
    expect(refused(d, HOST, { type: 'TICK' })).toBe('NOT_SYSTEM');
    d.must(SYSTEM, { type: 'TICK' }, deadline - d.at);
    expect(d.snapshot.state).toBe('phase-1');
  });

  it('pause shifts the deadline by the paused time and blocks play; extend adds minutes', () => {
    const d = started(1);
    const deadline = d.ctx.deadline ?? 0;
    d.must(HOST, { type: 'PAUSE' });
    expect(nextDeadline(d.snapshot)).toBeNull();
    expect(refused(d, seat('ann'), { type: 'PUBLIC_MESSAGE', text: 'hi' })).toBe('GAME_PAUSED');
    expect(refused(d, SYSTEM, { type: 'TICK' }, 3_600_000)).toBe('GAME_PAUSED');
    expect(refused(d, HOST, { type: 'ADVANCE' })).toBe('GAME_PAUSED');
    expect(refused(d, HOST, { type: 'PAUSE' })).toBe('GAME_PAUSED');
    const pausedFor = d.at + 120_000 - (d.ctx.pausedAt ?? 0);
    d.must(HOST, { type: 'RESUME' }, 120_000);
    expect(d.ctx.deadline).toBe(deadline + pausedFor);
    expect(refused(d, HOST, { type: 'RESUME' })).toBe('NOT_PAUSED');
    d.must(HOST, { type: 'EXTEND', minutes: 3 });
    expect(d.ctx.deadline).toBe(deadline + pausedFor + 180_000);
    d.must(HOST, { type: 'ADVANCE' });
    d.must(HOST, { type: 'ADVANCE' });
    d.must(HOST, { type: 'ADVANCE' });
    expect(d.story.phases[d.ctx.phase]?.kind).toBe('read');
    expect(d.ctx.deadline).toBeNull();
    expect(refused(d, HOST, { type: 'EXTEND', minutes: 3 })).toBe('NO_TIMER');
  });

  it('never lets time run backwards', () => {
    const d = started(1);
    d.must(seat('ann'), { type: 'PUBLIC_MESSAGE', text: 'later' }, -10_000);
    expect(d.ctx.chat[0]?.at).toBe(d.ctx.clock);
    expect(d.ctx.clock).toBeGreaterThan(d.at);
  });
});

describe('search', () => {
  it('costs action points, yields one eligible clue, honours findableBy and hiddenUntil', () => {
    const d = started(2);
    expect(d.ctx.actionPoints).toEqual({ ann: 2, ben: 2, cal: 2, dot: 2 });
    expect(refused(d, seat('ann'), { type: 'SEARCH', location: 'attic' })).toBe('UNKNOWN_LOCATION');
    // The diary is dot's alone: for ann the cellar holds nothing.
    expect(refused(d, seat('ann'), { type: 'SEARCH', location: 'cellar' })).toBe('LOCATION_EXHAUSTED');
    d.must(seat('dot'), { type: 'SEARCH', location: 'cellar' });
    expect(d.ctx.found).toEqual([{ clue: 'diary', seat: 'dot', at: d.at, published: false, kept: false }]);
    expect(d.ctx.actionPoints.dot).toBe(0);
    expect(refused(d, seat('dot'), { type: 'SEARCH', location: 'study' })).toBe('NO_ACTION_POINTS');
    // The ledger hides until the knife is found, so the study's first search gives the knife.
    d.must(seat('ann'), { type: 'SEARCH', location: 'study' });
    expect(d.ctx.found[1]?.clue).toBe('knife');
    d.must(seat('ann'), { type: 'SEARCH', location: 'study' });
    expect(d.ctx.found[2]?.clue).toBe('ledger');
    expect(refused(d, seat('ben'), { type: 'SEARCH', location: 'study' })).toBe('LOCATION_EXHAUSTED');
    // Act 2 clues wait for act 2.
    d.must(seat('ben'), { type: 'SEARCH', location: 'garden' });
    expect(d.ctx.found[3]?.clue).toBe('letter');
    expect(refused(d, seat('ben'), { type: 'SEARCH', location: 'garden' })).toBe('LOCATION_EXHAUSTED');
  });

  it('act 2 opens new clues, waits for published ones, and keeps unfound act 1 clues findable', () => {
    const d = started(2);
    d.must(seat('ben'), { type: 'SEARCH', location: 'garden' });
    expect(d.ctx.found.map((f) => f.clue)).toEqual(['letter']);
    while (d.ctx.phase < 5) d.must(HOST, { type: 'ADVANCE' });
    expect([d.ctx.act, d.ctx.round, d.ctx.actionPoints.ann]).toEqual([2, 1, 3]);
    d.must(seat('ann'), { type: 'SEARCH', location: 'cellar' });
    expect(d.ctx.found[1]?.clue).toBe('glove');
    // The boot stays hidden until the letter is published.
    expect(refused(d, seat('ben'), { type: 'SEARCH', location: 'garden' })).toBe('LOCATION_EXHAUSTED');
    d.must(seat('ben'), { type: 'PUBLISH_CLUE', clue: 'letter' });
    d.must(seat('ben'), { type: 'SEARCH', location: 'garden' });
    expect(d.ctx.found[2]?.clue).toBe('boot');
    d.must(seat('dot'), { type: 'SEARCH', location: 'cellar' });
    expect(d.ctx.found[3]).toMatchObject({ clue: 'diary', seat: 'dot' });
  });

  it('publish and keep apply to your own clues only', () => {
    const d = started(2);
    d.must(seat('ann'), { type: 'SEARCH', location: 'study' });
    expect(refused(d, seat('ben'), { type: 'PUBLISH_CLUE', clue: 'knife' })).toBe('UNKNOWN_CLUE');
    expect(refused(d, seat('ben'), { type: 'PUBLISH_CLUE', clue: 'letter' })).toBe('UNKNOWN_CLUE');
    d.must(seat('ann'), { type: 'KEEP_CLUE', clue: 'knife' });
    expect(refused(d, seat('ann'), { type: 'KEEP_CLUE', clue: 'knife' })).toBe('ALREADY_DONE');
    d.must(seat('ann'), { type: 'PUBLISH_CLUE', clue: 'knife' });
    expect(refused(d, seat('ann'), { type: 'PUBLISH_CLUE', clue: 'knife' })).toBe('ALREADY_PUBLISHED');
  });

  it('ends the round once nobody can afford another search', () => {
    const lean = StorySchema.parse({
      ...story,
      clues: [...story.clues, { ...story.clues[1], id: 'cup', title: { en: 'cup' }, text: { en: 'a cup' } }],
      phases: story.phases.map((p) => (p.kind === 'search' && p.round === 1 ? { ...p, actionPoints: 1 } : p)),
    });
    const d = new Driver(lean, { seed: 3, seats: {}, at: T0 });
    d.must(HOST, { type: 'START' });
    d.must(HOST, { type: 'ADVANCE' });
    d.must(HOST, { type: 'ADVANCE' });
    expect(d.phaseKind).toBe('search');
    d.must(seat('ann'), { type: 'SEARCH', location: 'study' });
    d.must(seat('ben'), { type: 'SEARCH', location: 'garden' });
    d.must(seat('cal'), { type: 'SEARCH', location: 'study' });
    expect(d.phaseKind).toBe('search');
    d.must(seat('dot'), { type: 'SEARCH', location: 'garden' });
    expect(d.phaseKind).toBe('discuss');
    expect(d.ctx.found.map((f) => f.clue).sort()).toEqual(['cup', 'knife', 'ledger', 'letter']);
    expect(d.ctx.actionPoints).toEqual({ ann: 0, ben: 0, cal: 0, dot: 0 });
  });
});
