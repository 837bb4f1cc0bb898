import type { Database } from 'better-sqlite3';
import { MatchStoreError } from '../match-store-error.js';

/**
 * Schema migrations, applied in order. `PRAGMA user_version` records how many have run. Never edit a
 * migration that has shipped: append a new one.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE rooms (
    room_id TEXT PRIMARY KEY,
    join_code TEXT NOT NULL UNIQUE,
    story_id TEXT NOT NULL,
    language TEXT NOT NULL,
    seat_config TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    host_token_hash TEXT NOT NULL,
    finished_at INTEGER,
    version INTEGER NOT NULL,
    last_seq INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX rooms_unfinished ON rooms (created_at) WHERE finished_at IS NULL;
  CREATE INDEX rooms_finished ON rooms (finished_at) WHERE finished_at IS NOT NULL;

  -- Snapshots live apart from rooms so that listing rooms never reads them.
  CREATE TABLE snapshots (
    room_id TEXT PRIMARY KEY REFERENCES rooms (room_id) ON DELETE CASCADE,
    snapshot TEXT NOT NULL
  ) STRICT;

  CREATE TABLE seat_tokens (
    room_id TEXT NOT NULL REFERENCES rooms (room_id) ON DELETE CASCADE,
    seat_id TEXT NOT NULL,
    token_hash TEXT NOT NULL,
    PRIMARY KEY (room_id, seat_id)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE entries (
    room_id TEXT NOT NULL REFERENCES rooms (room_id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    command TEXT NOT NULL,
    PRIMARY KEY (room_id, seq)
  ) STRICT, WITHOUT ROWID;
  `,
  // 2: AI seats' memories (claims ledgers), so that an AI keeps its story straight across a restart.
  // A rowid table: a memory grows to kilobytes, past what WITHOUT ROWID stores well.
  `
  CREATE TABLE seat_memories (
    room_id TEXT NOT NULL REFERENCES rooms (room_id) ON DELETE CASCADE,
    seat_id TEXT NOT NULL,
    memory TEXT NOT NULL,
    saved_at INTEGER NOT NULL,
    PRIMARY KEY (room_id, seat_id)
  ) STRICT;
  `,
  // 3: appends no longer carry a snapshot each, so a snapshot records where in the log it was taken and
  // a load replays the entries after it. Every snapshot an older build stored was taken at its room's
  // last entry (it rewrote the snapshot with each append).
  `
  ALTER TABLE snapshots ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE snapshots ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
  UPDATE snapshots SET (version, seq) =
    (SELECT r.version, r.last_seq FROM rooms r WHERE r.room_id = snapshots.room_id);
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Brings the file's schema up to date. Runs in one IMMEDIATE transaction so that two processes opening
 * the same new file cannot both migrate it; `user_version` lives in the file header and commits with it.
 */
export function migrate(db: Database): void {
  db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > SCHEMA_VERSION) {
      throw new MatchStoreError(
        'STORE_TOO_NEW',
        `the data file has schema version ${current}; this build knows up to ${SCHEMA_VERSION}`,
        { fileVersion: current, knownVersion: SCHEMA_VERSION },
      );
    }
    for (const sql of MIGRATIONS.slice(current)) db.exec(sql);
    if (current !== SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
