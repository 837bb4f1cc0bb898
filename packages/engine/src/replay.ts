import type { LogEntry } from '@jubensha/protocol';
import type { Story } from '@jubensha/story';
import { EngineError } from './errors.js';
import { applyCommand, createGame, type GameInit, type GameSnapshot } from './game.js';

/**
 * Rebuilds a game from its init and its log. The result deep-equals the snapshot the live game had
 * after the last entry. Throws EngineError when an entry is out of sequence or refused (a log that
 * does not belong to this story, init or engine version).
 */
export function replay(story: Story, init: GameInit, entries: readonly LogEntry[]): GameSnapshot {
  return replayFrom(story, createGame(story, init), entries);
}

/**
 * Continues a game from a snapshot with the log entries that followed it (the first one's seq is the
 * snapshot's version + 1): how a server restores a game stored as a snapshot every so often plus the
 * log. Same result and same errors as {@link replay}; the snapshot is not mutated.
 */
export function replayFrom(story: Story, from: GameSnapshot, entries: readonly LogEntry[]): GameSnapshot {
  let snapshot = from;
  for (const entry of entries) {
    if (entry.seq !== snapshot.context.version + 1) {
      throw new EngineError(
        'BAD_PAYLOAD',
        `log entry ${entry.seq} after version ${snapshot.context.version}`,
      );
    }
    const r = applyCommand(story, snapshot, { actor: entry.actor, command: entry.command, at: entry.at });
    if (!r.ok) throw new EngineError(r.error.code, `log entry ${entry.seq}`);
    snapshot = r.snapshot;
  }
  return snapshot;
}
