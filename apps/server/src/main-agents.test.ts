import type { RoomInfo } from '@jubensha/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChildServer } from './testing/child-server.js';
import { api, seatedRoom, tempDir } from './testing/harness.js';
import { TestClient } from './testing/test-client.js';

let dir: Awaited<ReturnType<typeof tempDir>>;

/** A wait that gives up, so the server process is stopped even when the awaited thing never comes. */
function within<T>(ms: number, what: string, p: Promise<T>): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms)),
  ]);
}
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await dir.remove();
});

describe('npm start with the agents plugged in (JUBENSHA_AI_SEATS unset)', () => {
  it('says AI seats speak authored lines only when no model is configured, and the AI host narrates', async () => {
    const server = await ChildServer.start(dir.dir, { JUBENSHA_AI_SEATS: '', JUBENSHA_LLM: 'none' });
    try {
      const { room, tokens } = await seatedRoom(server.url, 'last-curtain', ['su-bowen'], 'en');
      const info = await api<RoomInfo>(server.url, `/api/rooms/${room.code}`);
      expect(info.body.aiVoices).toBe('authored-lines');
      const seat = await TestClient.connect(server.url, {
        roomId: room.roomId,
        token: tokens.get('su-bowen'),
      });
      const host = await TestClient.connect(server.url, { roomId: room.roomId, token: room.hostToken });
      expect(seat.welcome?.aiVoices).toBe('authored-lines');
      expect(host.view?.hostMessages).toEqual([]);
      expect((await seat.command({ type: 'READY', ready: true })).ok).toBe(true);
      expect((await host.command({ type: 'START' })).ok).toBe(true);
      await within(
        30_000,
        'narration',
        host.until(() => host.view!.hostMessages.length > 0),
      );
      expect(host.view!.hostMessages[0]).toMatchObject({
        kind: 'narration',
        text: 'Act 1: read your script, then mark it finished.',
      });
      await within(
        30_000,
        'narration at the seat',
        seat.until(() => seat.view!.hostMessages.length > 0),
      );
      expect(server.output.join('\n')).toContain('"aiVoices":"authored-lines"');
      seat.close();
      host.close();
    } finally {
      expect((await server.stop('SIGTERM')).code).toBe(0);
    }
  }, 120_000);
});
