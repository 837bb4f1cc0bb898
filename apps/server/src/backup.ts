import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SqliteMatchStore } from '@jubensha/storage';
import { ConfigError, configFromEnv } from './config.js';

/**
 * `npm run backup -w @jubensha/server -- <file>`: a consistent copy of the data directory's store,
 * taken through SQLite's online backup while the server keeps running.
 */
export async function backupTo(dataDir: string, toFile: string): Promise<void> {
  // Opening a store creates one: a mistyped DATA_DIR would be backed up as a new, empty store.
  if (!existsSync(join(dataDir, 'matches.sqlite')))
    throw new ConfigError(
      `no store to back up: ${join(dataDir, 'matches.sqlite')} does not exist (is DATA_DIR right?)`,
    );
  const store = await SqliteMatchStore.open({ dataDir });
  try {
    await store.backup(toFile);
  } finally {
    await store.close();
  }
}

const USAGE = 'usage: backup <file>  (a new file: the copy of DATA_DIR/matches.sqlite)';

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const target = process.argv[2];
  if (target === '--help' || target === '-h') {
    console.log(USAGE);
    process.exit(0);
  }
  try {
    if (!target || target.startsWith('-')) throw new ConfigError(USAGE);
    const { DATA_DIR } = configFromEnv(process.env);
    await backupTo(DATA_DIR, resolve(target));
    console.log(`backed up ${DATA_DIR} to ${resolve(target)}`);
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
