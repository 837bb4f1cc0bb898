/**
 * Many tables at a real table's pace against one server: 1.2 commands/s per room, open loop (a command is
 * sent on time whether or not the previous one was acked), for a warm-up and then the measured seconds.
 */
import { performance } from 'node:perf_hooks';
import { clientOf, closeTables, openTables, resyncsOf, tableMove, type Table } from './tables.js';
import type { Target } from './targets.js';

export const COMMANDS_PER_SECOND_PER_ROOM = 1.2;
const WARM_UP_SECONDS = 3;

export interface LoadResult {
  name: string;
  commands: number;
  cpuPerCommandUs: number;
  cpuShare: number;
  p50: number;
  p99: number;
  heapPerRoom: number;
  rssPerRoom: number;
  resyncs: number;
  refused: number;
}

export const quantile = (xs: readonly number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

/** Plays every table at the room pace for `seconds`; resolves with each command's ms to its ack. */
async function pace(tables: Table[], seconds: number, random: (n: number) => number) {
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  let refused = 0;
  let i = 0;
  const gap = 1000 / COMMANDS_PER_SECOND_PER_ROOM;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    tables.map(async (table) => {
      // Tables start spread over one gap, and each gap varies by ±50%, so sends do not come in waves.
      let wait = random(1000) * (gap / 1000);
      for (;;) {
        await new Promise((r) => setTimeout(r, wait));
        if (performance.now() >= end) return;
        const move = tableMove(random, i++);
        const sent = performance.now();
        pending.push(
          clientOf(table, move.who)
            .command(move.command)
            .then((ack) => {
              latencies.push(performance.now() - sent);
              if (!ack.ok) refused++;
            }),
        );
        wait = gap * (0.5 + random(1000) / 1000);
      }
    }),
  );
  await Promise.all(pending);
  return { latencies, refused };
}

export async function runLoad(
  target: Target,
  opts: { rooms: number; seconds: number; random: (n: number) => number },
): Promise<LoadResult> {
  // One table first, so what every room shares (compiled code, caches) is not counted per room.
  const [warm] = await openTables(target, 1);
  const before = await target.probe(true);
  const tables = await openTables(target, opts.rooms);
  await pace(tables, WARM_UP_SECONDS, opts.random);
  const cpu0 = await target.probe();
  const t0 = performance.now();
  const { latencies, refused } = await pace(tables, opts.seconds, opts.random);
  const cpu1 = await target.probe();
  const wallUs = (performance.now() - t0) * 1000;
  const after = await target.probe(true);
  const resyncs = resyncsOf(tables);
  closeTables(warm ? [warm, ...tables] : tables);
  const cpuUs = cpu1.cpuUs - cpu0.cpuUs;
  return {
    name: target.name,
    commands: latencies.length,
    cpuPerCommandUs: cpuUs / latencies.length,
    cpuShare: cpuUs / wallUs,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    heapPerRoom: (after.heapUsed - before.heapUsed) / opts.rooms,
    rssPerRoom: (after.rss - before.rss) / opts.rooms,
    resyncs,
    refused,
  };
}
