/**
 * The game server against a bare socket.io server, with the same simulated tables (not a test):
 *   npx tsx scripts/bench/server/bench.ts [--rooms 50,200] [--seconds 30] [--game-commands 3000] [--cpu-prof DIR]
 *   (--cpu-prof: both servers' profiles of the load runs, in DIR/bare and DIR/game: profile-summary.ts)
 *   npx tsx scripts/bench/server/bench.ts --only game-cost   # or --only load
 *
 * Load: per room six seats and the host (seven sockets), 1.2 commands/s per room (a chat line from a seat,
 * one in twenty a host's EXTEND), AI seats idle. For each room count both servers start fresh, one after the
 * other on the same cores; printed side by side: server CPU per command (the process's CPU time over the
 * measured seconds / commands acked), command→ack p50/p99, and memory per room (heap after a full GC and
 * RSS, growth from before the tables to after the load, over rooms).
 * Cost over the game: one room (after a warm-up room), 3,000 commands sent one after the other; CPU per
 * command of the first 50 and the last 50, and of 50-command windows along the way.
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { rng } from '../../../apps/server/src/testing/rng.js';
import { runGameCost } from './game-cost.js';
import { runLoad, type LoadResult } from './load.js';
import { bareTarget, gameTarget, type Target } from './targets.js';

const { values } = parseArgs({
  options: {
    rooms: { type: 'string', default: '50,200' },
    seconds: { type: 'string', default: '30' },
    'game-commands': { type: 'string', default: '3000' },
    only: { type: 'string' },
    'cpu-prof': { type: 'string' },
    seed: { type: 'string', default: '1' },
  },
});
const seconds = Number(values.seconds);
const cpuProfDir = values['cpu-prof'];
const seed = Number(values.seed);

console.log(
  `${cpus().length} cores, load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')} before the run, node ${process.version}`,
);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

async function withTarget<T>(start: () => Promise<Target>, run: (t: Target) => Promise<T>): Promise<T> {
  const target = await start();
  try {
    return await run(target);
  } finally {
    await target.stop();
  }
}

function printLoad(rooms: number, bare: LoadResult, game: LoadResult): void {
  const row = (r: LoadResult) =>
    `${r.name.padEnd(5)} ${String(r.commands).padStart(6)} ${(r.cpuPerCommandUs / 1000).toFixed(3).padStart(9)} ms` +
    ` ${r.p50.toFixed(1).padStart(7)} ${r.p99.toFixed(1).padStart(7)} ms` +
    ` ${kb(r.heapPerRoom).padStart(9)} ${kb(r.rssPerRoom).padStart(9)}` +
    ` ${(r.cpuShare * 100).toFixed(0).padStart(4)}%  ${r.resyncs}`;
  console.log(`\n${rooms} rooms, ${seconds} s, ${(rooms * 1.2).toFixed(0)} commands/s offered`);
  console.log('server  acked  CPU/command   p50     p99        heap/room  RSS/room   CPU  resyncs');
  console.log(row(bare));
  console.log(row(game));
  console.log(
    `game/bare: CPU per command ${(game.cpuPerCommandUs / bare.cpuPerCommandUs).toFixed(2)}×, ` +
      `heap per room beyond bare ${kb(game.heapPerRoom - bare.heapPerRoom)}, ` +
      `RSS per room beyond bare ${kb(game.rssPerRoom - bare.rssPerRoom)}`,
  );
}

if (values.only !== 'game-cost') {
  for (const rooms of values.rooms.split(',').map(Number)) {
    const random = rng(seed + rooms);
    const bare = await withTarget(
      () => bareTarget(cpuProfDir ? { cpuProfDir: `${cpuProfDir}/bare` } : {}),
      (t) => runLoad(t, { rooms, seconds, random }),
    );
    const game = await withTarget(
      () => gameTarget(cpuProfDir ? { cpuProfDir: `${cpuProfDir}/game` } : {}),
      (t) => runLoad(t, { rooms, seconds, random }),
    );
    printLoad(rooms, bare, game);
  }
}

if (values.only !== 'load') {
  const commands = Number(values['game-commands']);
  console.log(`\ncost over the game: one room, ${commands} commands one after the other`);
  for (const start of [() => bareTarget(), () => gameTarget()]) {
    const r = await withTarget(start, (t) => runGameCost(t, { commands, random: rng(seed) }));
    console.log(
      `${r.name.padEnd(5)} first 50 ${r.firstUs.toFixed(0).padStart(6)} µs/command, last 50 ${r.lastUs
        .toFixed(0)
        .padStart(6)} µs/command: ${(r.lastUs / r.firstUs).toFixed(2)}×;` +
        ` ack p50 first ${r.firstP50.toFixed(2)} ms, last ${r.lastP50.toFixed(2)} ms`,
    );
    console.log(`      along the game (µs/command per 50): ${r.curve.map((x) => x.toFixed(0)).join(' ')}`);
  }
}
if (cpuProfDir) console.log(`\nprofiles of the load runs in ${cpuProfDir}/bare and ${cpuProfDir}/game`);
