/** Every way a match store call can fail that the caller can cause or must handle. */
export const MATCH_STORE_ERROR_CODES = [
  /** A room with this id is stored already. */
  'ROOM_EXISTS',
  /** Another stored room has this join code. */
  'JOIN_CODE_TAKEN',
  'ROOM_NOT_FOUND',
  /** The room is marked finished: its log and seats are frozen. */
  'ROOM_FINISHED',
  /** The stored version is not the one the writer expected: a stale writer, fenced off. */
  'VERSION_CONFLICT',
  /** An argument has the wrong shape: not plain JSON, not a safe integer, an empty id, ... */
  'INVALID_INPUT',
  /** The storage stayed locked by another writer past the busy timeout; nothing was written. Retry later. */
  'STORE_BUSY',
  /** The store was closed. */
  'STORE_CLOSED',
  /** The data file was written by a newer version of this package (its schema is unknown here). */
  'STORE_TOO_NEW',
] as const;

export type MatchStoreErrorCode = (typeof MATCH_STORE_ERROR_CODES)[number];

export class MatchStoreError extends Error {
  override readonly name = 'MatchStoreError';

  constructor(
    readonly code: MatchStoreErrorCode,
    message: string,
    readonly details: Readonly<Record<string, string | number | null>> = {},
  ) {
    super(`${code}: ${message}`);
  }
}

export function isMatchStoreError(error: unknown, code?: MatchStoreErrorCode): error is MatchStoreError {
  return error instanceof MatchStoreError && (code === undefined || error.code === code);
}
