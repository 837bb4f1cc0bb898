import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqliteMatchStore } from '@jubensha/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupTo } from './backup.js';
import { seatedRoom, startTestServer, tempDir, type TestServer } from './testing/harness.js';

const BACKUP = fileURLToPath(new URL('./backup.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));

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

  it('refuses a data directory with no store instead of backing up a new empty one', async () => {
    const wrong = join(dir.dir, 'no-such-data');
    await expect(backupTo(wrong, join(dir.dir, 'empty.sqlite'))).rejects.toThrow(/no store to back up/);
    expect(existsSync(wrong)).toBe(false);
    expect(existsSync(join(dir.dir, 'empty.sqlite'))).toBe(false);
  });

  it('prints its usage for --help and writes no file', () => {
    const r = spawnSync(TSX, [BACKUP, '--help'], {
      cwd: dir.dir,
      encoding: 'utf8',
      env: { ...process.env, DATA_DIR: join(dir.dir, 'data') },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/usage: backup <file>/);
    expect(existsSync(join(dir.dir, '--help'))).toBe(false);
  });
});
