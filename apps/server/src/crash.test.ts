import { replay } from '@jubensha/engine';
import { BUNDLED } from '@jubensha/engine/testing';
import type { Command, RoomInfo } from '@jubensha/protocol';
import { SqliteMatchStore } from '@jubensha/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreStoredGame } from './restore.js';
import type { StoredSeatConfig } from './rooms.js';
import { ChildServer } from './testing/child-server.js';
import { api, bundledCatalog, seatedRoom, tempDir } from './testing/harness.js';
import { play, type Table } from './testing/play.js';
import { TableBot } from './testing/table-bot.js';
import { rng } from './testing/rng.js';
import { TestClient } from './testing/test-client.js';

const KILLS_PER_STORY = 10;
/** Small, so that most kills leave commands after the last snapshot for the next start to replay. */
const SNAPSHOT_EVERY = 5;
const stats = { kills: 0, storedUnacked: 0, games: 0, acked: 0, replayed: 0 };

let dir: Awaited<ReturnType<typeof tempDir>>;
const env = { SNAPSHOT_EVERY: String(SNAPSHOT_EVERY) };
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  if (process.env.SERVER_CRASH_STATS) console.log('crash stats', stats);
  await dir.remove();
});

/** Reads the store as the next server will find it: every acked command there, in place, nothing torn. */
async function checkStore(
  dataDir: string,
  roomId: string,
  acked: Map<number, Command>,
  killsInGame: number,
): Promise<number> {
  const store = await SqliteMatchStore.open({ dataDir });
  try {
    const loaded = (await store.loadRoom(roomId))!;
    const entries = await store.readEntries(roomId, 1);
    for (const [version, command] of acked) expect(entries[version - 1]?.command).toEqual(command);
    const highest = Math.max(0, ...acked.keys());
    // One client command at a time is in flight, so each kill in this game can leave at most one stored
    // command whose ack never arrived (the next server's view already holds it). Deadline TICKs are the
    // server's own (a slow, loaded machine lets a phase run out) and no client acks them.
    const unacked = entries.filter(
      (e, i) => !acked.has(i + 1) && (e.actor as { kind: string }).kind !== 'system',
    );
    expect(unacked.length, JSON.stringify(unacked)).toBeLessThanOrEqual(killsInGame);
    if (entries.length > highest) stats.storedUnacked++;
    expect(loaded.version).toBe(entries.length);
    const story = (await bundledCatalog()).get(loaded.meta.storyId)!;
    const cfg = loaded.meta.seatConfig as unknown as StoredSeatConfig;
    const init = {
      seed: cfg.seed,
      seats: cfg.seats,
      at: cfg.createdAt,
      statementReadMs: cfg.statementReadMs,
    };
    const replayed = replay(story, init, entries as never);
    // What the next server starts from (the last snapshot and the commands after it) is the game the
    // whole log gives, and the snapshot is never further behind than the server's setting allows.
    expect(loaded.tail.length).toBeLessThan(SNAPSHOT_EVERY);
    expect(loaded.tail).toEqual(entries.slice(loaded.snapshotSeq));
    const restored = restoreStoredGame(story, loaded);
    if (!restored.ok) throw new Error(restored.reason);
    expect(JSON.stringify(restored.snapshot)).toBe(JSON.stringify(replayed));
    stats.replayed += restored.replayed;
    return entries.length;
  } finally {
    await store.close();
  }
}

describe('kill -9 at random moments during games, restart on the same data directory', () => {
  it.each(BUNDLED.map((s, i) => [s, 1000 + i] as const))(
    '%s (seed %i): every acknowledged command survives and the game finishes',
    async (storyId, seed) => {
      const random = rng(seed);
      const story = (await bundledCatalog()).get(storyId)!;
      const humans = story.characters.slice(0, 2).map((c) => c.id);
      let server = await ChildServer.start(dir.dir, env);
      let kills = 0;
      let games = 0;
      let stored = 0;
      while (kills < KILLS_PER_STORY) {
        games++;
        const { room, tokens } = await seatedRoom(server.url, storyId, humans);
        const acked = new Map<number, Command>(
          [...humans.keys()].map((i) => [i + 1, { type: 'TAKE_SEAT', name: `P-${humans[i]}` } as Command]),
        );
        const bot = new TableBot(humans);
        let killsInGame = 0;
        for (;;) {
          const table: Table = {
            host: await TestClient.connect(server.url, { roomId: room.roomId, token: room.hostToken }),
            seats: new Map(),
          };
          for (const s of humans)
            table.seats.set(
              s,
              await TestClient.connect(server.url, { roomId: room.roomId, token: tokens.get(s) }),
            );
          const killing = kills < KILLS_PER_STORY;
          // The kill lands wherever the game happens to be: mid-command, between commands, mid-broadcast.
          const delay = random(250);
          const victim = server;
          const timer = killing ? setTimeout(() => void victim.stop('SIGKILL'), delay) : null;
          const outcome = await play(table, bot, {
            onAck: (move, ack) => {
              if (!ack.ok) return;
              acked.set(ack.version, move.command);
              stats.acked++;
            },
          }).catch((err: unknown) => {
            if (!victim.exited && !victim.child.killed) throw err;
            return 'killed' as const;
          });
          for (const c of [table.host, ...table.seats.values()]) c.close();
          if (outcome === 'over') {
            if (timer) clearTimeout(timer);
            // The kill may still have landed after the last ack; the store must hold the game either way.
            await new Promise((r) => setTimeout(r, delay + 10));
            if (victim.exited) {
              kills++;
              stored += await checkStore(dir.dir, room.roomId, acked, killsInGame + 1);
              server = await ChildServer.start(dir.dir, env);
            }
            const info = await api<RoomInfo>(server.url, `/api/rooms/${room.code}`);
            expect(info.body.status).toBe('finished');
            break;
          }
          await victim.stop('SIGKILL');
          kills++;
          stored += await checkStore(dir.dir, room.roomId, acked, ++killsInGame);
          server = await ChildServer.start(dir.dir, env);
        }
      }
      stats.kills += kills;
      stats.games += games;
      expect((await server.stop('SIGTERM')).code).toBe(0);
      expect(kills).toBeGreaterThanOrEqual(KILLS_PER_STORY);
      expect(games).toBeGreaterThanOrEqual(1);
      expect(stored).toBeGreaterThan(0);
      // Restores replayed commands after a snapshot, not only found the newest state stored.
      expect(stats.replayed).toBeGreaterThan(0);
    },
    240_000,
  );
});
