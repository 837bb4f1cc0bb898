import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newRoom } from '../match-store.contract.js';
import { SqliteMatchStore } from './sqlite-match-store.js';

/**
 * What an append writes, measured in pages added to the WAL (what SQLite really writes and, with
 * `synchronous = FULL`, syncs), not in time: the same count on any machine. A game's state grows with
 * every chat line; an append that carries no snapshot must write as much at command 1,000 as at
 * command 10. The same game with a snapshot on every append shows the count does see the state.
 */
describe('what an append writes as the game grows', () => {
  let dir: string;
  let store: SqliteMatchStore;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'jubensha-append-cost-'));
    store = await SqliteMatchStore.open({ dataDir: dir });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Plays `count` chat lines; returns how many WAL pages each append added. */
  async function pagesPerAppend(count: number, snapshotEvery: number | null): Promise<number[]> {
    const db = (store as unknown as { db: Database.Database }).db;
    // No checkpoints: the WAL only grows, so its size counts every page written since the start.
    db.pragma('wal_autocheckpoint = 0');
    const frame = (db.pragma('page_size', { simple: true }) as number) + 24;
    const walSize = () => statSync(`${store.file}-wal`).size;
    await store.createRoom(newRoom());
    const chat: { seat: string; text: string }[] = [];
    const pages: number[] = [];
    for (let n = 1; n <= count; n++) {
      const text = `第${n}句：那晚九点我在书房，line ${n} of the evening`;
      chat.push({ seat: 'butler', text });
      const before = walSize();
      await store.append('room-1', {
        expectedVersion: n - 1,
        entry: { at: n, actor: { kind: 'seat', seat: 'butler' }, command: { type: 'PUBLIC_MESSAGE', text } },
        ...(snapshotEvery !== null && n % snapshotEvery === 0 ? { snapshot: { phase: 'act', chat } } : {}),
        version: n,
      });
      pages.push((walSize() - before) / frame);
    }
    return pages;
  }

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  // Commands 11-60 and 1,001-1,050: fifty appends each, so that the odd B-tree page split averages out.
  const early = (pages: number[]) => pages.slice(10, 60);
  const late = (pages: number[]) => pages.slice(1000, 1050);

  it('writes the same pages at command 1,000 as at command 10 when appends carry no snapshot', async () => {
    const pages = await pagesPerAppend(1050, null);
    expect(median(late(pages))).toBe(median(early(pages)));
    // At most one more page per append on average: the log's index is one level deeper by then.
    expect(mean(late(pages))).toBeLessThanOrEqual(mean(early(pages)) + 1);
    expect((await store.loadRoom('room-1'))!.tail).toHaveLength(1050);
  });

  it('writes ever more pages when every append carries the whole state (the old behaviour)', async () => {
    const pages = await pagesPerAppend(1050, 1);
    expect(median(late(pages))).toBeGreaterThanOrEqual(5 * median(early(pages)));
  });
});
