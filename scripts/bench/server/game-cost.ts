/**
 * Whether a command costs more late in a game than early: one room, commands sent one after the other
 * (each after the previous ack), the server's CPU read around windows of 50. A warm-up room first (left
 * open), so the first window is not the JIT compiling the server nor a table closing.
 */
import { performance } from 'node:perf_hooks';
import { quantile } from './load.js';
import { clientOf, closeTables, openTable, tableMove, type Table } from './tables.js';
import type { Target } from './targets.js';

const WINDOW = 50;
const WARM_UP_COMMANDS = 2000;

export interface GameCostResult {
  name: string;
  firstUs: number;
  lastUs: number;
  firstP50: number;
  lastP50: number;
  /** CPU µs per command of the 50-command windows starting every `commands / 10` commands. */
  curve: number[];
}

async function play(table: Table, n: number, random: (n: number) => number, offset: number) {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const move = tableMove(random, offset + i);
    const sent = performance.now();
    const ack = await clientOf(table, move.who).command(move.command);
    if (!ack.ok) throw new Error(`${move.command.type} refused: ${ack.error.code}`);
    ms.push(performance.now() - sent);
  }
  return ms;
}

export async function runGameCost(
  target: Target,
  opts: { commands: number; random: (n: number) => number },
): Promise<GameCostResult> {
  const warm = await openTable(target);
  await play(warm, WARM_UP_COMMANDS, opts.random, 0);
  const table = await openTable(target);
  // The warm table stays open (an idle room costs nothing), and the server finishes the new table's
  // handshakes before the first window: neither lands in it.
  await new Promise((r) => setTimeout(r, 1000));
  // The probe's own first requests (its HTTP path compiling) would land in the first window.
  for (let i = 0; i < 50; i++) await target.probe();
  const step = Math.max(WINDOW, Math.floor(opts.commands / 10));
  const curve: number[] = [];
  const windows: { us: number; ms: number[] }[] = [];
  let done = 0;
  const measure = async (n: number) => {
    const before = await target.probe();
    const ms = await play(table, n, opts.random, done);
    const after = await target.probe();
    done += n;
    return { us: (after.cpuUs - before.cpuUs) / n, ms };
  };
  while (done < opts.commands) {
    const w = await measure(Math.min(WINDOW, opts.commands - done));
    windows.push(w);
    curve.push(w.us);
    const gap = Math.min(step - WINDOW, opts.commands - WINDOW - done);
    if (gap > 0) await play(table, gap, opts.random, done).then(() => (done += gap));
  }
  closeTables([warm, table]);
  const first = windows[0];
  const last = windows[windows.length - 1];
  if (!first || !last) throw new Error('no window measured');
  return {
    name: target.name,
    firstUs: first.us,
    lastUs: last.us,
    firstP50: quantile(first.ms, 0.5),
    lastP50: quantile(last.ms, 0.5),
    curve,
  };
}
