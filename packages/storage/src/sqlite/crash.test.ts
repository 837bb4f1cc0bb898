import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CrashCommand, digestOf } from './crash-command.js';
import { SqliteMatchStore } from './sqlite-match-store.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const writer = path.join(here, 'crash-writer.ts');
const TRIALS = 24;
const ROOM = 'crash-room';
/** Across trials: which snapshots a reopened store found, and how often it had a tail to replay. */
const stats = { snapshots: new Set<number>(), withTail: 0 };

interface Trial {
  /** Seqs the writer printed, i.e. appends the store acknowledged. */
  acked: number[];
  /** The writer's `ready <lastSeq>` line, if it got that far. */
  readyAt: number | null;
  /** Whether the last thing the writer printed was the start of an append: killed inside it. */
  killedInAppend: boolean;
  signal: NodeJS.Signals | null;
  stderr: string;
  /** The writer stalled and was killed by the safety timer, not at the moment the trial picked. */
  stalled: boolean;
}

/**
 * Runs the writer and SIGKILLs it at a random point: while it opens the store (which may be recovering
 * the WAL left by the previous kill), right as it starts appending, or a random delay after a random
 * number of acks (about half of all kills land inside an append; its page writes take about a fifth of
 * it). What this proves is the acknowledgement: nothing the store acknowledged is lost, nothing it did
 * not finish shows up. That a transaction is all or nothing is also tested directly, without timing
 * luck, in sqlite-match-store.test.ts.
 */
function runAndKill(dataDir: string): Promise<Trial> {
  const mode = Math.random();
  const killAfterAcks = 1 + Math.floor(Math.random() * 60);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, dataDir, ROOM], {
      cwd: here,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const trial: Trial = {
      acked: [],
      readyAt: null,
      killedInAppend: false,
      signal: null,
      stderr: '',
      stalled: false,
    };
    let pending = '';
    const kill = () => child.kill('SIGKILL');
    // A stalled writer must fail the trial, not hang the suite or outlive it.
    const safety = setTimeout(() => {
      trial.stalled = true;
      kill();
    }, 20_000);
    if (mode < 0.15) setTimeout(kill, Math.random() * 400);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        trial.killedInAppend = line.startsWith('> ');
        if (trial.killedInAppend) continue;
        if (line.startsWith('ready ')) {
          trial.readyAt = Number(line.slice(6));
          if (mode >= 0.15 && mode < 0.3) kill();
        } else {
          trial.acked.push(Number(line));
          // A random delay decouples the kill from the moment the writer printed (an append takes ~2 ms).
          if (mode >= 0.3 && trial.acked.length === killAfterAcks) setTimeout(kill, Math.random() * 4);
        }
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (trial.stderr += chunk));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(safety);
      trial.signal = signal;
      resolve(trial);
    });
  });
}

/**
 * Everything acknowledged is there, in order, whole; the snapshot is the state at the entry it says it
 * was taken at, and the tail is every entry after it.
 */
async function verify(dataDir: string, lastSeqBefore: number, trial: Trial): Promise<number> {
  const ackedUpTo = trial.acked.at(-1) ?? trial.readyAt ?? lastSeqBefore;
  const store = await SqliteMatchStore.open({ dataDir });
  try {
    const room = await store.loadRoom(ROOM);
    expect(room).not.toBeNull();
    const { lastSeq, version, snapshot, snapshotSeq, snapshotVersion, tail } = room!;
    // The writer prints right after each commit, so at most one commit can be unacknowledged.
    expect([ackedUpTo, ackedUpTo + 1]).toContain(lastSeq);
    expect(version).toBe(lastSeq);

    const entries = await store.readEntries(ROOM, 1);
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: lastSeq }, (_, i) => i + 1));
    for (const entry of entries) {
      const command = entry.command as unknown as CrashCommand;
      expect(command.n).toBe(entry.seq);
      expect(entry.at).toBe(entry.seq);
      expect(digestOf(command.text)).toBe(command.digest);
    }
    const atSnapshot = entries[snapshotSeq - 1]?.command as unknown as CrashCommand | undefined;
    expect(snapshot['lastSeq']).toBe(snapshotSeq);
    expect(snapshotVersion).toBe(snapshotSeq);
    expect(snapshot['lastDigest']).toBe(atSnapshot?.digest ?? 'initial');
    expect(tail).toEqual(entries.slice(snapshotSeq));
    stats.snapshots.add(snapshotSeq);
    if (tail.length > 0) stats.withTail++;
    return lastSeq;
  } finally {
    await store.close();
  }
}

/** No torn pages, orphaned pages or broken indexes anywhere in the file. */
function expectIntactFile(dataDir: string): void {
  const db = new Database(path.join(dataDir, 'matches.sqlite'), { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  } finally {
    db.close();
  }
}

describe('SqliteMatchStore under kill -9', () => {
  let dir: string;
  let dataDir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'jubensha-crash-'));
    dataDir = path.join(dir, 'data');
    const store = await SqliteMatchStore.open({ dataDir });
    await store.createRoom({
      roomId: ROOM,
      joinCode: 'CRASH1',
      storyId: 'story',
      language: 'en',
      seatConfig: {},
      createdAt: 0,
      hostTokenHash: 'h',
      seatTokenHashes: {},
      snapshot: { lastSeq: 0, lastDigest: 'initial' },
      version: 0,
    });
    await store.close();
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    `keeps every acknowledged append across ${TRIALS} kills at random moments`,
    { timeout: 90_000 },
    async () => {
      let lastSeq = 0;
      let unacknowledgedCommits = 0;
      let killedInAppend = 0;
      for (let i = 0; i < TRIALS; i++) {
        const trial = await runAndKill(dataDir);
        // Killed by us, not dead of an error of its own.
        expect(trial.signal, trial.stderr).toBe('SIGKILL');
        expect(trial.stalled).toBe(false);
        const before = lastSeq;
        lastSeq = await verify(dataDir, before, trial);
        expectIntactFile(dataDir);
        if (lastSeq > (trial.acked.at(-1) ?? trial.readyAt ?? before)) unacknowledgedCommits++;
        if (trial.killedInAppend) killedInAppend++;
      }
      expect(lastSeq).toBeGreaterThan(TRIALS);
      // The writer snapshots about one append in four, so reopened stores found several snapshots
      // and, mostly, entries after them: both halves of a load were checked.
      expect(stats.snapshots.size).toBeGreaterThan(1);
      expect(stats.withTail).toBeGreaterThan(TRIALS / 4);
      if (process.env['STORAGE_CRASH_STATS']) {
        console.log(
          `crash test: ${TRIALS} kills, ${killedInAppend} inside an append, ${lastSeq} entries, ` +
            `${unacknowledgedCommits} committed but unacknowledged`,
        );
      }
    },
  );
});
