import { applyCommand } from '@jubensha/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, seatedRoom, startTestServer, tempDir, type TestServer } from './testing/harness.js';
import { TestClient } from './testing/test-client.js';

let server: TestServer;
let dir: Awaited<ReturnType<typeof tempDir>>;
const [A, B] = ['lin-jiadong', 'lin-xiuhe'] as const;

beforeAll(async () => {
  dir = await tempDir();
  server = await startTestServer(dir.dir);
});
afterAll(async () => {
  await server.close();
  await dir.remove();
});

describe('when the store refuses', () => {
  it.each([
    ['with a snapshot', true],
    ['without a snapshot (the room replays it on the stored snapshot)', false],
  ])(
    'a write behind the room’s back %s is fenced off, then taken in, and the game goes on from it',
    async (_what, withSnapshot) => {
      const { room, tokens } = await seatedRoom(server.url, 'rain-tea-hills', [A, B]);
      const a = await TestClient.connect(server.url, { roomId: room.roomId, token: tokens.get(A) });
      const live = server.rooms.all().find((r) => r.id === room.roomId)!;
      // Another writer (think: a second process) stores B's READY.
      const at = Date.now();
      const other = applyCommand(live.story, live.snapshot, {
        actor: { kind: 'seat', seat: B },
        command: { type: 'READY', ready: true },
        at,
      });
      if (!other.ok) throw new Error(other.error.code);
      await server.store.append(room.roomId, {
        expectedVersion: live.version,
        entry: { at, actor: other.entry.actor, command: other.entry.command },
        ...(withSnapshot ? { snapshot: other.snapshot } : {}),
        version: other.snapshot.context.version,
      });
      const stale = live.version;
      expect(await a.command({ type: 'READY', ready: true })).toMatchObject({
        ok: false,
        error: { code: 'UNAVAILABLE' },
      });
      // The room took the stored state and told its clients.
      await a.untilVersion(stale + 1);
      expect(a.view!.progress.seats.find((s) => s.seat === B)?.ready).toBe(true);
      expect(a.view!.progress.seats.find((s) => s.seat === A)?.ready).toBe(false);
      expect(live.snapshot).toEqual(other.snapshot);
      expect(await a.command({ type: 'READY', ready: true })).toEqual({ ok: true, version: stale + 2 });
      a.close();
    },
  );

  it('a closed store answers UNAVAILABLE, changes nothing, and the server stays up', async () => {
    const d = await tempDir();
    const s = await startTestServer(d.dir);
    try {
      const { room, tokens } = await seatedRoom(s.url, 'last-curtain', ['su-bowen']);
      const seat = await TestClient.connect(s.url, { roomId: room.roomId, token: tokens.get('su-bowen') });
      const live = s.rooms.all().find((r) => r.id === room.roomId)!;
      const before = JSON.stringify(live.snapshot);
      await s.store.close();
      expect(await seat.command({ type: 'READY', ready: true })).toMatchObject({
        ok: false,
        error: { code: 'UNAVAILABLE' },
      });
      expect(JSON.stringify(live.snapshot)).toBe(before);
      expect(seat.view!.version).toBe(live.version);
      const created = await api(s.url, '/api/rooms', { storyId: 'last-curtain', language: 'zh', seats: [] });
      expect(created.status).toBe(500);
      expect((await api(s.url, '/healthz')).status).toBe(200);
      seat.close();
    } finally {
      await s.close();
      await d.remove();
    }
  });
});
