import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../testing/fixture-story.js';

const BIN = fileURLToPath(new URL('../../bin/jubensha.js', import.meta.url));

describe('bin/jubensha.js', () => {
  it('runs the TypeScript CLI through tsx and passes its exit code on', () => {
    const ok = spawnSync(process.execPath, [BIN, 'story', 'validate', path.join(FIXTURES, 'base')], {
      encoding: 'utf8',
    });
    expect(ok.stdout).toMatch(/ok \(0 error\(s\), 0 warning\(s\)\)/);
    expect(ok.status).toBe(0);
    const missing = spawnSync(process.execPath, [BIN, 'story', 'validate', path.join(FIXTURES, 'nowhere')], {
      encoding: 'utf8',
    });
    expect(missing.stdout).toMatch(/FILE_MISSING/);
    expect(missing.status).toBe(1);
  });
});
