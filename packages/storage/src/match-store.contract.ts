/* eslint-disable @typescript-eslint/no-non-null-assertion -- a test helper, like the *.test.ts files: a failing assertion is the point. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MatchStoreError, type MatchStoreErrorCode } from './match-store-error.js';
import type { AppendRequest, JsonObject, LogEntry, MatchStore, NewRoom } from './match-store.js';

/**
 * The behaviour every {@link MatchStore} implementation must show. Run it from an implementation's test
 * file: `matchStoreContract('SqliteMatchStore', async () => harness)`.
 */
export interface MatchStoreHarness {
  /** Opens a new connection to this harness's storage. Every call reaches the same data. */
  open(): Promise<MatchStore>;
  /** A directory where `backup` may write files. */
  scratchDir: string;
  /** Removes the storage; called after each test once every store it opened is closed. */
  destroy(): Promise<void>;
}

export function newRoom(overrides: Partial<NewRoom> = {}): NewRoom {
  return {
    roomId: 'room-1',
    joinCode: 'K7QX2M',
    storyId: 'manor-murder',
    language: 'zh',
    seatConfig: {
      seats: [
        { id: 'butler', kind: 'human' },
        { id: 'maid', kind: 'ai' },
      ],
    },
    createdAt: 1_700_000_000_000,
    hostTokenHash: 'sha256:host',
    seatTokenHashes: { butler: 'sha256:butler' },
    snapshot: { phase: 'lobby', act: 0, seats: { butler: { clues: [] } } },
    version: 0,
    ...overrides,
  };
}

export function appendRequest(expectedVersion: number, n: number, snapshot?: JsonObject): AppendRequest {
  return {
    expectedVersion,
    entry: {
      at: 1_700_000_000_000 + n,
      actor: { kind: 'seat', seat: 'butler' },
      command: { type: 'SAY', text: `第${n}句 line ${n}` },
    },
    snapshot: snapshot ?? { phase: 'act', said: n },
    version: expectedVersion + 1,
  };
}

/** An append that carries no snapshot: the log entry and the version only. */
export function appendWithoutSnapshot(expectedVersion: number, n: number): AppendRequest {
  const { snapshot: _dropped, ...request } = appendRequest(expectedVersion, n);
  return request;
}

/** The entry `appendRequest(_, n)` stores, as the store hands it back at seq `seq`. */
function storedEntry(n: number, seq = n): LogEntry {
  const { entry } = appendRequest(0, n);
  return { seq, at: entry.at, actor: entry.actor as JsonObject, command: entry.command as JsonObject };
}

async function rejection(promise: Promise<unknown>): Promise<MatchStoreError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MatchStoreError);
  return error as MatchStoreError;
}

async function expectCode(promise: Promise<unknown>, code: MatchStoreErrorCode): Promise<MatchStoreError> {
  const error = await rejection(promise);
  expect(error.code).toBe(code);
  return error;
}

