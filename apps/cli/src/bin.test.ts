import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../bin/jubensha.js', import.meta.url));
const STORIES = fileURLToPath(new URL('../../../scripts-stories/', import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

describe('bin/jubensha.js', () => {
  it('runs the story CLI through tsx and passes its exit code on', () => {
    const ok = run('story', 'validate', path.join(STORIES, 'rain-tea-hills'));
    expect(ok.stdout).toMatch(/ok \(0 error\(s\), 0 warning\(s\)\)/);
    expect(ok.status).toBe(0);
    const missing = run('story', 'validate', path.join(STORIES, 'nowhere'));
    expect(missing.stdout).toMatch(/FILE_MISSING/);
    expect(missing.status).toBe(1);
  });

  it('--help lists every command, the playtest among them', () => {
    const r = run('--help');
    expect(r.stdout).toMatch(/jubensha story validate/);
    expect(r.stdout).toMatch(/jubensha playtest <story dir>/);
  });

  it('runs a playtest and writes its three reports', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'jubensha-playtest-'));
    const r = run(
      'playtest',
      path.join(STORIES, 'last-curtain'),
      '--runs',
      '1',
      '--seed',
      '2',
      '--model',
      'none',
      '--out',
      out,
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/innocent votes for the culprit: \d+(\.\d+)?%/);
    expect(JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')).runs).toBe(1);
    expect(readFileSync(path.join(out, 'report.html'), 'utf8')).toContain('<svg');
    expect(readFileSync(path.join(out, 'report.md'), 'utf8')).toContain('# Playtest');
    expect(run('playtest', '--runs', 'x').status).toBe(2);
  });
});
