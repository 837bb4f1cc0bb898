import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appendRequest,
  appendWithoutSnapshot,
  matchStoreContract,
  newRoom,
} from '../match-store.contract.js';
import { isMatchStoreError } from '../match-store-error.js';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js';
import { SqliteMatchStore } from './sqlite-match-store.js';

matchStoreContract('SqliteMatchStore', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'jubensha-storage-'));
  return {
    open: () => SqliteMatchStore.open({ dataDir: path.join(dir, 'data') }),
    scratchDir: dir,
    destroy: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

describe('SqliteMatchStore on disk', () => {
  let dir: string;
  const stores: SqliteMatchStore[] = [];
  const open = async (options: Partial<Parameters<typeof SqliteMatchStore.open>[0]> = {}) => {
    const store = await SqliteMatchStore.open({ dataDir: path.join(dir, 'data'), ...options });
    stores.push(store);
    return store;
  };

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'jubensha-storage-'));
  });
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the data directory and one file in WAL mode with the settings it promises', async () => {
    const store = await open({ dataDir: path.join(dir, 'nested', 'data'), busyTimeoutMs: 1234 });
    expect(store.file).toBe(path.join(dir, 'nested', 'data', 'matches.sqlite'));
    await store.createRoom(newRoom());
    expect(existsSync(store.file)).toBe(true);
    // A second connection sees what the store's connection set persistently.
    const db = new Database(store.file, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
    const internal = (store as unknown as { db: Database.Database }).db;
    expect(internal.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(internal.pragma('busy_timeout', { simple: true })).toBe(1234);
    expect(internal.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('uses synchronous FULL when asked', async () => {
    const store = await open({ synchronous: 'full' });
    const internal = (store as unknown as { db: Database.Database }).db;
    expect(internal.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('reopens an existing file without migrating it again', async () => {
    const first = await open();
    await first.createRoom(newRoom());
    await first.close();
    const second = await open();
    expect((await second.loadRoom('room-1'))?.meta.joinCode).toBe('K7QX2M');
  });

  it('upgrades a data file of schema version 1 (no seat memories, a snapshot with every append) in place, its games intact', async () => {
    // The file as a version-1 build left it: its schema, and a game written the way that build wrote one.
    const file = path.join(dir, 'data', 'matches.sqlite');
    mkdirSync(path.dirname(file), { recursive: true });
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    old.exec(MIGRATIONS[0]!);
    old.pragma('user_version = 1');
    const room = newRoom();
    old
      .prepare(
        `INSERT INTO rooms (room_id, join_code, story_id, language, seat_config, created_at, host_token_hash,
           finished_at, version, last_seq) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 1, 1)`,
      )
      .run(
        room.roomId,
        room.joinCode,
        room.storyId,
        room.language,
        JSON.stringify(room.seatConfig),
        room.createdAt,
        room.hostTokenHash,
      );
    old.prepare('INSERT INTO snapshots (room_id, snapshot) VALUES (?, ?)').run(room.roomId, '{"said":1}');
    old
      .prepare('INSERT INTO seat_tokens (room_id, seat_id, token_hash) VALUES (?, ?, ?)')
      .run(room.roomId, 'butler', 'sha256:butler');
    const { entry } = appendRequest(0, 1);
    old
      .prepare('INSERT INTO entries (room_id, seq, at, actor, command) VALUES (?, 1, ?, ?, ?)')
      .run(room.roomId, entry.at, JSON.stringify(entry.actor), JSON.stringify(entry.command));
    old.close();

    const store = await open();
    // The old build rewrote the snapshot with each append: it is the state after the last entry.
    expect(await store.loadRoom('room-1')).toMatchObject({
      meta: { joinCode: room.joinCode, seatTokenHashes: room.seatTokenHashes, finishedAt: null },
      snapshot: { said: 1 },
      snapshotVersion: 1,
      snapshotSeq: 1,
      tail: [],
      version: 1,
      lastSeq: 1,
    });
    expect(await store.readEntries('room-1', 1)).toEqual([{ seq: 1, ...entry }]);
    expect(await store.loadSeatMemories('room-1')).toEqual([]);
    await store.saveSeatMemory('room-1', 'maid', { ledger: ['我在厨房。'] }, 7);
    await store.append('room-1', appendRequest(1, 2));
    await store.close();

    const check = new Database(file, { readonly: true });
    try {
      expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(check.pragma('foreign_key_check')).toEqual([]);
      const strict = check.prepare<[], { strict: number }>(
        "SELECT strict FROM pragma_table_list WHERE name = 'seat_memories'",
      );
      expect(strict.get()?.strict).toBe(1);
    } finally {
      check.close();
    }
    const again = await open();
    expect(await again.loadSeatMemories('room-1')).toEqual([
      { seat: 'maid', memory: { ledger: ['我在厨房。'] }, savedAt: 7 },
    ]);
    expect((await again.readEntries('room-1', 1)).map((e) => e.seq)).toEqual([1, 2]);
  });

  it('refuses a file written by a newer schema and leaves it untouched', async () => {
    const first = await open();
    await first.createRoom(newRoom());
    await first.close();
    const db = new Database(first.file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const error = await SqliteMatchStore.open({ dataDir: path.join(dir, 'data') }).catch((e: unknown) => e);
    expect(isMatchStoreError(error, 'STORE_TOO_NEW')).toBe(true);
    const check = new Database(first.file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1);
    check.close();
  });

  it('takes a backup that opens as a store holding the same games, while writes go on', async () => {
    const store = await open();
    await store.createRoom(newRoom());
    // Enough pages that the online backup takes several steps.
    const padding = 'x'.repeat(20_000);
    for (let n = 1; n <= 50; n++) await store.append('room-1', appendRequest(n - 1, n, { said: n, padding }));
    const backupFile = path.join(dir, 'backups', 'b.sqlite');
    const backingUp = store.backup(backupFile);
    // Keep writing between the backup's steps.
    for (let n = 51; n <= 60; n++) {
      await new Promise((resolve) => setImmediate(resolve));
      await store.append('room-1', appendRequest(n - 1, n, { said: n, padding }));
    }
    await backingUp;
    expect(readdirSync(path.dirname(backupFile))).toEqual(['b.sqlite']);

    const restored = await open({ dataDir: path.dirname(backupFile), fileName: 'b.sqlite' });
    const original = await store.loadRoom('room-1');
    const copy = await restored.loadRoom('room-1');
    // The copy holds one consistent state, from some moment during the backup.
    expect(copy!.lastSeq).toBeGreaterThanOrEqual(50);
    expect(copy!.lastSeq).toBeLessThanOrEqual(60);
    expect(copy!.snapshot['said']).toBe(copy!.lastSeq);
    expect(await restored.readEntries('room-1', 1)).toEqual(
      await store.readEntries('room-1', 1, copy!.lastSeq),
    );
    expect(copy!.meta).toEqual(original!.meta);
  });

  it('rolls the log entry back when the snapshot cannot be written: all or nothing', async () => {
    const store = await open();
    await store.createRoom(newRoom());
    await store.append('room-1', appendRequest(0, 1));
    const other = new Database(store.file);
    other.exec(
      "CREATE TRIGGER refuse_snapshot BEFORE UPDATE ON snapshots BEGIN SELECT RAISE(ABORT, 'disk says no'); END",
    );
    other.close();
    await expect(store.append('room-1', appendRequest(1, 2))).rejects.toThrow(/disk says no/);
    expect(await store.loadRoom('room-1')).toMatchObject({ version: 1, lastSeq: 1, snapshot: { said: 1 } });
    expect((await store.readEntries('room-1', 1)).map((e) => e.seq)).toEqual([1]);
    // An append without a snapshot never touches the snapshots table, so the trigger lets it through.
    await store.append('room-1', appendWithoutSnapshot(1, 2));
    expect(await store.loadRoom('room-1')).toMatchObject({
      version: 2,
      lastSeq: 2,
      snapshot: { said: 1 },
      snapshotSeq: 1,
    });
  });

  it('waits for a lock held by another connection, then gives up with STORE_BUSY and writes nothing', async () => {
    const store = await open({ busyTimeoutMs: 20 });
    await store.createRoom(newRoom());
    const other = new Database(store.file);
    try {
      other.exec('BEGIN IMMEDIATE');
      const error = await store.append('room-1', appendRequest(0, 1)).catch((e: unknown) => e);
      expect(isMatchStoreError(error, 'STORE_BUSY')).toBe(true);
      other.exec('ROLLBACK');
    } finally {
      other.close();
    }
    expect(await store.loadRoom('room-1')).toMatchObject({ version: 0, lastSeq: 0 });
    await store.append('room-1', appendRequest(0, 1));
    expect((await store.readEntries('room-1', 1)).map((e) => e.seq)).toEqual([1]);
  });

  it('deletes every row of a deleted room, in every table', async () => {
    const store = await open();
    await store.createRoom(newRoom());
    await store.createRoom(newRoom({ roomId: 'keep', joinCode: 'KEEP' }));
    for (const roomId of ['room-1', 'keep']) {
      await store.append(roomId, appendRequest(0, 1));
      await store.saveSeatMemory(roomId, 'maid', { ledger: [] }, 1);
    }
    await store.markFinished('room-1', 10);
    expect(await store.deleteFinishedRooms(11)).toBe(1);
    const db = new Database(store.file, { readonly: true });
    try {
      for (const table of ['rooms', 'snapshots', 'seat_tokens', 'entries', 'seat_memories']) {
        const rows = db.prepare(`SELECT DISTINCT room_id FROM ${table}`).pluck().all();
        expect(rows, table).toEqual(['keep']);
      }
    } finally {
      db.close();
    }
  });

  it('refuses to back up onto its own file', async () => {
    const store = await open();
    const error = await store.backup(store.file).catch((e: unknown) => e);
    expect(isMatchStoreError(error, 'INVALID_INPUT')).toBe(true);
  });
});
