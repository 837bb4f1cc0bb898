import { SqliteMatchStore, type MatchStore } from '@jubensha/storage';
import { newRoom } from '@jubensha/storage/contract';
import type { Logger } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SeatMemoryWriter } from './seat-memories.js';
import { tempDir } from './testing/harness.js';
import { ManualClock } from './testing/manual-clock.js';

let dir: Awaited<ReturnType<typeof tempDir>>;
let store: SqliteMatchStore;
let errors: { seat: unknown; code: unknown }[];
const log = {
  error: (fields: { seat?: unknown; err?: { code?: unknown } }) =>
    errors.push({ seat: fields.seat, code: fields.err?.code }),
} as unknown as Logger;

beforeEach(async () => {
  dir = await tempDir();
  store = await SqliteMatchStore.open({ dataDir: dir.dir });
  await store.createRoom(newRoom());
  errors = [];
});
afterEach(async () => {
  await store.close();
  await dir.remove();
});

const stored = async () =>
  (await store.loadSeatMemories('room-1')).map(({ seat, memory }) => ({ seat, memory }));

describe('SeatMemoryWriter', () => {
  it('writes a memory at once, with the time it was saved', async () => {
    const clock = new ManualClock();
    const writer = new SeatMemoryWriter('room-1', { store, clock, log });
    writer.save('maid', { seat: 'maid', ledger: ['我在厨房。'] });
    await writer.idle();
    expect(await store.loadSeatMemories('room-1')).toEqual([
      { seat: 'maid', memory: { seat: 'maid', ledger: ['我在厨房。'] }, savedAt: clock.now() },
    ]);
  });

  it('while a write is on its way, writes only each seat’s newest memory after it', async () => {
    const written: unknown[] = [];
    let release: () => void = () => undefined;
    const slow = new Proxy(store, {
      get: (target, key: keyof MatchStore) =>
        key === 'saveSeatMemory'
          ? async (roomId: string, seat: string, memory: object, at: number) => {
              written.push(memory);
              await new Promise<void>((r) => (release = r));
              await target.saveSeatMemory(roomId, seat, memory, at);
            }
          : target[key].bind(target),
    }) as MatchStore;
    const writer = new SeatMemoryWriter('room-1', { store: slow, clock: new ManualClock(), log });
    writer.save('maid', { n: 1 });
    writer.save('maid', { n: 2 });
    writer.save('butler', { n: 1 });
    writer.save('maid', { n: 3 });
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 1));
      release();
    }
    await writer.idle();
    expect(written).toEqual([{ n: 1 }, { n: 3 }, { n: 1 }]);
    expect(await stored()).toEqual([
      { seat: 'butler', memory: { n: 1 } },
      { seat: 'maid', memory: { n: 3 } },
    ]);
  });

  it('logs a failed write and goes on; the end of the game is no failure', async () => {
    const clock = new ManualClock();
    const lost = new SeatMemoryWriter('no-such-room', { store, clock, log });
    lost.save('maid', { n: 1 });
    await lost.idle();
    expect(errors).toEqual([{ seat: 'maid', code: 'ROOM_NOT_FOUND' }]);

    const writer = new SeatMemoryWriter('room-1', { store, clock, log });
    writer.save('maid', { n: Number.NaN });
    writer.save('butler', { n: 1 });
    await writer.idle();
    expect(errors.at(-1)).toEqual({ seat: 'maid', code: 'INVALID_INPUT' });
    writer.save('maid', { n: 2 });
    await writer.idle();
    expect(await stored()).toEqual([
      { seat: 'butler', memory: { n: 1 } },
      { seat: 'maid', memory: { n: 2 } },
    ]);

    await store.markFinished('room-1', clock.now());
    writer.save('maid', { n: 3 });
    await writer.idle();
    expect(errors).toHaveLength(2);
    expect((await stored()).find((m) => m.seat === 'maid')?.memory).toEqual({ n: 2 });
  });
});
