import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRoom } from '../match-store.contract.js';
import { SqliteMatchStore } from './sqlite-match-store.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const COUNT = 150;

interface WriterRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts both writers, says go once both are ready, and collects what they print. */
function runWriters(dataDir: string, names: string[]): Promise<WriterRun[]> {
  let ready = 0;
  const children = names.map((name) =>
    spawn(
      process.execPath,
      ['--import', 'tsx', path.join(here, 'race-writer.ts'), dataDir, 'room-1', name, String(COUNT)],
      { cwd: here, stdio: ['pipe', 'pipe', 'pipe'] },
    ),
  );
  return Promise.all(
    children.map(
      (child) =>
        new Promise<WriterRun>((resolve, reject) => {
          const run: WriterRun = { code: null, stdout: '', stderr: '' };
          const safety = setTimeout(() => child.kill('SIGKILL'), 60_000);
          child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
            if (!run.stdout.startsWith('ready\n') && (run.stdout + chunk).startsWith('ready\n')) {
              if (++ready === children.length) for (const c of children) c.stdin.write('go\n');
            }
            run.stdout += chunk;
          });
          child.stderr.setEncoding('utf8').on('data', (chunk: string) => (run.stderr += chunk));
          child.on('error', reject);
          child.on('close', (code) => {
            clearTimeout(safety);
            run.code = code;
            resolve(run);
          });
        }),
    ),
  );
}

// Two processes writing one room is what the version check exists for: when scale-out hands a room to
// another process, the old one must be fenced off instead of interleaving its own version of the game.
describe('two processes appending to one room', () => {
  let dir: string;
  let dataDir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'jubensha-race-'));
    dataDir = path.join(dir, 'data');
    const store = await SqliteMatchStore.open({ dataDir });
    await store.createRoom(newRoom());
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    'loses, duplicates and reorders nothing: every append was made on the state before it',
    { timeout: 90_000 },
    async () => {
      const runs = await runWriters(dataDir, ['butler', 'maid']);
      const acks = new Map<number, { writer: string; i: number }>();
      for (const [writer, run] of [
        ['butler', runs[0]!],
        ['maid', runs[1]!],
      ] as const) {
        expect(run.code, run.stderr).toBe(0);
        const lines = run.stdout.trim().split('\n');
        expect(lines[0]).toBe('ready');
        expect(lines.at(-1)).toMatch(/^conflicts \d+$/);
        for (const line of lines.slice(1, -1)) {
          const [, seq, i] = line.split(' ').map(Number);
          expect(acks.has(seq!), `seq ${seq} acknowledged twice`).toBe(false);
          acks.set(seq!, { writer, i: i! });
        }
      }

      const store = await SqliteMatchStore.open({ dataDir });
      try {
        const room = await store.loadRoom('room-1');
        expect(room).toMatchObject({ version: 2 * COUNT, lastSeq: 2 * COUNT });
        const entries = await store.readEntries('room-1', 1);
        expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 2 * COUNT }, (_, k) => k + 1));
        const next = { butler: 1, maid: 1 };
        for (const entry of entries) {
          const command = entry.command as { writer: 'butler' | 'maid'; i: number };
          // Each entry is the one its writer was told it got, and each writer's entries are in its order.
          expect(acks.get(entry.seq)).toEqual({ writer: command.writer, i: command.i });
          expect(command.i).toBe(next[command.writer]++);
        }
        // The snapshot is the state at the entry it was taken at, and the tail is every entry after it.
        const atSnapshot = entries[room!.snapshotSeq - 1]!.command as { writer: string; i: number };
        expect(atSnapshot.i % 10).toBe(0);
        expect(room!.snapshot).toEqual({ lastWriter: atSnapshot.writer, lastI: atSnapshot.i });
        expect(room!.tail).toEqual(entries.slice(room!.snapshotSeq));
      } finally {
        await store.close();
      }
    },
  );
});
