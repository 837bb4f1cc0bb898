import { randomUUID } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { decodeJson, decodeJsonObject } from '../json-text.js';
import { MatchStoreError } from '../match-store-error.js';
import type {
  AppendRequest,
  LoadedRoom,
  LogEntry,
  MatchStore,
  NewRoom,
  RoomMeta,
  SeatMemory,
  SnapshotRequest,
} from '../match-store.js';
import {
  checkAppend,
  checkCount,
  checkId,
  checkNewRoom,
  checkSeatMemory,
  checkSnapshotRequest,
} from '../room-input.js';
import { migrate } from './schema.js';

/** Where the server keeps its data unless configured otherwise (git-ignored). */
export const DEFAULT_DATA_DIR = '.data';

export interface SqliteMatchStoreOptions {
  /** Directory that holds the database file; created if missing. The server reads it from the environment. */
  dataDir: string;
  /** File name inside `dataDir`. Default `matches.sqlite`. */
  fileName?: string;
  /** How long a write waits for another connection's lock before failing, in ms. Default 5000. */
  busyTimeoutMs?: number;
  /**
   * `normal` (default): an acknowledged append survives a crash or `kill -9` of this process; a power
   * loss or OS crash may lose the last appends but never corrupts the file. `full`: also survives power
   * loss, at the cost of an fsync per append.
   */
  synchronous?: 'normal' | 'full';
}

interface RoomRow {
  room_id: string;
  join_code: string;
  story_id: string;
  language: string;
  seat_config: string;
  created_at: number;
  host_token_hash: string;
  finished_at: number | null;
}

interface RoomStateRow {
  version: number;
  last_seq: number;
  finished_at: number | null;
}

interface SnapshotRow {
  snapshot: string;
  snapshot_version: number;
  snapshot_seq: number;
}

interface EntryRow {
  seq: number;
  at: number;
  actor: string;
  command: string;
}

const ROOM_COLUMNS =
  'room_id, join_code, story_id, language, seat_config, created_at, host_token_hash, finished_at';

/**
 * The default {@link MatchStore}: one SQLite file in WAL mode, used by one server process (other
 * processes may read it, and may write thanks to the busy timeout and the version check, but rooms are
 * meant to have one writer).
 *
 * better-sqlite3 is synchronous: each call blocks the event loop for its few statements (an append is
 * one small transaction), which is cheaper than a thread hop at this size.
 */
export class SqliteMatchStore implements MatchStore {
  /** Absolute path of the database file. */
  readonly file: string;
  private readonly db: Database.Database;
  private closed = false;
  private readonly backups = new Set<Promise<unknown>>();
  private readonly stmt;

  private constructor(file: string, options: SqliteMatchStoreOptions) {
    this.file = file;
    const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
    this.db = new Database(file, { timeout: busyTimeoutMs });
    try {
      const journalMode = this.db.pragma('journal_mode = WAL', { simple: true });
      // SQLite quietly keeps the old mode where WAL cannot work (e.g. some network file systems).
      if (journalMode !== 'wal')
        throw new Error(`${file}: SQLite refused WAL mode (got ${String(journalMode)})`);
      // In WAL mode a commit appends its pages and a commit frame to the -wal file with write(2) before
      // returning. Once written, the data is in the OS page cache, which a killed process cannot take
      // with it, so NORMAL is durable against process crashes; it skips only the fsync that protects
      // against power loss (the WAL is fsynced at checkpoints, so the file is never corrupted either).
      // A frame set without its commit frame is ignored on recovery: a torn append is simply absent.
      this.db.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
      // better-sqlite3's build has foreign keys on by default; deleting rooms relies on the cascade, so be explicit.
      this.db.pragma('foreign_keys = ON');
      migrate(this.db);
    } catch (error) {
      this.db.close();
      throw error;
    }
    this.stmt = this.prepareStatements();
  }

  /** Opens (creating if needed) `<dataDir>/<fileName>` and brings its schema up to date. */
  static async open(options: SqliteMatchStoreOptions): Promise<SqliteMatchStore> {
    if (typeof options.dataDir !== 'string' || options.dataDir.length === 0) {
      throw new MatchStoreError('INVALID_INPUT', 'dataDir must be a non-empty path');
    }
    const dir = path.resolve(options.dataDir);
    mkdirSync(dir, { recursive: true });
    return new SqliteMatchStore(path.join(dir, options.fileName ?? 'matches.sqlite'), options);
  }

