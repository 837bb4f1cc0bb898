import { BUNDLED, leaks, literalLeaks, secretTexts } from '@jubensha/engine/testing';
import { applyViewChanges, type RoomInfo, type View, type Viewer } from '@jubensha/protocol';
import { SqliteMatchStore } from '@jubensha/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChildServer } from './testing/child-server.js';
import { api, bundledCatalog, seatedRoom, tempDir } from './testing/harness.js';
import { play } from './testing/play.js';
import { storedGames } from './testing/stored-game.js';
import { TableBot } from './testing/table-bot.js';
import { TestClient } from './testing/test-client.js';

// The real server process, as `npm start` runs it; the test reads its store beside it (WAL allows that).
let server: ChildServer;
let store: SqliteMatchStore;
let dir: Awaited<ReturnType<typeof tempDir>>;

beforeAll(async () => {
  dir = await tempDir();
  server = await ChildServer.start(dir.dir);
  store = await SqliteMatchStore.open({ dataDir: dir.dir });
});
afterAll(async () => {
  await store.close();
  expect((await server.stop('SIGTERM')).code).toBe(0);
  await dir.remove();
});

describe.each(BUNDLED)(
  '%s played to the end by real socket.io clients against the server process',
  (storyId) => {
    it('every seat, the host and a spectator see the game through, and nobody receives what it may not know', async () => {
      const story = (await bundledCatalog()).get(storyId)!;
      const humans = story.characters.slice(0, 3).map((c) => c.id);
      const { room, tokens } = await seatedRoom(server.url, storyId, humans);
      const host = await TestClient.connect(server.url, { roomId: room.roomId, token: room.hostToken });
      const seats = new Map<string, TestClient>();
      for (const s of humans)
        seats.set(s, await TestClient.connect(server.url, { roomId: room.roomId, token: tokens.get(s) }));
      const spectator = await TestClient.connect(server.url, { roomId: room.roomId });
      const bot = new TableBot(humans);

      expect(await play({ host, seats }, bot)).toBe('over');
      // The spectator is no player: the game did not wait for it, so let it catch up.
      await spectator.untilVersion(host.view!.version);

      const info = await api<RoomInfo>(server.url, `/api/rooms/${room.code}`);
      expect(info.body.status).toBe('finished');
      expect(host.view!.progress.phase).toBe(story.phases.length - 1);
      expect(host.view!.reveal).not.toBeNull();
      expect(bot.whispers.length).toBeGreaterThan(0);

      const ctxs = await storedGames(store, story, room.roomId);
      expect(ctxs[ctxs.length - 1]!.context.version).toBe(host.view!.version);
      const index = secretTexts(story);
      const clients: [Viewer, TestClient][] = [
        [{ kind: 'host' }, host],
        [{ kind: 'spectator' }, spectator],
        ...[...seats].map(([s, c]): [Viewer, TestClient] => [{ kind: 'seat', seat: s }, c]),
      ];
      let checked = 0;
      for (const [viewer, client] of clients) {
        expect(client.welcome!.role).toEqual(viewer);
        let view: View | null = null;
        for (const { event, json } of client.received) {
          if (event.type === 'view') view = event.view;
          else if (event.type === 'update') view = applyViewChanges(view!, event.changes);
          else continue;
          const ctx = ctxs[view.version]!.context;
          // From the reveal on, everything is everyone's.
          if (ctx.outcome !== null) continue;
          expect(view.reveal).toBeNull();
          expect(leaks(index, ctx, viewer, view)).toEqual([]);
          expect(literalLeaks(index, ctx, viewer, json)).toEqual([]);
          checked++;
        }
        // What the client holds is exactly the server's projection at the end.
        expect(client.view!.version).toBe(ctxs.length - 1);
        for (const w of bot.whispers) {
          const allowed = viewer.kind === 'seat' && w.seats.includes(viewer.seat);
          const heard = client.received.some((r) => r.json.includes(w.text));
          expect(heard).toBe(allowed);
        }
      }
      expect(checked).toBeGreaterThan(100);
      for (const c of [host, spectator, ...seats.values()]) c.close();
    }, 120_000);
  },
);
