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
  let snapshot = createGame(story, init);
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
