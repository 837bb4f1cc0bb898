import { EngineError, replayFrom, restoreGame, type GameSnapshot } from '@jubensha/engine';
import type { LogEntry } from '@jubensha/protocol';
import type { LoadedRoom } from '@jubensha/storage';
import type { Story } from '@jubensha/story';

export type Restored = { ok: true; snapshot: GameSnapshot; replayed: number } | { ok: false; reason: string };

/**
 * A stored game as it stood after its last acknowledged command: the last stored snapshot with the log
 * entries after it replayed through the engine. The engine is pure (time and seed are in the snapshot
 * and the entries), so this is the state the room held live. A tail that does not fit the snapshot, or a
 * result at another version than the stored one, is refused rather than played on.
 */
export function restoreStoredGame(story: Story, loaded: LoadedRoom): Restored {
  const restored = restoreGame(story, loaded.snapshot);
  if (!restored.ok) return { ok: false, reason: `snapshot: ${restored.error.code}` };
  let snapshot: GameSnapshot;
  try {
    // The store hands back JSON; applyCommand parses every actor and command with the protocol's schemas.
    snapshot = replayFrom(story, restored.snapshot, loaded.tail as unknown as LogEntry[]);
  } catch (err) {
    if (err instanceof EngineError) return { ok: false, reason: `log: ${err.message}` };
    throw err;
  }
  if (snapshot.context.version !== loaded.version) {
    return { ok: false, reason: `replayed to version ${snapshot.context.version}, stored ${loaded.version}` };
  }
  return { ok: true, snapshot, replayed: loaded.tail.length };
}