  private prepareStatements() {
    const db = this.db;
    return {
      roomExists: db.prepare<[string], { one: 1 }>('SELECT 1 AS one FROM rooms WHERE room_id = ?'),
      joinCodeExists: db.prepare<[string], { one: 1 }>('SELECT 1 AS one FROM rooms WHERE join_code = ?'),
      insertRoom: db.prepare<[string, string, string, string, string, number, string, number]>(
        `INSERT INTO rooms (room_id, join_code, story_id, language, seat_config, created_at, host_token_hash,
           finished_at, version, last_seq) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, 0)`,
      ),
      insertSnapshot: db.prepare<[string, string, number]>(
        'INSERT INTO snapshots (room_id, snapshot, version, seq) VALUES (?, ?, ?, 0)',
      ),
      upsertSeatToken: db.prepare<[string, string, string]>(
        `INSERT INTO seat_tokens (room_id, seat_id, token_hash) VALUES (?, ?, ?)
         ON CONFLICT (room_id, seat_id) DO UPDATE SET token_hash = excluded.token_hash`,
      ),
      deleteSeatToken: db.prepare<[string, string]>(
        'DELETE FROM seat_tokens WHERE room_id = ? AND seat_id = ?',
      ),
      roomState: db.prepare<[string], RoomStateRow>(
        'SELECT version, last_seq, finished_at FROM rooms WHERE room_id = ?',
      ),
      insertEntry: db.prepare<[string, number, number, string, string]>(
        'INSERT INTO entries (room_id, seq, at, actor, command) VALUES (?, ?, ?, ?, ?)',
      ),
      advanceRoom: db.prepare<[number, number, string]>(
        'UPDATE rooms SET version = ?, last_seq = ? WHERE room_id = ?',
      ),
      replaceSnapshot: db.prepare<[string, number, number, string]>(
        'UPDATE snapshots SET snapshot = ?, version = ?, seq = ? WHERE room_id = ?',
      ),
      roomById: db.prepare<[string], RoomRow & RoomStateRow & SnapshotRow>(
        `SELECT ${ROOM_COLUMNS.replace(/\w+/g, 'r.$&')}, r.version, r.last_seq,
           s.snapshot, s.version AS snapshot_version, s.seq AS snapshot_seq
         FROM rooms r JOIN snapshots s ON s.room_id = r.room_id WHERE r.room_id = ?`,
      ),
      roomByJoinCode: db.prepare<[string], RoomRow>(`SELECT ${ROOM_COLUMNS} FROM rooms WHERE join_code = ?`),
      seatTokens: db.prepare<[string], { seat_id: string; token_hash: string }>(
        'SELECT seat_id, token_hash FROM seat_tokens WHERE room_id = ? ORDER BY seat_id',
      ),
      entriesFrom: db.prepare<[string, number, number], EntryRow>(
        'SELECT seq, at, actor, command FROM entries WHERE room_id = ? AND seq >= ? ORDER BY seq LIMIT ?',
      ),
      upsertSeatMemory: db.prepare<[string, string, string, number]>(
        `INSERT INTO seat_memories (room_id, seat_id, memory, saved_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (room_id, seat_id) DO UPDATE SET memory = excluded.memory, saved_at = excluded.saved_at`,
      ),
      seatMemories: db.prepare<[string], { seat_id: string; memory: string; saved_at: number }>(
        'SELECT seat_id, memory, saved_at FROM seat_memories WHERE room_id = ? ORDER BY seat_id',
      ),
      unfinishedRooms: db.prepare<[], RoomRow>(
        `SELECT ${ROOM_COLUMNS} FROM rooms WHERE finished_at IS NULL ORDER BY created_at, room_id`,
      ),
      markFinished: db.prepare<[number, string]>(
        'UPDATE rooms SET finished_at = ? WHERE room_id = ? AND finished_at IS NULL',
      ),
      deleteFinished: db.prepare<[number]>(
        'DELETE FROM rooms WHERE finished_at IS NOT NULL AND finished_at < ?',
      ),
    };
  }

  async createRoom(room: NewRoom): Promise<void> {
    this.assertOpen();
    const checked = checkNewRoom(room);
    this.write(() => {
      if (this.stmt.roomExists.get(room.roomId)) {
        throw new MatchStoreError('ROOM_EXISTS', `room ${room.roomId} exists already`);
      }
      if (this.stmt.joinCodeExists.get(room.joinCode)) {
        throw new MatchStoreError('JOIN_CODE_TAKEN', 'another room has this join code');
      }
      this.stmt.insertRoom.run(
        room.roomId,
        room.joinCode,
        room.storyId,
        room.language,
        checked.seatConfigJson,
        room.createdAt,
        room.hostTokenHash,
        room.version,
      );
      this.stmt.insertSnapshot.run(room.roomId, checked.snapshotJson, room.version);
      for (const [seatId, hash] of checked.seatTokenHashes)
        this.stmt.upsertSeatToken.run(room.roomId, seatId, hash);
    });
  }

