import type { CreateRoomResponse } from '@jubensha/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, bundledCatalog, startTestServer, tempDir, type TestServer } from './testing/harness.js';
import { ManualClock } from './testing/manual-clock.js';
import { TestClient } from './testing/test-client.js';

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await dir.remove();
});

const phaseKind = (c: TestClient) => c.view!.story.plan[c.view!.progress.phase ?? -1]?.kind ?? 'lobby';

describe('deadlines', () => {
  it('an all-AI table is moved by deadlines alone, through a restart, to the reveal', async () => {
    const clock = new ManualClock();
    let server: TestServer = await startTestServer(dir.dir, { clock });
    const story = (await bundledCatalog()).get('last-curtain')!;
    const created = await api<CreateRoomResponse>(server.url, '/api/rooms', {
      storyId: story.id,
      language: 'en',
      seats: [],
    });
    const { roomId, hostToken } = created.body;
    let host = await TestClient.connect(server.url, { roomId, token: hostToken });
    expect(clock.pending).toEqual([]);
    const started = await host.command({ type: 'START' });
    expect(started.ok).toBe(true);
    let restarted = false;
    const visited: string[] = [];
    for (let step = 0; step < 200 && clock.pending.length > 0; step++) {
      const due = Math.min(...clock.pending);
      expect(due).toBe(host.view!.progress.deadline);
      const version = host.view!.version;
      // One millisecond early: nothing happens.
      clock.advance(due - clock.now() - 1);
      expect(host.view!.version).toBe(version);
      clock.advance(1);
      await host.untilVersion(version + 1);
      visited.push(phaseKind(host));
      if (!restarted && phaseKind(host) === 'search') {
        // Restart on the same data: the restored room re-arms the same deadline.
        restarted = true;
        const before = host.view!.progress.deadline;
        host.close();
        await server.close();
        expect(clock.pending).toEqual([]);
        server = await startTestServer(dir.dir, { clock });
        expect(clock.pending).toEqual([before]);
        host = await TestClient.connect(server.url, { roomId, token: hostToken });
      }
    }
    expect(restarted).toBe(true);
    expect(phaseKind(host)).toBe('reveal');
    expect(host.view!.reveal).not.toBeNull();
    expect(new Set(visited)).toEqual(
      new Set(['intro', 'search', 'discuss', 'read', 'statement', 'vote', 'reveal']),
    );
    host.close();
    await server.close();
  });

  it('a pause disarms the deadline and a resume re-arms it, shifted by the pause', async () => {
    const clock = new ManualClock();
    const server = await startTestServer(dir.dir, { clock });
    const created = await api<CreateRoomResponse>(server.url, '/api/rooms', {
      storyId: 'rain-tea-hills',
      language: 'zh',
      seats: [],
    });
    const host = await TestClient.connect(server.url, {
      roomId: created.body.roomId,
      token: created.body.hostToken,
    });
    expect((await host.command({ type: 'START' })).ok).toBe(true);
    const due = clock.pending[0]!;
    expect((await host.command({ type: 'PAUSE' })).ok).toBe(true);
    expect(clock.pending).toEqual([]);
    clock.advance(60 * 60_000);
    expect((await host.command({ type: 'RESUME' })).ok).toBe(true);
    expect(clock.pending).toEqual([due + 60 * 60_000]);
    expect((await host.command({ type: 'EXTEND', minutes: 5 })).ok).toBe(true);
    expect(clock.pending).toEqual([due + 65 * 60_000]);
    host.close();
    await server.close();
  });
});
