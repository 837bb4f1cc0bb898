export type {
  AppendRequest,
  JsonInput,
  JsonObject,
  JsonValue,
  LoadedRoom,
  LogEntry,
  MatchStore,
  NewRoom,
  RoomMeta,
  SeatMemory,
  SnapshotRequest,
} from './match-store.js';
export { MATCH_STORE_ERROR_CODES, MatchStoreError, isMatchStoreError } from './match-store-error.js';
export type { MatchStoreErrorCode } from './match-store-error.js';
export { DEFAULT_DATA_DIR, SqliteMatchStore } from './sqlite/sqlite-match-store.js';
export type { SqliteMatchStoreOptions } from './sqlite/sqlite-match-store.js';
