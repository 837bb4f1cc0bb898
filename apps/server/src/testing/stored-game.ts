import { applyCommand, createGame, type GameSnapshot } from '@jubensha/engine';
import type { MatchStore } from '@jubensha/storage';
import type { Story } from '@jubensha/story';
import type { StoredSeatConfig } from '../rooms.js';

/**
 * The game after every version (index = version), rebuilt from the stored log: what each client's view
 * at a version may know is judged against the game as it stood then.
 */
export async function storedGames(store: MatchStore, story: Story, roomId: string): Promise<GameSnapshot[]> {
  const loaded = await store.loadRoom(roomId);
  if (!loaded) throw new Error(`room ${roomId} is not stored`);
  const cfg = loaded.meta.seatConfig as unknown as StoredSeatConfig;
  let snap = createGame(story, {
    seed: cfg.seed,
    seats: cfg.seats,
    at: cfg.createdAt,
    statementReadMs: cfg.statementReadMs ?? 0,
  });
  const out = [snap];
  for (const e of await store.readEntries(roomId, 1)) {
    const r = applyCommand(story, snap, { actor: e.actor as never, command: e.command as never, at: e.at });
    if (!r.ok) throw new Error(`stored entry ${e.seq} does not replay: ${r.error.code}`);
    snap = r.snapshot;
    out.push(snap);
  }
  return out;
}
