import { encodeJson, encodeJsonObject } from './json-text.js';
import { MatchStoreError } from './match-store-error.js';
import type { AppendRequest, NewRoom, SnapshotRequest } from './match-store.js';

/**
 * Checks every implementation applies before touching storage, so that bad input is refused the same
 * way everywhere and nothing is half-written. They return the JSON texts they had to build anyway.
 */

const MAX_ID_LENGTH = 256;

export function checkId(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_ID_LENGTH) {
    throw new MatchStoreError(
      'INVALID_INPUT',
      `${what} must be a string of 1 to ${MAX_ID_LENGTH} characters`,
    );
  }
  return value;
}

/** Times (epoch ms), versions, seqs and limits: non-negative safe integers. */
export function checkCount(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new MatchStoreError('INVALID_INPUT', `${what} must be a non-negative safe integer`);
  }
  return value;
}

export interface CheckedNewRoom {
  seatConfigJson: string;
  snapshotJson: string;
  seatTokenHashes: [seatId: string, tokenHash: string][];
}

export function checkNewRoom(room: NewRoom): CheckedNewRoom {
  if (typeof room !== 'object' || room === null)
    throw new MatchStoreError('INVALID_INPUT', 'room must be an object');
  checkId(room.roomId, 'roomId');
  checkId(room.joinCode, 'joinCode');
  checkId(room.storyId, 'storyId');
  checkId(room.language, 'language');
  checkCount(room.createdAt, 'createdAt');
  checkId(room.hostTokenHash, 'hostTokenHash');
  checkCount(room.version, 'version');
  const hashes = room.seatTokenHashes as unknown;
  if (typeof hashes !== 'object' || hashes === null || Array.isArray(hashes)) {
    throw new MatchStoreError('INVALID_INPUT', 'seatTokenHashes must be an object of seat id → hash');
  }
  const seatTokenHashes = Object.entries(hashes as Record<string, unknown>).map(
    ([seatId, hash]): [string, string] => [
      checkId(seatId, 'seat id'),
      checkId(hash, `seatTokenHashes.${seatId}`),
    ],
  );
  return {
    seatConfigJson: encodeJson(room.seatConfig, 'seatConfig'),
    snapshotJson: encodeJsonObject(room.snapshot, 'snapshot'),
    seatTokenHashes,
  };
}

export interface CheckedAppend {
  actorJson: string;
  commandJson: string;
  /** null: the append carries no snapshot. */
  snapshotJson: string | null;
}

export function checkAppend(request: AppendRequest): CheckedAppend {
  if (typeof request !== 'object' || request === null) {
    throw new MatchStoreError('INVALID_INPUT', 'append request must be an object');
  }
  const expected = checkCount(request.expectedVersion, 'expectedVersion');
  const next = checkCount(request.version, 'version');
  if (next <= expected) {
    // Versions only grow, so a writer holding an old version can never match a newer state by accident.
    throw new MatchStoreError('INVALID_INPUT', 'version must be greater than expectedVersion', {
      expectedVersion: expected,
      version: next,
    });
  }
  const entry = request.entry as unknown;
  if (typeof entry !== 'object' || entry === null) {
    throw new MatchStoreError('INVALID_INPUT', 'entry must be an object');
  }
  checkCount(request.entry.at, 'entry.at');
  return {
    actorJson: encodeJson(request.entry.actor, 'entry.actor'),
    commandJson: encodeJson(request.entry.command, 'entry.command'),
    // Walking and serialising the whole state is what made an append cost more as the game grew: it
    // happens only on the appends that carry a snapshot.
    snapshotJson: request.snapshot === undefined ? null : encodeJsonObject(request.snapshot, 'snapshot'),
  };
}

/** A snapshot to store on its own; returns its JSON text. */
export function checkSnapshotRequest(request: SnapshotRequest): string {
  if (typeof request !== 'object' || request === null) {
    throw new MatchStoreError('INVALID_INPUT', 'snapshot request must be an object');
  }
  checkCount(request.version, 'version');
  return encodeJsonObject(request.snapshot, 'snapshot');
}

/** A seat memory to save: ids, time and a JSON object; returns the memory's JSON text. */
export function checkSeatMemory(roomId: string, seat: string, memory: object, at: number): string {
  checkId(roomId, 'roomId');
  checkId(seat, 'seat');
  checkCount(at, 'at');
  return encodeJsonObject(memory, 'memory');
}