export function matchStoreContract(name: string, makeHarness: () => Promise<MatchStoreHarness>): void {
  describe(`MatchStore contract: ${name}`, () => {
    let harness: MatchStoreHarness;
    let opened: MatchStore[];
    let store: MatchStore;

    const open = async (): Promise<MatchStore> => {
      const s = await harness.open();
      opened.push(s);
      return s;
    };

    beforeEach(async () => {
      harness = await makeHarness();
      opened = [];
      store = await open();
    });

    afterEach(async () => {
      for (const s of opened) await s.close();
      await harness.destroy();
    });

    describe('createRoom and loadRoom', () => {
      it('stores a room with its initial snapshot and an empty log', async () => {
        const room = newRoom();
        await store.createRoom(room);
        const loaded = await store.loadRoom('room-1');
        expect(loaded).toEqual({
          meta: {
            roomId: room.roomId,
            joinCode: room.joinCode,
            storyId: room.storyId,
            language: room.language,
            seatConfig: room.seatConfig,
            createdAt: room.createdAt,
            hostTokenHash: room.hostTokenHash,
            seatTokenHashes: room.seatTokenHashes,
            finishedAt: null,
          },
          snapshot: room.snapshot,
          snapshotVersion: 0,
          snapshotSeq: 0,
          tail: [],
          version: 0,
          lastSeq: 0,
        });
        expect(await store.readEntries('room-1', 1)).toEqual([]);
      });

      it('loads null for an unknown room', async () => {
        expect(await store.loadRoom('nope')).toBeNull();
      });

      it('keeps everything across close and reopen', async () => {
        await store.createRoom(newRoom());
        await store.append('room-1', appendRequest(0, 1));
        await store.append('room-1', appendWithoutSnapshot(1, 2));
        const before = await store.loadRoom('room-1');
        expect(before!.tail).toEqual([storedEntry(2)]);
        await store.close();
        const again = await open();
        expect(await again.loadRoom('room-1')).toEqual(before);
        expect(await again.readEntries('room-1', 1)).toHaveLength(2);
      });

      it('refuses a second room with the same id or join code and keeps the first', async () => {
        await store.createRoom(newRoom());
        await expectCode(store.createRoom(newRoom({ joinCode: 'OTHER1', storyId: 'x' })), 'ROOM_EXISTS');
        await expectCode(store.createRoom(newRoom({ roomId: 'room-2' })), 'JOIN_CODE_TAKEN');
        expect(await store.loadRoom('room-2')).toBeNull();
        expect((await store.loadRoom('room-1'))?.meta.storyId).toBe('manor-murder');
        expect(await store.findRoomByJoinCode('OTHER1')).toBeNull();
      });

      it.each<[string, Partial<NewRoom>]>([
        ['an empty room id', { roomId: '' }],
        ['a non-string join code', { joinCode: 42 as unknown as string }],
        ['an empty host token hash', { hostTokenHash: '' }],
        ['a negative version', { version: -1 }],
        ['a fractional creation time', { createdAt: 1.5 }],
        ['an array snapshot', { snapshot: [] as unknown as JsonObject }],
        ['a snapshot with undefined in an array', { snapshot: { a: [undefined] } as unknown as JsonObject }],
        ['a snapshot with NaN', { snapshot: { a: NaN } }],
        ['a snapshot with a Date', { snapshot: { a: new Date(0) } as unknown as JsonObject }],
        ['a seat config with a function', { seatConfig: { f: () => 1 } as unknown as JsonObject }],
        [
          'a non-string seat token hash',
          { seatTokenHashes: { butler: 7 } as unknown as Record<string, string> },
        ],
      ])('refuses %s with INVALID_INPUT and stores nothing', async (_what, overrides) => {
        await expectCode(
          store.createRoom(newRoom({ roomId: 'bad', joinCode: 'BAD', ...overrides })),
          'INVALID_INPUT',
        );
        expect(await store.listUnfinishedRooms()).toEqual([]);
        expect(await store.findRoomByJoinCode('BAD')).toBeNull();
      });

      it('refuses a circular snapshot', async () => {
        const snapshot: JsonObject = { a: 1 };
        (snapshot as Record<string, unknown>)['self'] = snapshot;
        await expectCode(store.createRoom(newRoom({ snapshot })), 'INVALID_INPUT');
        expect(await store.loadRoom('room-1')).toBeNull();
      });
    });

    describe('append and readEntries', () => {
      beforeEach(async () => {
        await store.createRoom(newRoom());
      });

      it('assigns contiguous seqs from 1 and replaces snapshot and version together', async () => {
        for (let n = 1; n <= 3; n++) {
          const entry = await store.append('room-1', appendRequest(n - 1, n, { said: n }));
          expect(entry).toEqual({
            seq: n,
            at: 1_700_000_000_000 + n,
            actor: { kind: 'seat', seat: 'butler' },
            command: { type: 'SAY', text: `第${n}句 line ${n}` },
          });
        }
        const loaded = await store.loadRoom('room-1');
        expect(loaded).toMatchObject({
          snapshot: { said: 3 },
          snapshotVersion: 3,
          snapshotSeq: 3,
          tail: [],
          version: 3,
          lastSeq: 3,
        });
        expect((await store.readEntries('room-1', 1)).map((e) => e.seq)).toEqual([1, 2, 3]);
        expect((await store.readEntries('room-1', 0)).map((e) => e.seq)).toEqual([1, 2, 3]);
        expect((await store.readEntries('room-1', 2, 1)).map((e) => e.seq)).toEqual([2]);
        expect(await store.readEntries('room-1', 4)).toEqual([]);
        expect(await store.readEntries('room-1', 1, 0)).toEqual([]);
      });

      it('accepts versions that jump, as long as they grow', async () => {
        await store.append('room-1', { ...appendRequest(0, 1), version: 10 });
        await expectCode(store.append('room-1', appendRequest(1, 2)), 'VERSION_CONFLICT');
        await store.append('room-1', { ...appendRequest(10, 2), version: 11 });
        expect(await store.loadRoom('room-1')).toMatchObject({ version: 11, lastSeq: 2 });
      });

      it('fences off a stale writer with VERSION_CONFLICT and changes nothing', async () => {
        const other = await open();
        const seenByA = (await store.loadRoom('room-1'))!.version;
        await other.append('room-1', appendRequest(seenByA, 1, { by: 'B' }));
        const error = await expectCode(
          store.append('room-1', appendRequest(seenByA, 2, { by: 'A' })),
          'VERSION_CONFLICT',
        );
        expect(error.details).toEqual({ expected: 0, actual: 1 });
        expect(await store.loadRoom('room-1')).toMatchObject({
          snapshot: { by: 'B' },
          version: 1,
          lastSeq: 1,
        });
        expect(await other.readEntries('room-1', 1)).toHaveLength(1);
      });

      it('lets exactly one of many racing appends with the same expected version through', async () => {
        const results = await Promise.allSettled(
          Array.from({ length: 8 }, (_, i) => store.append('room-1', appendRequest(0, i + 1, { winner: i }))),
        );
        const won = results.filter((r) => r.status === 'fulfilled');
        expect(won).toHaveLength(1);
        for (const r of results) {
          if (r.status === 'rejected') expect((r.reason as MatchStoreError).code).toBe('VERSION_CONFLICT');
        }
        const loaded = await store.loadRoom('room-1');
        expect(loaded).toMatchObject({ version: 1, lastSeq: 1 });
        const entries = await store.readEntries('room-1', 1);
        expect(entries).toHaveLength(1);
        expect(loaded!.snapshot).toEqual({ winner: results.indexOf(won[0]!) });
      });

      it.each<[string, AppendRequest]>([
        ['a version not above the expected one', { ...appendRequest(0, 1), version: 0 }],
        ['a negative expected version', appendRequest(-1, 1)],
        [
          'a missing entry',
          { ...appendRequest(0, 1), entry: undefined as unknown as AppendRequest['entry'] },
        ],
        ['an undefined actor', { ...appendRequest(0, 1), entry: { at: 1, actor: undefined, command: {} } }],
        [
          'a Map as the command',
          { ...appendRequest(0, 1), entry: { at: 1, actor: 'a', command: new Map() } },
        ],
        ['a fractional time', { ...appendRequest(0, 1), entry: { at: 0.5, actor: 'a', command: {} } }],
        [
          'a bigint in the command',
          { ...appendRequest(0, 1), entry: { at: 1, actor: 'a', command: { n: 1n } } },
        ],
        [
          'a snapshot that is not an object',
          { ...appendRequest(0, 1), snapshot: 'x' as unknown as JsonObject },
        ],
        ['a snapshot with Infinity', { ...appendRequest(0, 1), snapshot: { x: Infinity } }],
        [
          'no snapshot and a version not above the expected one',
          { ...appendWithoutSnapshot(0, 1), version: 0 },
        ],
        [
          'no snapshot and a Date as the command',
          { ...appendWithoutSnapshot(0, 1), entry: { at: 1, actor: 'a', command: new Date(0) } },
        ],
      ])('refuses %s with INVALID_INPUT and changes nothing', async (_what, request) => {
        await expectCode(store.append('room-1', request), 'INVALID_INPUT');
        expect(await store.loadRoom('room-1')).toMatchObject({
          snapshot: newRoom().snapshot,
          tail: [],
          version: 0,
          lastSeq: 0,
        });
        expect(await store.readEntries('room-1', 0)).toEqual([]);
      });

      it('refuses unknown rooms', async () => {
        await expectCode(store.append('nope', appendRequest(0, 1)), 'ROOM_NOT_FOUND');
        await expectCode(store.readEntries('nope', 1), 'ROOM_NOT_FOUND');
        await expectCode(store.readEntries('room-1', -1), 'INVALID_INPUT');
      });

      it('hands back exactly the JSON it was given', async () => {
        const command = {
          type: 'SAY',
          text: '我那晚在书房。\n"quotes" \\ and emoji 🕯️',
          nested: { list: [1, -2.5, 1e21, true, false, null, '', [], {}] },
          ['__proto__']: { polluted: true },
          constructor: 'not a function',
        };
        const snapshot = JSON.parse(
          JSON.stringify({ ...command, big: Number.MAX_SAFE_INTEGER }),
        ) as JsonObject;
        const parsedCommand = JSON.parse(JSON.stringify(command)) as JsonObject;
        await store.append('room-1', {
          expectedVersion: 0,
          entry: { at: 5, actor: { kind: 'seat', seat: '管家' }, command: parsedCommand },
          snapshot,
          version: 1,
        });
        const [entry] = await store.readEntries('room-1', 1);
        expect(entry!.command).toEqual(parsedCommand);
        expect(Object.keys(entry!.command as object)).toContain('__proto__');
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
        expect(entry!.actor).toEqual({ kind: 'seat', seat: '管家' });
        expect((await store.loadRoom('room-1'))!.snapshot).toEqual(snapshot);
      });
      it('drops object properties set to undefined, as JSON does', async () => {
        await store.append('room-1', {
          expectedVersion: 0,
          entry: {
            at: 5,
            actor: { kind: 'host', note: undefined },
            command: { type: 'START', reason: undefined },
          },
          snapshot: { phase: 'act', timer: undefined },
          version: 1,
        });
        const [entry] = await store.readEntries('room-1', 1);
        expect(entry!.actor).toStrictEqual({ kind: 'host' });
        expect(entry!.command).toStrictEqual({ type: 'START' });
        expect((await store.loadRoom('room-1'))!.snapshot).toStrictEqual({ phase: 'act' });
      });
    });

    describe('appends without a snapshot, and snapshots on their own', () => {
      beforeEach(async () => {
        await store.createRoom(newRoom());
      });

      it('keeps the last snapshot where it was and loads the entries after it', async () => {
        await store.append('room-1', appendRequest(0, 1, { said: 1 }));
        expect(await store.append('room-1', appendWithoutSnapshot(1, 2))).toEqual(storedEntry(2));
        await store.append('room-1', appendWithoutSnapshot(2, 3));
        expect(await store.loadRoom('room-1')).toMatchObject({
          snapshot: { said: 1 },
          snapshotVersion: 1,
          snapshotSeq: 1,
          tail: [storedEntry(2), storedEntry(3)],
          version: 3,
          lastSeq: 3,
        });
        await store.append('room-1', appendRequest(3, 4, { said: 4 }));
        await store.append('room-1', { ...appendWithoutSnapshot(4, 5), version: 9 });
        expect(await store.loadRoom('room-1')).toMatchObject({
          snapshot: { said: 4 },
          snapshotVersion: 4,
          snapshotSeq: 4,
          tail: [storedEntry(5)],
          version: 9,
          lastSeq: 5,
        });
        expect((await store.readEntries('room-1', 1)).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
      });

      it('loads the initial snapshot and the whole log when no append carried a snapshot', async () => {
        await store.createRoom(newRoom({ roomId: 'late', joinCode: 'LATE', version: 7 }));
        for (let n = 1; n <= 4; n++) await store.append('late', appendWithoutSnapshot(6 + n, n));
        expect(await store.loadRoom('late')).toMatchObject({
          snapshot: newRoom().snapshot,
          snapshotVersion: 7,
          snapshotSeq: 0,
          tail: [1, 2, 3, 4].map((n) => storedEntry(n)),
          version: 11,
          lastSeq: 4,
        });
      });

      it('takes a snapshot property set to undefined as no snapshot', async () => {
        await store.append('room-1', { ...appendRequest(0, 1), snapshot: undefined });
        expect(await store.loadRoom('room-1')).toMatchObject({
          snapshot: newRoom().snapshot,
          snapshotSeq: 0,
          tail: [storedEntry(1)],
        });
      });

      it('fences off a stale writer whether either append carries a snapshot or not', async () => {
        const other = await open();
        await other.append('room-1', appendWithoutSnapshot(0, 1));
        const error = await expectCode(
          store.append('room-1', appendWithoutSnapshot(0, 2)),
          'VERSION_CONFLICT',
        );
        expect(error.details).toEqual({ expected: 0, actual: 1 });
        await expectCode(store.append('room-1', appendRequest(0, 2, { by: 'A' })), 'VERSION_CONFLICT');
        await other.append('room-1', appendRequest(1, 2, { by: 'B' }));
        await expectCode(store.append('room-1', appendWithoutSnapshot(1, 3)), 'VERSION_CONFLICT');
        expect(await store.loadRoom('room-1')).toMatchObject({
          snapshot: { by: 'B' },
          snapshotSeq: 2,
          tail: [],
          version: 2,
          lastSeq: 2,
        });
        expect((await store.readEntries('room-1', 1)).map((e) => e.command)).toEqual([
          storedEntry(1).command,
          storedEntry(2).command,
        ]);
      });

      it('lets exactly one of many racing appends without a snapshot through', async () => {
        const results = await Promise.allSettled(
          Array.from({ length: 8 }, (_, i) => store.append('room-1', appendWithoutSnapshot(0, i + 1))),
        );
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        for (const r of results) {
          if (r.status === 'rejected') expect((r.reason as MatchStoreError).code).toBe('VERSION_CONFLICT');
        }
        const loaded = await store.loadRoom('room-1');
        expect(loaded).toMatchObject({ version: 1, lastSeq: 1, snapshotSeq: 0 });
        expect(loaded!.tail).toHaveLength(1);
      });

      it('saves a snapshot at the stored version, after the last entry, appending nothing', async () => {
        for (let n = 1; n <= 3; n++) await store.append('room-1', appendWithoutSnapshot(n - 1, n));
        await store.saveSnapshot('room-1', { version: 3, snapshot: { said: 3 } });
        expect(await store.loadRoom('room-1')).toMatchObject({
          snapshot: { said: 3 },
          snapshotVersion: 3,
          snapshotSeq: 3,
          tail: [],
          version: 3,
          lastSeq: 3,
        });
        // The next append follows on as usual, and its entry is the tail of the saved snapshot.
        await store.append('room-1', appendWithoutSnapshot(3, 4));
        expect(await store.loadRoom('room-1')).toMatchObject({ snapshotSeq: 3, tail: [storedEntry(4)] });
      });

      it('refuses a snapshot for another version, an unknown room, a finished room or bad input', async () => {
        await store.append('room-1', appendWithoutSnapshot(0, 1));
        const before = await store.loadRoom('room-1');
        const error = await expectCode(
          store.saveSnapshot('room-1', { version: 0, snapshot: { stale: true } }),
          'VERSION_CONFLICT',
        );
        expect(error.details).toEqual({ expected: 0, actual: 1 });
        await expectCode(store.saveSnapshot('room-1', { version: 2, snapshot: {} }), 'VERSION_CONFLICT');
        await expectCode(store.saveSnapshot('nope', { version: 1, snapshot: {} }), 'ROOM_NOT_FOUND');
        for (const bad of [
          { version: 1, snapshot: [] },
          { version: 1, snapshot: { n: NaN } },
          { version: -1, snapshot: {} },
          { version: 1 },
        ]) {
          await expectCode(store.saveSnapshot('room-1', bad as never), 'INVALID_INPUT');
        }
        expect(await store.loadRoom('room-1')).toEqual(before);
        await store.markFinished('room-1', 10);
        await expectCode(store.saveSnapshot('room-1', { version: 1, snapshot: {} }), 'ROOM_FINISHED');
        expect((await store.loadRoom('room-1'))!.snapshot).toEqual(before!.snapshot);
      });
    });

    describe('join codes and seats', () => {
      beforeEach(async () => {
        await store.createRoom(newRoom());
      });

      it('finds a room by its exact join code', async () => {
        expect((await store.findRoomByJoinCode('K7QX2M'))?.roomId).toBe('room-1');
        expect(await store.findRoomByJoinCode('k7qx2m')).toBeNull();
        expect(await store.findRoomByJoinCode('ZZZZZZ')).toBeNull();
        await expectCode(store.findRoomByJoinCode(''), 'INVALID_INPUT');
      });

      it('sets, replaces and clears seat token hashes', async () => {
        await store.setSeatTokenHash('room-1', 'maid', 'sha256:maid-1');
        await store.setSeatTokenHash('room-1', 'butler', 'sha256:butler-2');
        expect((await store.loadRoom('room-1'))!.meta.seatTokenHashes).toEqual({
          butler: 'sha256:butler-2',
          maid: 'sha256:maid-1',
        });
        await store.setSeatTokenHash('room-1', 'butler', null);
        await store.setSeatTokenHash('room-1', 'nobody', null);
        expect((await store.findRoomByJoinCode('K7QX2M'))!.seatTokenHashes).toEqual({
          maid: 'sha256:maid-1',
        });
      });

      it('keeps a seat id like __proto__ as a plain key', async () => {
        await store.setSeatTokenHash('room-1', '__proto__', 'sha256:odd');
        const hashes = (await store.loadRoom('room-1'))!.meta.seatTokenHashes;
        expect(Object.keys(hashes).sort()).toEqual(['__proto__', 'butler']);
        expect(Object.getPrototypeOf(hashes)).toBe(Object.prototype);
      });

      it('refuses seat changes for unknown rooms and bad hashes', async () => {
        await expectCode(store.setSeatTokenHash('nope', 'maid', 'h'), 'ROOM_NOT_FOUND');
        await expectCode(store.setSeatTokenHash('room-1', 'maid', ''), 'INVALID_INPUT');
        await expectCode(store.setSeatTokenHash('room-1', '', 'h'), 'INVALID_INPUT');
        expect((await store.loadRoom('room-1'))!.meta.seatTokenHashes).toEqual({ butler: 'sha256:butler' });
      });
    });

    describe('finishing and deleting rooms', () => {
      beforeEach(async () => {
        await store.createRoom(newRoom({ roomId: 'b', joinCode: 'BBBB', createdAt: 2000 }));
        await store.createRoom(newRoom({ roomId: 'a', joinCode: 'AAAA', createdAt: 3000 }));
        await store.createRoom(newRoom({ roomId: 'c', joinCode: 'CCCC', createdAt: 1000 }));
      });

      it('lists unfinished rooms oldest first and drops finished ones', async () => {
        expect((await store.listUnfinishedRooms()).map((m) => m.roomId)).toEqual(['c', 'b', 'a']);
        await store.markFinished('b', 5000);
        expect((await store.listUnfinishedRooms()).map((m) => m.roomId)).toEqual(['c', 'a']);
        expect((await store.loadRoom('b'))!.meta.finishedAt).toBe(5000);
      });

      it('freezes a finished room', async () => {
        await store.append('b', appendRequest(0, 1));
        await store.markFinished('b', 5000);
        await expectCode(store.append('b', appendRequest(1, 2)), 'ROOM_FINISHED');
        await expectCode(store.setSeatTokenHash('b', 'maid', 'h'), 'ROOM_FINISHED');
        await store.markFinished('b', 9000);
        const loaded = await store.loadRoom('b');
        expect(loaded).toMatchObject({ version: 1, lastSeq: 1, meta: { finishedAt: 5000 } });
        expect(await store.readEntries('b', 1)).toHaveLength(1);
        expect((await store.findRoomByJoinCode('BBBB'))!.finishedAt).toBe(5000);
        await expectCode(store.markFinished('nope', 1), 'ROOM_NOT_FOUND');
      });

      it('deletes only rooms finished before the cutoff, with their logs, and frees their codes', async () => {
        await store.append('b', appendRequest(0, 1));
        await store.markFinished('b', 5000);
        await store.markFinished('c', 7000);
        expect(await store.deleteFinishedRooms(6000)).toBe(1);
        expect(await store.loadRoom('b')).toBeNull();
        await expectCode(store.readEntries('b', 1), 'ROOM_NOT_FOUND');
        expect(await store.loadRoom('c')).not.toBeNull();
        expect(await store.loadRoom('a')).not.toBeNull();
        expect(await store.deleteFinishedRooms(6000)).toBe(0);
        await store.createRoom(newRoom({ roomId: 'b2', joinCode: 'BBBB' }));
        expect((await store.findRoomByJoinCode('BBBB'))!.roomId).toBe('b2');
        expect(await store.readEntries('b2', 1)).toEqual([]);
      });
    });

    describe('AI seat memories', () => {
      const memory = (n: number): JsonObject => ({
        seat: 'maid',
        ledger: Array.from({ length: n }, (_, i) => ({
          at: 1_700_000_000_000 + i,
          to: 'table',
          channel: { kind: 'public' },
          intent: i % 2 ? 'cover' : 'fact',
          claim: i % 2 ? 'in-the-kitchen' : null,
          text: `我一直在厨房。line ${i}`,
        })),
        spoken: { '3': n },
        lastSpokeAt: null,
      });

      beforeEach(async () => {
        await store.createRoom(newRoom());
        await store.createRoom(newRoom({ roomId: 'room-2', joinCode: 'OTHER2' }));
      });

      it('saves one memory per seat, replaces it on the next save, and keeps rooms apart', async () => {
        expect(await store.loadSeatMemories('room-1')).toEqual([]);
        await store.saveSeatMemory('room-1', 'maid', memory(1), 10);
        await store.saveSeatMemory('room-1', 'butler', memory(0), 11);
        await store.saveSeatMemory('room-1', 'maid', memory(3), 12);
        await store.saveSeatMemory('room-2', 'maid', memory(2), 13);
        expect(await store.loadSeatMemories('room-1')).toEqual([
          { seat: 'butler', memory: memory(0), savedAt: 11 },
          { seat: 'maid', memory: memory(3), savedAt: 12 },
        ]);
        expect(await store.loadSeatMemories('room-2')).toEqual([
          { seat: 'maid', memory: memory(2), savedAt: 13 },
        ]);
        // Saving a memory is no move in the game.
        expect(await store.loadRoom('room-1')).toMatchObject({ version: 0, lastSeq: 0 });
      });

      it('keeps memories across close and reopen', async () => {
        await store.saveSeatMemory('room-1', 'maid', memory(4), 10);
        await store.close();
        const again = await open();
        expect(await again.loadSeatMemories('room-1')).toEqual([
          { seat: 'maid', memory: memory(4), savedAt: 10 },
        ]);
      });

      it('hands back exactly the JSON it was given, minus properties set to undefined', async () => {
        const odd = JSON.parse(
          '{"__proto__": {"polluted": true}, "text": "“引号”\\n🕯️", "n": -2.5e-7}',
        ) as JsonObject;
        await store.saveSeatMemory('room-1', '__proto__', { ...odd, gone: undefined }, 10);
        const [saved] = await store.loadSeatMemories('room-1');
        expect(saved!.seat).toBe('__proto__');
        expect(saved!.memory).toStrictEqual(odd);
        expect(Object.keys(saved!.memory)).toContain('__proto__');
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      });

      it.each<[string, string, unknown, number]>([
        ['an empty seat', '', { ok: 1 }, 1],
        ['an array memory', 'maid', [], 1],
        ['a string memory', 'maid', '{}', 1],
        ['a memory with NaN', 'maid', { n: NaN }, 1],
        ['a memory with a Set', 'maid', { told: new Set(['a']) }, 1],
        ['a fractional time', 'maid', { ok: 1 }, 1.5],
      ])('refuses %s with INVALID_INPUT and stores nothing', async (_what, seat, value, at) => {
        await store.saveSeatMemory('room-1', 'maid', memory(1), 5);
        await expectCode(store.saveSeatMemory('room-1', seat, value as object, at), 'INVALID_INPUT');
        expect(await store.loadSeatMemories('room-1')).toEqual([
          { seat: 'maid', memory: memory(1), savedAt: 5 },
        ]);
      });

      it('refuses unknown rooms, and saves to a finished room, which stays readable', async () => {
        await expectCode(store.saveSeatMemory('nope', 'maid', memory(1), 1), 'ROOM_NOT_FOUND');
        await expectCode(store.loadSeatMemories('nope'), 'ROOM_NOT_FOUND');
        await store.saveSeatMemory('room-1', 'maid', memory(2), 5);
        await store.markFinished('room-1', 100);
        await expectCode(store.saveSeatMemory('room-1', 'maid', memory(3), 6), 'ROOM_FINISHED');
        expect(await store.loadSeatMemories('room-1')).toEqual([
          { seat: 'maid', memory: memory(2), savedAt: 5 },
        ]);
      });

      it('deletes the memories with their finished room: a new room under that id starts with none', async () => {
        await store.saveSeatMemory('room-1', 'maid', memory(2), 5);
        await store.saveSeatMemory('room-2', 'maid', memory(1), 5);
        await store.markFinished('room-1', 100);
        expect(await store.deleteFinishedRooms(101)).toBe(1);
        await expectCode(store.loadSeatMemories('room-1'), 'ROOM_NOT_FOUND');
        await store.createRoom(newRoom({ joinCode: 'AGAIN1' }));
        expect(await store.loadSeatMemories('room-1')).toEqual([]);
        expect(await store.loadSeatMemories('room-2')).toHaveLength(1);
      });
    });

    describe('backup and close', () => {
      it('writes a backup file and never overwrites one', async () => {
        await store.createRoom(newRoom());
        const file = path.join(harness.scratchDir, 'backup-1');
        await store.backup(file);
        expect(existsSync(file)).toBe(true);
        await expectCode(store.backup(file), 'INVALID_INPUT');
      });

      it('refuses every call once closed, and closing twice is harmless', async () => {
        await store.createRoom(newRoom());
        await store.close();
        await store.close();
        await expectCode(store.loadRoom('room-1'), 'STORE_CLOSED');
        await expectCode(store.append('room-1', appendRequest(0, 1)), 'STORE_CLOSED');
        await expectCode(store.saveSnapshot('room-1', { version: 0, snapshot: {} }), 'STORE_CLOSED');
        await expectCode(store.listUnfinishedRooms(), 'STORE_CLOSED');
        await expectCode(store.createRoom(newRoom({ roomId: 'x', joinCode: 'X' })), 'STORE_CLOSED');
        await expectCode(store.saveSeatMemory('room-1', 'maid', {}, 1), 'STORE_CLOSED');
        await expectCode(store.loadSeatMemories('room-1'), 'STORE_CLOSED');
      });
    });
  });
}