  async append(roomId: string, request: AppendRequest): Promise<LogEntry> {
    this.assertOpen();
    checkId(roomId, 'roomId');
    const checked = checkAppend(request);
    return this.write((): LogEntry => {
      const state = this.writableState(roomId);
      if (state.version !== request.expectedVersion) {
        throw new MatchStoreError('VERSION_CONFLICT', `room ${roomId} is at another version than expected`, {
          expected: request.expectedVersion,
          actual: state.version,
        });
      }
      const seq = state.last_seq + 1;
      this.stmt.insertEntry.run(roomId, seq, request.entry.at, checked.actorJson, checked.commandJson);
      this.stmt.advanceRoom.run(request.version, seq, roomId);
      if (checked.snapshotJson !== null)
        this.stmt.replaceSnapshot.run(checked.snapshotJson, request.version, seq, roomId);
      return {
        seq,
        at: request.entry.at,
        actor: decodeJson(checked.actorJson),
        command: decodeJson(checked.commandJson),
      };
    });
  }

  async saveSnapshot(roomId: string, request: SnapshotRequest): Promise<void> {
    this.assertOpen();
    checkId(roomId, 'roomId');
    const snapshotJson = checkSnapshotRequest(request);
    this.write(() => {
      const state = this.writableState(roomId);
      if (state.version !== request.version) {
        throw new MatchStoreError('VERSION_CONFLICT', `room ${roomId} is at another version than expected`, {
          expected: request.version,
          actual: state.version,
        });
      }
      this.stmt.replaceSnapshot.run(snapshotJson, state.version, state.last_seq, roomId);
    });
  }

  async loadRoom(roomId: string): Promise<LoadedRoom | null> {
    this.assertOpen();
    checkId(roomId, 'roomId');
    // One read transaction: the tail is the one that follows this snapshot, whatever a writer does meanwhile.
    return this.read((): LoadedRoom | null => {
      const row = this.stmt.roomById.get(roomId);
      if (!row) return null;
      return {
        meta: this.toMeta(row),
        snapshot: decodeJsonObject(row.snapshot),
        snapshotVersion: row.snapshot_version,
        snapshotSeq: row.snapshot_seq,
        tail: this.entries(roomId, row.snapshot_seq + 1, -1),
        version: row.version,
        lastSeq: row.last_seq,
      };
    });
  }

  async readEntries(roomId: string, fromSeq: number, limit?: number): Promise<LogEntry[]> {
    this.assertOpen();
    checkId(roomId, 'roomId');
    checkCount(fromSeq, 'fromSeq');
    if (limit !== undefined) checkCount(limit, 'limit');
    return this.read((): LogEntry[] => {
      if (!this.stmt.roomExists.get(roomId)) throw new MatchStoreError('ROOM_NOT_FOUND', `no room ${roomId}`);
      // LIMIT -1 means no limit in SQLite.
      return this.entries(roomId, fromSeq, limit ?? -1);
    });
  }

  private entries(roomId: string, fromSeq: number, limit: number): LogEntry[] {
    return this.stmt.entriesFrom.all(roomId, fromSeq, limit).map((row) => ({
      seq: row.seq,
      at: row.at,
      actor: decodeJson(row.actor),
      command: decodeJson(row.command),
    }));
  }

  async findRoomByJoinCode(joinCode: string): Promise<RoomMeta | null> {
    this.assertOpen();
    checkId(joinCode, 'joinCode');
    return this.read((): RoomMeta | null => {
      const row = this.stmt.roomByJoinCode.get(joinCode);
      return row ? this.toMeta(row) : null;
    });
  }

  async setSeatTokenHash(roomId: string, seatId: string, tokenHash: string | null): Promise<void> {
    this.assertOpen();
    checkId(roomId, 'roomId');
    checkId(seatId, 'seatId');
    if (tokenHash !== null) checkId(tokenHash, 'tokenHash');
    this.write(() => {
      this.writableState(roomId);
      if (tokenHash === null) this.stmt.deleteSeatToken.run(roomId, seatId);
      else this.stmt.upsertSeatToken.run(roomId, seatId, tokenHash);
    });
  }

  async saveSeatMemory(roomId: string, seat: string, memory: object, at: number): Promise<void> {
    this.assertOpen();
    const memoryJson = checkSeatMemory(roomId, seat, memory, at);
    this.write(() => {
      this.writableState(roomId);
      this.stmt.upsertSeatMemory.run(roomId, seat, memoryJson, at);
    });
  }

