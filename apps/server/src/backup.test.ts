import { join } from 'node:path';
import { SqliteMatchStore } from '@jubensha/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupTo } from './backup.js';
import { seatedRoom, startTestServer, tempDir, type TestServer } from './testing/harness.js';

let server: TestServer;
let dir: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  dir = await tempDir();
  server = await startTestServer(join(dir.dir, 'data'));
});
afterAll(async () => {
  await server.close();
  await dir.remove();
});

describe('backup', () => {
  it('copies the store of a running server; the copy restores its rooms', async () => {
    const { room } = await seatedRoom(server.url, 'last-curtain', ['su-bowen']);
    await backupTo(join(dir.dir, 'data'), join(dir.dir, 'copy', 'matches.sqlite'));
    await expect(backupTo(join(dir.dir, 'data'), join(dir.dir, 'copy', 'matches.sqlite'))).rejects.toThrow();
    const copy = await SqliteMatchStore.open({ dataDir: join(dir.dir, 'copy') });
    try {
      const loaded = await copy.loadRoom(room.roomId);
      expect(loaded?.meta.joinCode).toBe(room.code);
      expect(loaded?.version).toBe(1);
    } finally {
      await copy.close();
    }
  });
});
