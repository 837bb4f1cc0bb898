import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

// npm 11 warns that better-sqlite3's install script is "not covered by allowScripts" whether or not it
// ran; only loading the compiled addon proves the build happened.
describe('better-sqlite3 native module', () => {
  it('was compiled for this Node and loads', () => {
    const require = createRequire(import.meta.url);
    const packageDir = path.dirname(require.resolve('better-sqlite3/package.json'));
    expect(existsSync(path.join(packageDir, 'build', 'Release', 'better_sqlite3.node'))).toBe(true);

    const db = new Database(':memory:');
    try {
      const { version } = db.prepare<[], { version: string }>('SELECT sqlite_version() AS version').get()!;
      const [major, minor] = version.split('.').map(Number);
      // STRICT tables, used by the schema, need SQLite 3.37 or later.
      expect(major! > 3 || (major === 3 && minor! >= 37)).toBe(true);
      db.exec('CREATE TABLE t (x TEXT) STRICT');
      db.prepare('INSERT INTO t VALUES (?)').run('好');
      expect(db.prepare<[], { x: string }>('SELECT x FROM t').get()).toEqual({ x: '好' });
    } finally {
      db.close();
    }
  });
});
