import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyBaseStory, FIXTURES, materializeFixture } from '../testing/fixture-story.js';
import type { CliIo } from './io.js';
import { main } from './main.js';

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function scratch(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'jubensha-cli-'));
  cleanups.push(() => rm(root, { recursive: true, force: true }));
  return root;
}

describe('jubensha story validate', () => {
  it('exits 0 on a valid story and 1 when any story has an error, printing file:line:col CODE', async () => {
    const base = path.join(FIXTURES, 'base');
    const broken = await materializeFixture('timeline-conflict');
    cleanups.push(broken.cleanup);
    const ok = capture();
    expect(await main(['story', 'validate', base], ok)).toBe(0);
    expect(ok.stdout.at(-1)).toMatch(/: ok \(0 error\(s\), 0 warning\(s\)\)$/);
    const bad = capture();
    expect(await main(['story', 'validate', base, broken.dir], bad)).toBe(1);
    const file = path.relative(process.cwd(), path.join(broken.dir, 'story.yaml'));
    expect(bad.stdout).toContainEqual(
      expect.stringMatching(new RegExp(`^${file}:${broken.expected.line}:\\d+ TIMELINE_CONFLICT `)),
    );
  });

  it('gives machine-readable results with --format json', async () => {
    const broken = await materializeFixture('secret-leak');
    cleanups.push(broken.cleanup);
    const io = capture();
    expect(await main(['story', 'validate', '--format', 'json', broken.dir], io)).toBe(1);
    const [result] = JSON.parse(io.stdout.join('\n')) as {
      dir: string;
      ok: boolean;
      diagnostics: { code: string; line: number }[];
    }[];
    expect(result).toMatchObject({ dir: broken.dir, ok: false });
    expect(result!.diagnostics).toEqual([
      expect.objectContaining({ code: 'SECRET_LEAK', line: broken.expected.line, severity: 'error' }),
    ]);
  });

  it('passes a story with warnings only', async () => {
    const warned = await materializeFixture('reading-load-high');
    cleanups.push(warned.cleanup);
    const io = capture();
    expect(await main(['story', 'validate', warned.dir], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain('READING_LOAD_HIGH warning:');
  });

  it('answers usage mistakes with exit code 2', async () => {
    const io = capture();
    expect(await main(['story', 'validate'], io)).toBe(2);
    expect(await main(['story', 'fly'], io)).toBe(2);
    expect(await main(['story', 'validate', '--bogus', 'x'], io)).toBe(2);
    expect(await main(['story', 'validate', '--format', 'xml', 'x'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('usage:');
  });
});

describe('jubensha story stats', () => {
  it('prints reading load per seat and act, clues per round and location, and the routes', async () => {
    const io = capture();
    expect(await main(['story', 'stats', path.join(FIXTURES, 'base')], io)).toBe(0);
    const text = io.stdout.join('\n');
    expect(text).toMatch(/Reading load \(en, words/);
    expect(text).toMatch(/^\s+alice\s+20\s+16\s+36\s+0\.2$/m);
    expect(text).toMatch(/^\s+garden\s+2\s+3$/m);
    expect(text).toContain('poison: key teacup, receipt');
    expect(text).toMatch(/^\s+seat\s+intro\s+fact\s+cover\s+withhold\s+ask\s+accuse\s+deflect\s+statement$/m);
    expect(text).toMatch(/^\s+alice\s+1\s+0\s+0\s+0\s+0\s+0\s+0\s+0$/m);
    const json = capture();
    expect(await main(['story', 'stats', path.join(FIXTURES, 'base'), '--format', 'json'], json)).toBe(0);
    const stats = JSON.parse(json.stdout.join('')) as {
      rounds: { act: number; clues: number }[];
      lines: { character: string; none: string[] }[];
    };
    expect(stats.lines.find((l) => l.character === 'alice')?.none).not.toContain('intro');
    expect(stats.rounds).toEqual([
      expect.objectContaining({ act: 1, round: 1, clues: 3, key: 2, redHerrings: 1 }),
      expect.objectContaining({ act: 2, round: 1, clues: 3, key: 2, redHerrings: 0 }),
    ]);
  });
});

describe('jubensha story new', () => {
  it('scaffolds a story that validates with no errors and no warnings', async () => {
    const dir = path.join(await scratch(), 'my-first-case');
    const io = capture();
    expect(await main(['story', 'new', dir], io)).toBe(0);
    const check = capture();
    expect(await main(['story', 'validate', '--format', 'json', dir], check)).toBe(0);
    const [result] = JSON.parse(check.stdout.join('\n')) as { diagnostics: unknown[] }[];
    expect(result!.diagnostics).toEqual([]);
    expect(await readFile(path.join(dir, 'story.yaml'), 'utf8')).toMatch(
      /^# yaml-language-server: \$schema=.*story\.schema\.json/,
    );
    expect(await main(['story', 'new', dir], capture())).toBe(1);
  });

  it('refuses a folder name that is not an id', async () => {
    const io = capture();
    expect(await main(['story', 'new', path.join(await scratch(), 'My Case')], io)).toBe(1);
    expect(io.stderr.join('')).toContain('story id');
  });
});

describe('jubensha story card', () => {
  it('exports a card to a file and imports it back into a story', async () => {
    const target = await copyBaseStory();
    cleanups.push(target.cleanup);
    const card = path.join(await scratch(), 'bob.json');
    expect(
      await main(['story', 'card', 'export', path.join(FIXTURES, 'base'), 'bob', '-o', card], capture()),
    ).toBe(0);
    const json = JSON.parse(await readFile(card, 'utf8')) as { spec: string; data: { name: string } };
    expect(json).toMatchObject({ spec: 'chara_card_v2', spec_version: '2.0', data: { name: 'Bob' } });
    expect(await main(['story', 'card', 'import', card, target.dir, '--id', 'bob-two'], capture())).toBe(0);
    const io = capture();
    expect(await main(['story', 'validate', target.dir], io)).toBe(0);
  });

  it('reports an unknown character and a file that is not a card', async () => {
    const io = capture();
    expect(await main(['story', 'card', 'export', path.join(FIXTURES, 'base'), 'zed'], io)).toBe(1);
    expect(io.stderr.join('')).toContain('alice, bob, carol');
    const notCard = path.join(await scratch(), 'x.json');
    await writeFile(notCard, '{"spec":"chara_card_v3"}');
    expect(await main(['story', 'card', 'import', notCard, path.join(FIXTURES, 'base')], io)).toBe(1);
    expect(io.stderr.join('')).toContain('not a Character Card V2');
  });
});
