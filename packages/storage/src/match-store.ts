/**
 * The durable match store: for each room, its metadata, an append-only event log and a snapshot of the
 * state at some entry of it, taken when the writer chose to send one. Implementations: SQLite (one
 * process, the default) and, later, Redis (several processes).
 *
 * Storage knows nothing about the game. Commands and snapshots are opaque JSON to it; it only
 * guarantees that what was acknowledged is there after a crash, in order, with no gaps, and that a
 * stale writer cannot overwrite a newer state.
 *
 * Every method is async so that a networked implementation fits the same interface. Every failure the
 * caller can cause rejects with a {@link MatchStoreError} and changes nothing. Besides the codes listed
 * per method, any call may reject with `INVALID_INPUT`, `STORE_CLOSED`, or `STORE_BUSY` (the storage
 * stayed locked by another writer too long: nothing was written, retry).
 */

/** Plain JSON: what survives `JSON.stringify` → `JSON.parse` unchanged. What the store hands back. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * What the store accepts where it stores opaque JSON. Typed loosely so that the caller's own types fit
 * (protocol's commands, the engine's context, with their optional fields); checked at run time: values
 * must be plain JSON (no NaN or Infinity, functions, bigints, class instances such as Date or Map,
 * cycles, or `undefined` in arrays), else `INVALID_INPUT`. Object properties set to `undefined` are
 * dropped, as `JSON.stringify` drops them.
 */
export type JsonInput = unknown;

/** What the server knows when it opens a room. */
export interface NewRoom {
  /** Unguessable room id chosen by the server. */
  roomId: string;
  /** Short code players type to join. Unique among all stored rooms, finished ones included, until deleted. */
  joinCode: string;
  storyId: string;
  /** Language the room plays in, e.g. `zh` or `en`. */
  language: string;
  /** The host's choices for the seats (which are human, which AI, ...). Opaque JSON. */
  seatConfig: JsonInput;
  /** Epoch milliseconds. */
  createdAt: number;
  /** Hash of the host token. Raw tokens never reach the store; the server hashes them. */
  hostTokenHash: string;
  /** Seat id → hash of that seat's token, for seats already taken. */
  seatTokenHashes: Record<string, string>;
  /** The game's initial state (a JSON object) and its version (usually 0). The log starts empty. */
  snapshot: object;
  version: number;
}

/** A room's metadata, without its state. */
export interface RoomMeta {
  roomId: string;
  joinCode: string;
  storyId: string;
  language: string;
  seatConfig: JsonValue;
  createdAt: number;
  hostTokenHash: string;
  seatTokenHashes: Record<string, string>;
  /** Epoch milliseconds when the room was marked finished; null while the game is on. */
  finishedAt: number | null;
}

/**
 * A room as restored: metadata, the last stored snapshot and the log entries after it. Applying `tail`
 * to `snapshot` in order gives the state at `version`; the store never applies anything itself.
 */
export interface LoadedRoom {
  meta: RoomMeta;
  /** The last snapshot stored (by `createRoom`, an append that carried one, or `saveSnapshot`). */
  snapshot: JsonObject;
  /** The version the snapshot was stored at. */
  snapshotVersion: number;
  /** Seq of the last log entry the snapshot includes; 0 for the initial state. */
  snapshotSeq: number;
  /** Every log entry after the snapshot (`seq > snapshotSeq`), in order; [] when the snapshot is the newest state. */
  tail: LogEntry[];
  /** The room's version: the one of its last append. */
  version: number;
  /** Seq of the last log entry; 0 when the log is empty. */
  lastSeq: number;
}

/** One accepted command in a room's log. Seqs start at 1 and have no gaps. */
export interface LogEntry {
  seq: number;
  /** Epoch milliseconds when the command was accepted (data only; the store never reads the clock). */
  at: number;
  /** Who sent it, e.g. `{ kind: 'seat', seat: 'butler' }`. Opaque JSON. */
  actor: JsonValue;
  /** The command as the engine accepted it. Opaque JSON. */
  command: JsonValue;
}

/** What an AI seat remembers of a game (its claims ledger, counters), as last saved. */
export interface SeatMemory {
  seat: string;
  /** Opaque JSON object: the agents' memory. */
  memory: JsonObject;
  /** Epoch milliseconds of the save that stored it. */
  savedAt: number;
}

/**
 * One accepted command, and maybe the state it produced, to be stored together or not at all. Without
 * a snapshot an append writes the entry and the version only, so its cost does not grow with the
 * game's state; the writer sends a snapshot now and then so that a restore replays a short tail.
 */
