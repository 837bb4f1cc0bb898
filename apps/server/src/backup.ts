import { resolve } from 'node:path';
import { SqliteMatchStore } from '@jubensha/storage';
import { ConfigError, configFromEnv } from './config.js';

/**
 * `npm run backup -w @jubensha/server -- <file>`: a consistent copy of the data directory's store,
 * taken through SQLite's online backup while the server keeps running.
 */
export async function backupTo(dataDir: string, toFile: string): Promise<void> {
  const store = await SqliteMatchStore.open({ dataDir });
  try {
    await store.backup(toFile);
  } finally {
    await store.close();
  }
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const target = process.argv[2];
  try {
    if (!target) throw new ConfigError('usage: backup <file>  (the file must not exist yet)');
    const { DATA_DIR } = configFromEnv(process.env);
    await backupTo(DATA_DIR, resolve(target));
    console.log(`backed up ${DATA_DIR} to ${resolve(target)}`);
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
