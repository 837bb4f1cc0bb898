import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BUNDLED } from '@jubensha/engine/testing';
import type { ListStoriesResponse } from '@jubensha/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChildServer } from './testing/child-server.js';
import { api, REPO, seatedRoom, tempDir } from './testing/harness.js';
import { TestClient } from './testing/test-client.js';

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await dir.remove();
});

describe('the server process', () => {
  it('refuses to start on a bad environment, with a message naming the variable', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'apps/server/src/main.ts')], {
      cwd: REPO,
      env: { ...process.env, PORT: 'not-a-port', DATA_DIR: join(dir.dir, 'bad') },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('invalid server configuration');
    expect(r.stderr).toContain('PORT');
  });

  it('serves both stories, and on SIGTERM stores what was acknowledged, then exits cleanly', async () => {
    const server = await ChildServer.start(join(dir.dir, 'data'));
    const stories = await api<ListStoriesResponse>(server.url, '/api/stories');
    expect(stories.body.stories.map((s) => s.id).sort()).toEqual([...BUNDLED].sort());
    const { room, tokens } = await seatedRoom(server.url, 'last-curtain', ['su-bowen']);
    const seat = await TestClient.connect(server.url, { roomId: room.roomId, token: tokens.get('su-bowen') });
    const host = await TestClient.connect(server.url, { roomId: room.roomId, token: room.hostToken });
    expect((await seat.command({ type: 'READY', ready: true })).ok).toBe(true);
    expect((await host.command({ type: 'START' })).ok).toBe(true);
    const version = seat.view!.version;
    const stopped = server.stop('SIGTERM');
    expect(await stopped).toEqual({ code: 0, signal: null });
    expect(server.output.join('\n')).toContain('"msg":"stopped"');
    seat.close();
    host.close();

    // The next start restores the room where it was.
    const again = await ChildServer.start(join(dir.dir, 'data'));
    const back = await TestClient.connect(again.url, { roomId: room.roomId, token: tokens.get('su-bowen') });
    expect(back.view!.version).toBeGreaterThanOrEqual(version);
    expect(back.view!.progress.started).toBe(true);
    back.close();
    expect((await again.stop('SIGINT')).code).toBe(0);
  }, 120_000);
});