export interface AppendRequest {
  /**
   * The version the writer's state was at before applying the command. If the stored version differs,
   * another writer got there first: the append is refused with `VERSION_CONFLICT`. This is the fencing
   * point for several server processes.
   */
  expectedVersion: number;
  /** The log entry without its seq, which the store assigns. `at` is epoch ms; actor and command are JSON. */
  entry: { at: number; actor: JsonInput; command: JsonInput };
  /** The state after the command, a JSON object; absent: the stored snapshot stays where it was. */
  snapshot?: object;
  /** The room's version after the command; must be greater than `expectedVersion`. */
  version: number;
}

/** The room's current state, to be stored as its snapshot without appending anything. */
export interface SnapshotRequest {
  /** The version this state is at: must equal the stored version, else `VERSION_CONFLICT`. */
  version: number;
  /** The state after the room's last log entry: a JSON object. */
  snapshot: object;
}

export interface MatchStore {
  /**
   * Stores a new room with its initial snapshot and an empty log.
   * Rejects with `ROOM_EXISTS` or `JOIN_CODE_TAKEN` (the server picks another code and retries).
   */
  createRoom(room: NewRoom): Promise<void>;

  /**
   * Appends one entry to the room's log and sets its version (and, if the request carries one, its
   * snapshot), in one atomic step, if the stored version equals `expectedVersion`. Resolves once the
   * entry is durable (it survives a crash of this process) with the entry as stored, its seq assigned
   * by the store (last seq + 1). Rejects with `ROOM_NOT_FOUND`, `ROOM_FINISHED` or `VERSION_CONFLICT`
   * (details: expected, actual).
   */
  append(roomId: string, request: AppendRequest): Promise<LogEntry>;

  /**
   * Stores `snapshot` as the state after the room's last log entry, replacing the stored snapshot, if
   * the stored version equals `request.version`; appends nothing and changes no version. For a writer
   * that holds a state newer than the stored snapshot and wants the next restore to start from it
   * (before finishing a room, when shutting down). Rejects with `ROOM_NOT_FOUND`, `ROOM_FINISHED` or
   * `VERSION_CONFLICT`.
   */
  saveSnapshot(roomId: string, request: SnapshotRequest): Promise<void>;

  /**
   * The room's metadata, its last stored snapshot and the log entries after it, its version and last
   * seq, all read at one moment; null if there is no such room.
   */
  loadRoom(roomId: string): Promise<LoadedRoom | null>;

  /**
   * Log entries with `seq >= fromSeq`, in order, at most `limit` of them (default: all).
   * Resolves to [] past the end; rejects with `ROOM_NOT_FOUND` for an unknown room.
   */
  readEntries(roomId: string, fromSeq: number, limit?: number): Promise<LogEntry[]>;

  /**
   * Stores the memory of the AI playing `seat` (a JSON object, opaque here), replacing the one saved
   * before for that seat. `at` is epoch ms (data only). Memories live beside the log, not in it: an AI's
   * recollection is no game state, so saving one takes no version. Resolves once durable. Rejects with
   * `ROOM_NOT_FOUND` or `ROOM_FINISHED`.
   */
  saveSeatMemory(roomId: string, seat: string, memory: object, at: number): Promise<void>;

  /**
   * The room's saved AI seat memories, one per seat, by seat id; [] when none was saved. Finished rooms
   * stay readable; deleting a room deletes its memories. Rejects with `ROOM_NOT_FOUND`.
   */
  loadSeatMemories(roomId: string): Promise<SeatMemory[]>;

  /** The room with this join code (finished or not), or null. Codes compare exactly. */
  findRoomByJoinCode(joinCode: string): Promise<RoomMeta | null>;

  /**
   * Sets the token hash of a seat (a player takes it or a new token is issued), or clears it with null
   * (the seat is handed to an AI). Replaces any previous hash, so the old token stops working.
   * Rejects with `ROOM_NOT_FOUND` or `ROOM_FINISHED`.
   */
  setSeatTokenHash(roomId: string, seatId: string, tokenHash: string | null): Promise<void>;

  /** Metadata of every room not marked finished, oldest first: what the server restores on start. */
  listUnfinishedRooms(): Promise<RoomMeta[]>;

  /**
   * Marks the room finished at `at` (epoch ms). Later appends and seat changes are refused with
   * `ROOM_FINISHED`; the room stays readable until deleted. Marking a finished room again changes nothing.
   * Rejects with `ROOM_NOT_FOUND`.
   */
  markFinished(roomId: string, at: number): Promise<void>;

  /** Deletes rooms (with their logs and seat memories) finished before `finishedBefore` (epoch ms); resolves to how many. */
  deleteFinishedRooms(finishedBefore: number): Promise<number>;

  /**
   * Writes a consistent copy of the whole store to `toFile` while the store stays in use. The file
   * appears complete or not at all. Rejects with `INVALID_INPUT` if `toFile` exists already.
   */
  backup(toFile: string): Promise<void>;

  /** Releases the store. Every later call rejects with `STORE_CLOSED`. Closing twice is harmless. */
  close(): Promise<void>;
}
