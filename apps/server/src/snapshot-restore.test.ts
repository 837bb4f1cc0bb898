import type { Envelope } from '@jubensha/protocol';
import { BUNDLED, decodeStep, stepArb } from '@jubensha/engine/testing';
import { SqliteMatchStore } from '@jubensha/storage';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentAiHost } from './ai-host.js';
import { idleAiSeats } from './ai-seats.js';
import { createLogger } from './logger.js';
import { Metrics } from './metrics.js';
import type { Room, RoomDeps } from './room.js';
import { Rooms } from './rooms.js';
import { bundledCatalog, tempDir } from './testing/harness.js';
import { ManualClock } from './testing/manual-clock.js';

let dir: Awaited<ReturnType<typeof tempDir>>;
let store: SqliteMatchStore;
const metrics = new Metrics();
const aiFailures: unknown[] = [];

beforeAll(async () => {
  dir = await tempDir();
  store = await SqliteMatchStore.open({ dataDir: dir.dir });
});
afterAll(async () => {
  await store.close();
  await dir.remove();
});

function deps(clock: ManualClock, snapshotEvery: number): RoomDeps {
  return {
    store,
    clock,
    metrics,
    log: createLogger('silent'),
    aiSeats: idleAiSeats,
    aiHost: silentAiHost,
    aiVoices: 'authored-lines',
    snapshotEvery,
    aiFailure: ({ err }) => aiFailures.push(err),
  };
}

/**
 * One step of a random game, decoded against the live state: the engine's random walk (any actor, any
 * command, plausible ones more often, the host moving on now and then) or a seat chatting, which most
 * phases take. Chatty games make long runs of accepted commands inside one phase, where a tail grows
 * to K - 1; walking games move through the phases to the reveal and the end.
 */
const moveArb = fc.record({
  walk: stepArb,
  say: fc.record({ who: fc.nat(), n: fc.nat({ max: 999 }), dt: fc.nat({ max: 20_000 }) }),
  pick: fc.nat({ max: 9 }),
  /** 0: restore the room from the store after this step and compare (one step in twenty). */
  check: fc.nat({ max: 19 }),
});
type Move = typeof moveArb extends fc.Arbitrary<infer M> ? M : never;

function decodeMove(room: Room, move: Move, chatty: number, now: number): Envelope {
  if (move.pick >= chatty) return decodeStep(room.story, room.snapshot, move.walk, now);
  const seats = room.story.characters;
  return {
    actor: { kind: 'seat', seat: seats[move.say.who % seats.length]!.id },
    command: { type: 'PUBLIC_MESSAGE', text: `第${move.say.n}句 line ${move.say.n}` },
    at: now + move.say.dt,
  };
}

/**
 * The room as a restarted server would find it: a second `Rooms` on the same store, loading the last
 * stored snapshot and replaying the commands after it. Its clock never moves, so it never acts.
 */
async function restoredSnapshot(roomId: string, snapshotEvery: number) {
  const room = await new Rooms(await bundledCatalog(), deps(new ManualClock(), snapshotEvery)).open(roomId);
  if (!room) throw new Error(`room ${roomId} could not be restored`);
  return room.snapshot;
}

/**
 * Random games of the bundled stories, played through real rooms on a real SQLite store: each room
 * sends a snapshot every K commands and at phase changes, and at random points a second set of rooms
 * restores the game from what is stored. It must hold exactly the live state, for K = 1 (the old
 * behaviour: a snapshot with every command) as for long tails.
 */
describe('restoring a room from its last snapshot and the commands after it', () => {
  it.each([1, 2, 7, 50])(
    'gives the live state, snapshot every %i commands',
    { timeout: 120_000 },
    async (snapshotEvery) => {
      const catalog = await bundledCatalog();
      const stats = { accepted: 0, finished: 0, restores: 0, longestTail: 0 };
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...BUNDLED),
          fc.constantFrom('zh' as const, 'en' as const),
          fc.nat(),
          fc.boolean(),
          // Out of ten steps, how many are chat: 2 (games that move on) or 9 (games that talk).
          fc.constantFrom(2, 9),
          fc.array(moveArb, { minLength: 100, maxLength: 300 }),
          async (storyId, language, humanMask, seatFirst, chatty, moves) => {
            const story = catalog.get(storyId)!;
            const clock = new ManualClock();
            const rooms = new Rooms(catalog, deps(clock, snapshotEvery));
            const seats = story.characters.map((c, i) => ({
              seat: c.id,
              controller: (humanMask >> i) & 1 ? ('human' as const) : ('ai' as const),
            }));
            const created = await rooms.create({ storyId, language, seats });
            if (!created.ok) throw new Error(created.error.code);
            const live = created.room;
            if (seatFirst) {
              // Most random walks stall in the lobby: sit and ready every human seat, then start.
              for (const { seat, controller } of seats) {
                if (controller !== 'human') continue;
                await live.submit({ kind: 'seat', seat }, { type: 'TAKE_SEAT', name: seat });
                await live.submit({ kind: 'seat', seat }, { type: 'READY', ready: true });
              }
              expect(await live.submit({ kind: 'host' }, { type: 'START' })).toMatchObject({ ok: true });
            }
            const check = async () => {
              await live.idle();
              const restored = await restoredSnapshot(live.id, snapshotEvery);
              expect(JSON.stringify(restored)).toBe(JSON.stringify(live.snapshot));
              const stored = (await store.loadRoom(live.id))!;
              expect(stored.version).toBe(live.version);
              // What keeps a restore short: never K commands behind, never across a phase change.
              expect(stored.tail.length).toBeLessThan(snapshotEvery);
              expect(stored.snapshot['state']).toBe(live.snapshot.state);
              // A finished room is stored as it ended.
              if (live.finished) expect(stored.tail).toEqual([]);
              stats.restores++;
              stats.longestTail = Math.max(stats.longestTail, stored.tail.length);
            };
            for (const move of moves) {
              const env = decodeMove(live, move, chatty, clock.now());
              // The room stamps commands with its clock; a deadline passed on the way fires its own TICK.
              clock.advance(Math.max(0, env.at - clock.now()));
              await live.submit(env.actor, env.command);
              if (move.check === 0) await check();
            }
            await check();
            stats.accepted += live.version;
            if (live.finished) stats.finished++;
            // A graceful stop stores the state: the next start replays nothing.
            await rooms.close();
            const closed = (await store.loadRoom(live.id))!;
            expect(closed.tail).toEqual([]);
            expect(closed.snapshot).toEqual(JSON.parse(JSON.stringify(live.snapshot)));
          },
        ),
        // Shrinking a failing long game can take minutes: give up (as a failure) inside the timeout.
        {
          numRuns: 12,
          seed: 1601 + snapshotEvery,
          interruptAfterTimeLimit: 60_000,
          markInterruptAsFailure: true,
        },
      );
      expect(aiFailures).toEqual([]);
      // The games got somewhere (many commands stored, some to the end), and restores replayed tails
      // as long as the setting allows, not only ones a phase change had cut short.
      expect(stats.accepted).toBeGreaterThan(12 * 20);
      expect(stats.finished).toBeGreaterThan(0);
      expect(stats.longestTail).toBeGreaterThanOrEqual(Math.min(snapshotEvery - 1, 20));
    },
  );
});
