/**
 * What a store append costs as a game grows, through the real SQLite store (not a test):
 *   npx tsx scripts/bench/storage/append.ts [--commands 3000] [--every 50] [--warmup 300] [--rounds 2]
 *                                           [--story rain-tea-hills] [--only old|new]
 *
 * One room of a bundled story, started, then `--commands` chat lines from its seats, each applied by the
 * engine (the state grows by one line per command, as in a long discussion), appended through the real
 * SQLite store opened as the server opens it (WAL, automatic checkpoints, whose cost lands on the append
 * that triggers one). Two behaviours, one after the other in each round (the order alternates between
 * rounds), each in a fresh data directory: the old one (every append carries the whole state: K = 1)
 * and the server's (a snapshot every K commands and at phase changes). Not interleaved command by
 * command: the old behaviour's garbage (a 370 KB JSON text per command) and its checkpoints would be
 * timed in the new one's appends. A warm-up room of `--warmup` commands goes first in each store, so the
 * first measured commands do not pay for the JIT. Only `store.append` is timed; the engine runs outside
 * the clock. Prints, per behaviour and round, the mean and median append time of the first 50 and the
 * last 50 commands and their last/first ratios, the JSON the appends handed the store in each window, and
 * what restoring the room costs (load + replay of the tail, as the server does) after K - 1 more
 * commands, where the tail is longest.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { applyCommand, createGame } from '@jubensha/engine';
import { loadBundled } from '@jubensha/engine/testing';
import type { Actor, Command } from '@jubensha/protocol';
import { SqliteMatchStore } from '@jubensha/storage';
import type { Story } from '@jubensha/story';
import { restoreStoredGame } from '../../../apps/server/src/restore.js';

const { values } = parseArgs({
  options: {
    commands: { type: 'string', default: '3000' },
    every: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '300' },
    rounds: { type: 'string', default: '2' },
    story: { type: 'string', default: 'rain-tea-hills' },
    only: { type: 'string' },
  },
});
const COMMANDS = Number(values.commands);
const EVERY = Number(values.every);
const WARMUP = Number(values.warmup);
const ROUNDS = Number(values.rounds);
const WINDOW = 50;
const T0 = 1_800_000_000_000;

interface Lane {
  name: string;
  every: number;
  dir: string;
  store: SqliteMatchStore;
  sinceSnapshot: number;
  /** Per measured command: ms spent in `append`, and bytes of JSON it handed the store. */
  ms: number[];
  bytes: number[];
}

async function openLane(name: string, every: number): Promise<Lane> {
  const dir = mkdtempSync(path.join(tmpdir(), 'jubensha-bench-append-'));
  const store = await SqliteMatchStore.open({ dataDir: dir });
  return { name, every, dir, store, sinceSnapshot: 0, ms: [], bytes: [] };
}

/**
 * A new room `roomId` in every lane, stored as the server stores one (the lobby at version 0), started
 * and moved on to the first phase that takes chat (AI seats count as ready), then `count` chat lines.
 * Every command goes through the engine and then each lane's store; only the chat lines are measured,
 * and only if `measure`. Returns the final state.
 */
