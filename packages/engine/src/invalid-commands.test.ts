import fc from 'fast-check';
import {
  CommandSchema,
  HOST_COMMANDS,
  SEAT_COMMANDS,
  type Actor,
  type CommandType,
  type Envelope,
} from '@jubensha/protocol';
import { describe, expect, it } from 'vitest';
import { applyCommand, restoreGame, type GameSnapshot } from './game.js';
import { commandsIn } from './rules/index.js';
import { autoplay } from './testing/autoplay.js';
import { HOST, seat, SYSTEM } from './testing/driver.js';
import { tinyStory } from './testing/tiny-story.js';
import { commandOf, stepArb } from './testing/walk.js';
import { ENGINE_VERSION } from './version.js';

const story = tinyStory();
// Every state of a whole cooperative game: the lobby, each phase, the reveal and the debrief.
const game = autoplay(story, { ann: 'cal', ben: 'cal', cal: 'ann', dot: 'cal' });
const states: GameSnapshot[] = [game.history[0] as GameSnapshot, ...game.history];
const stateArb = fc.constantFrom(...states);
const ALL_TYPES = CommandSchema.options.map((o) => o.shape.type.value);

/** The command must be refused with `code` (or any code when null), leaving the snapshot untouched. */
function refusedWith(snap: GameSnapshot, env: unknown, code: string | null) {
  const before = JSON.stringify(snap);
  const r = applyCommand(story, snap, env as Envelope);
  expect(r.ok).toBe(false);
  if (!r.ok && code !== null) expect(r.error.code).toBe(code);
  if (!r.ok) expect(r.error.message.en.length).toBeGreaterThan(0);
  expect(JSON.stringify(snap)).toBe(before);
}

describe('invalid commands get a typed error and change nothing', () => {
  it('anything outside the protocol shapes is BAD_PAYLOAD', () => {
    const notACommand = fc.oneof(
      fc.anything(),
      fc
        .record({ type: fc.constantFrom(...ALL_TYPES) }, { requiredKeys: [] })
        .chain((base) => fc.dictionary(fc.string(), fc.anything()).map((extra) => ({ ...extra, ...base }))),
      fc.constantFrom(
        { type: 'PUBLIC_MESSAGE', text: '' },
        { type: 'PUBLIC_MESSAGE', text: 'x'.repeat(10_000) },
        { type: 'VOTE', character: 42 },
        { type: 'EXTEND', minutes: -5 },
        { type: 'SEARCH', location: 'study', extra: true },
        { type: 'DROP_TABLE' },
      ),
    );
    fc.assert(
      fc.property(
        stateArb,
        notACommand,
        fc.constantFrom<Actor>(seat('ann'), HOST, SYSTEM),
        (snap, command, actor) => {
          fc.pre(!CommandSchema.safeParse(command).success);
          refusedWith(snap, { actor, command, at: snap.context.clock + 1 }, 'BAD_PAYLOAD');
        },
      ),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(stateArb, fc.anything(), (snap, env) => {
        refusedWith(snap, env, 'BAD_PAYLOAD');
      }),
      { numRuns: 200 },
    );
    const snap = states[3] as GameSnapshot;
    const ok = { actor: seat('ann'), command: { type: 'FINISH_READING' }, at: 1 };
    refusedWith(snap, { ...ok, at: -1 }, 'BAD_PAYLOAD');
    refusedWith(snap, { ...ok, at: Number.NaN }, 'BAD_PAYLOAD');
    refusedWith(snap, { ...ok, actor: { kind: 'seat' } }, 'BAD_PAYLOAD');
    refusedWith(snap, { ...ok, actor: { kind: 'admin' } }, 'BAD_PAYLOAD');
  });

  it('the wrong actor is NOT_A_SEAT, NOT_HOST, NOT_SYSTEM or UNKNOWN_SEAT', () => {
    fc.assert(
      fc.property(stateArb, fc.constantFrom(...ALL_TYPES), stepArb, fc.nat(), (snap, type, step, pick) => {
        const wrong: [Actor, string][] = (SEAT_COMMANDS as string[]).includes(type)
          ? [
              [HOST, 'NOT_A_SEAT'],
              [SYSTEM, 'NOT_A_SEAT'],
              [seat('nobody'), 'UNKNOWN_SEAT'],
            ]
          : (HOST_COMMANDS as string[]).includes(type)
            ? [
                [seat('ann'), 'NOT_HOST'],
                [SYSTEM, 'NOT_HOST'],
              ]
            : [
                [seat('ben'), 'NOT_SYSTEM'],
                [HOST, 'NOT_SYSTEM'],
              ];
        const [actor, code] = wrong[pick % wrong.length] as [Actor, string];
        const command = commandOf(type, story, snap, actor, step);
        refusedWith(snap, { actor, command, at: snap.context.clock + 1 }, code);
      }),
      { numRuns: 500 },
    );
  });

  it('a command its phase does not take is WRONG_PHASE', () => {
    let checked = 0;
    for (const snap of states) {
      const taken = commandsIn(story, snap.context);
      for (const type of ALL_TYPES.filter((t) => !taken.includes(t))) {
        const actor: Actor = (SEAT_COMMANDS as CommandType[]).includes(type)
          ? seat('dot')
          : (HOST_COMMANDS as CommandType[]).includes(type)
            ? HOST
            : SYSTEM;
        const command = commandOf(type, story, snap, actor, { mode: 50, who: 0, what: 0, arg: 1, dt: 0 });
        refusedWith(snap, { actor, command, at: snap.context.clock + 1 }, 'WRONG_PHASE');
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('a snapshot of another engine version or story is refused, on restore and on use', () => {
    const snap = states[5] as GameSnapshot;
    const old = { ...snap, engineVersion: ENGINE_VERSION + 1 };
    const env: Envelope = { actor: HOST, command: { type: 'PAUSE' }, at: snap.context.clock + 1 };
    expect(applyCommand(story, old, env)).toMatchObject({ ok: false, error: { code: 'VERSION_MISMATCH' } });
    expect(restoreGame(story, JSON.parse(JSON.stringify(old)))).toMatchObject({
      ok: false,
      error: { code: 'VERSION_MISMATCH' },
    });
    const other = { ...story, id: 'other-story' };
    expect(applyCommand(other, snap, env)).toMatchObject({ ok: false, error: { code: 'STORY_MISMATCH' } });
    expect(restoreGame(other, snap)).toMatchObject({ ok: false, error: { code: 'STORY_MISMATCH' } });
    expect(restoreGame(story, { ...snap, state: 'phase-99' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_PAYLOAD' },
    });
    expect(restoreGame(story, 'not a game')).toMatchObject({ ok: false, error: { code: 'BAD_PAYLOAD' } });
    const back = restoreGame(story, JSON.parse(JSON.stringify(snap)));
    expect(back).toEqual({ ok: true, snapshot: snap });
  });
});