  async loadSeatMemories(roomId: string): Promise<SeatMemory[]> {
    this.assertOpen();
    checkId(roomId, 'roomId');
    return this.read((): SeatMemory[] => {
      if (!this.stmt.roomExists.get(roomId)) throw new MatchStoreError('ROOM_NOT_FOUND', `no room ${roomId}`);
      return this.stmt.seatMemories.all(roomId).map((row) => ({
        seat: row.seat_id,
        memory: decodeJsonObject(row.memory),
        savedAt: row.saved_at,
      }));
    });
  }

  async listUnfinishedRooms(): Promise<RoomMeta[]> {
    this.assertOpen();
    return this.read((): RoomMeta[] => this.stmt.unfinishedRooms.all().map((row) => this.toMeta(row)));
  }

  async markFinished(roomId: string, at: number): Promise<void> {
    this.assertOpen();
    checkId(roomId, 'roomId');
    checkCount(at, 'at');
    this.write(() => {
      if (!this.stmt.roomExists.get(roomId)) throw new MatchStoreError('ROOM_NOT_FOUND', `no room ${roomId}`);
      this.stmt.markFinished.run(at, roomId);
    });
  }

  async deleteFinishedRooms(finishedBefore: number): Promise<number> {
    this.assertOpen();
    checkCount(finishedBefore, 'finishedBefore');
    // Entries, snapshots, seat tokens and seat memories go with their room (ON DELETE CASCADE).
    return this.write(() => this.stmt.deleteFinished.run(finishedBefore).changes);
  }

  /**
   * Copies the live database with SQLite's online backup API, a few pages per event-loop turn, so the
   * store keeps serving meanwhile; writes made during the copy are included. Creates missing directories. The copy is written beside
   * the target and hard-linked into place, so `toFile` is complete or absent, and never overwritten.
   */
  async backup(toFile: string): Promise<void> {
    this.assertOpen();
    if (typeof toFile !== 'string' || toFile.length === 0) {
      throw new MatchStoreError('INVALID_INPUT', 'toFile must be a non-empty path');
    }
    const target = path.resolve(toFile);
    if (existsSync(target)) throw new MatchStoreError('INVALID_INPUT', `${target} exists already`);
    mkdirSync(path.dirname(target), { recursive: true });
    const partial = `${target}.partial-${randomUUID()}`;
    const copy = this.db.backup(partial);
    this.backups.add(copy);
    try {
      await copy;
      linkSync(partial, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new MatchStoreError('INVALID_INPUT', `${target} exists already`);
      }
      throw error;
    } finally {
      this.backups.delete(copy);
      rmSync(partial, { force: true });
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.backups]);
    this.db.close();
  }

  /**
   * Runs `work` in an IMMEDIATE transaction: the write lock is taken before anything is read, so a
   * check and the write it guards cannot be split by another connection, and a lock held elsewhere is
   * waited for (busy timeout) instead of failing at once on the upgrade from read to write.
   */
  private write<T>(work: () => T): T {
    return this.busyAsTyped(() => this.db.transaction(work).immediate());
  }

  /** Runs `work` in one read transaction, so that its statements see one state of the file. */
  private read<T>(work: () => T): T {
    return this.busyAsTyped(() => this.db.transaction(work)());
  }

  private busyAsTyped<T>(run: () => T): T {
    try {
      return run();
    } catch (error) {
      if (error instanceof Database.SqliteError && error.code.startsWith('SQLITE_BUSY')) {
        throw new MatchStoreError('STORE_BUSY', 'another connection held the database lock too long', {
          sqliteCode: error.code,
        });
      }
      throw error;
    }
  }

  /** The room's state inside a write transaction; throws if it is missing or finished. */
  private writableState(roomId: string): RoomStateRow {
    const state = this.stmt.roomState.get(roomId);
    if (!state) throw new MatchStoreError('ROOM_NOT_FOUND', `no room ${roomId}`);
    if (state.finished_at !== null) throw new MatchStoreError('ROOM_FINISHED', `room ${roomId} is finished`);
    return state;
  }

  private toMeta(row: RoomRow): RoomMeta {
    // fromEntries defines own properties, so a seat id such as `__proto__` stays a plain key.
    const seatTokenHashes: Record<string, string> = Object.fromEntries(
      this.stmt.seatTokens.all(row.room_id).map(({ seat_id, token_hash }) => [seat_id, token_hash]),
    );
    return {
      roomId: row.room_id,
      joinCode: row.join_code,
      storyId: row.story_id,
      language: row.language,
      seatConfig: decodeJson(row.seat_config),
      createdAt: row.created_at,
      hostTokenHash: row.host_token_hash,
      seatTokenHashes,
      finishedAt: row.finished_at,
    };
  }

  private assertOpen(): void {
    if (this.closed) throw new MatchStoreError('STORE_CLOSED', 'the match store is closed');
  }
}