async function playRoom(story: Story, lanes: Lane[], roomId: string, count: number, measure: boolean) {
  let at = T0;
  let state = createGame(story, { seed: 1, seats: {}, at });
  for (const lane of lanes) {
    lane.sinceSnapshot = 0;
    await lane.store.createRoom({
      roomId,
      joinCode: `${roomId}-${lane.name}`,
      storyId: story.id,
      language: 'zh',
      seatConfig: {},
      createdAt: T0,
      hostTokenHash: 'h',
      seatTokenHashes: {},
      snapshot: state,
      version: state.context.version,
    });
  }
  const step = async (actor: Actor, command: Command, timed: boolean) => {
    at += 1000;
    const r = applyCommand(story, state, { actor, command, at });
    if (!r.ok) throw new Error(`${command.type} refused: ${r.error.code}`);
    const next = r.snapshot;
    for (const lane of lanes) {
      // The server's policy (room.ts): a snapshot every K commands and with every phase change.
      const withSnapshot = next.state !== state.state || lane.sinceSnapshot + 1 >= lane.every;
      const entry = { at, actor, command };
      const t = performance.now();
      await lane.store.append(roomId, {
        expectedVersion: state.context.version,
        entry,
        ...(withSnapshot ? { snapshot: next } : {}),
        version: next.context.version,
      });
      const ms = performance.now() - t;
      lane.sinceSnapshot = withSnapshot ? 0 : lane.sinceSnapshot + 1;
      if (!timed) continue;
      lane.ms.push(ms);
      lane.bytes.push(
        Buffer.byteLength(JSON.stringify(entry)) +
          (withSnapshot ? Buffer.byteLength(JSON.stringify(next)) : 0),
      );
    }
    state = next;
  };
  const seats = story.characters.map((c) => c.id);
  await step({ kind: 'host' }, { type: 'START' }, false);
  const probe: Command = { type: 'PUBLIC_MESSAGE', text: '…' };
  while (
    !applyCommand(story, state, { actor: { kind: 'seat', seat: seats[0] ?? '' }, command: probe, at }).ok
  ) {
    await step({ kind: 'host' }, { type: 'ADVANCE' }, false);
  }
  for (let n = 1; n <= count; n++) {
    const actor: Actor = { kind: 'seat', seat: seats[n % seats.length] ?? '' };
    const text = `第${n}句：那晚九点我在书房，没听见雨声。line ${n}`;
    await step(actor, { type: 'PUBLIC_MESSAGE', text }, measure);
  }
  return state;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const kb = (xs: number[]) => (xs.reduce((a, b) => a + b, 0) / 1024).toFixed(0);

function report(lane: Lane, round: number): void {
  const [first, last] = [lane.ms.slice(0, WINDOW), lane.ms.slice(COMMANDS - WINDOW, COMMANDS)];
  const label =
    lane.every === 1
      ? 'old: snapshot every command (K=1)'
      : `new: snapshot every ${lane.every} (K=${lane.every})`;
  console.log(
    `${round}  ${label}`.padEnd(39) +
      `${mean(first).toFixed(3)} / ${median(first).toFixed(3)}`.padEnd(25) +
      `${mean(last).toFixed(3)} / ${median(last).toFixed(3)}`.padEnd(24) +
      `${(mean(last) / mean(first)).toFixed(2)}×`.padEnd(17) +
      `${(median(last) / median(first)).toFixed(2)}×`.padEnd(19) +
      `${kb(lane.bytes.slice(0, WINDOW))} → ${kb(lane.bytes.slice(COMMANDS - WINDOW, COMMANDS))}`,
  );
}

async function main(): Promise<void> {
  const story = await loadBundled(values.story);
  const kinds: [string, number][] = [];
  if (values.only !== 'new') kinds.push(['old', 1]);
  if (values.only !== 'old') kinds.push(['new', EVERY]);
  console.log(
    `${COMMANDS} chat lines in one ${story.id} room per behaviour and round, each after a ${WARMUP}-line warm-up room`,
  );
  console.log(
    'round  store.append, ms'.padEnd(39) +
      'first 50 mean / median'.padEnd(25) +
      'last 50 mean / median'.padEnd(24) +
      'last/first mean'.padEnd(17) +
      'last/first median'.padEnd(19) +
      'JSON KB first 50 → last 50',
  );
  const restores: string[] = [];
  let stateKb = '';
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [name, every] of round % 2 ? kinds : [...kinds].reverse()) {
      const lane = await openLane(name, every);
      try {
        if (WARMUP > 0) await playRoom(story, [lane], 'warmup', WARMUP, false);
        // EVERY - 1 commands beyond the measured ones: the restore below replays the longest tail.
        const state = await playRoom(story, [lane], 'bench', COMMANDS + EVERY - 1, true);
        stateKb = (Buffer.byteLength(JSON.stringify(state)) / 1024).toFixed(1);
        report(lane, round);
        const t = performance.now();
        const loaded = await lane.store.loadRoom('bench');
        const restored = loaded ? restoreStoredGame(story, loaded) : null;
        const ms = performance.now() - t;
        if (!restored?.ok || JSON.stringify(restored.snapshot) !== JSON.stringify(state)) {
          throw new Error(
            `${lane.name}: the restored room is not the live one: ${restored?.ok ? 'differs' : restored?.reason}`,
          );
        }
        restores.push(
          `restore at command ${COMMANDS + EVERY - 1} (${name}, round ${round}): load + replay of ${restored.replayed} commands ${ms.toFixed(1)} ms`,
        );
      } finally {
        await lane.store.close();
        rmSync(lane.dir, { recursive: true, force: true });
      }
    }
  }
  console.log(`state at the end: ${stateKb} KB of JSON`);
  for (const line of restores) console.log(line);
}

await main();
