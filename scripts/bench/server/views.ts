/**
 * What one command costs the engine and the views as a game grows, in one process, without sockets or a
 * store (not a test): a table of rain-tea-hills (6 seats + the host) says 3,000 chat lines; per 500 lines,
 * the mean µs per command of applyCommand, of projecting the 7 views (the room's ViewProjector) and of
 * diffing them against the views before (one ViewDiffMemo per command, as sendViews does).
 *   npx tsx scripts/bench/server/views.ts [--lines 3000]
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import {
  applyCommand,
  createGame,
  ViewProjector,
  type GameSnapshot,
} from '../../../packages/engine/src/index.js';
import { loadBundled } from '../../../packages/engine/src/testing/index.js';
import {
  diffView,
  ViewDiffMemo,
  type Actor,
  type Command,
  type View,
  type Viewer,
} from '../../../packages/protocol/src/index.js';

const { values } = parseArgs({ options: { lines: { type: 'string', default: '3000' } } });
const lines = Number(values.lines);
const EVERY = 500;

const story = await loadBundled('rain-tea-hills');
const seats = story.characters.map((c) => c.id);
let snap: GameSnapshot = createGame(story, {
  seed: 1,
  seats: Object.fromEntries(seats.map((s) => [s, 'human'])),
  at: 1,
});
const run = (actor: Actor, command: Command) => {
  const r = applyCommand(story, snap, { actor, command, at: snap.context.clock + 10 });
  if (!r.ok) throw new Error(`${command.type}: ${r.error.code}`);
  snap = r.snapshot;
};
for (const s of seats) run({ kind: 'seat', seat: s }, { type: 'TAKE_SEAT', name: `P-${s}` });
for (const s of seats) run({ kind: 'seat', seat: s }, { type: 'READY', ready: true });
run({ kind: 'host' }, { type: 'START' });
run({ kind: 'host' }, { type: 'ADVANCE' });

const projector = new ViewProjector(story);
const viewers: Viewer[] = [...seats.map((seat): Viewer => ({ kind: 'seat', seat })), { kind: 'host' }];
const last = new Map<Viewer, View>();
const spent = { apply: 0, project: 0, diff: 0 };
console.log('lines   apply µs  project 7 µs  diff 7 µs');
for (let i = 0; i < lines; i++) {
  const t0 = performance.now();
  const seat = seats[i % seats.length] ?? '';
  run({ kind: 'seat', seat }, { type: 'PUBLIC_MESSAGE', text: `我一直在烘焙房，没出去过。 (${i})` });
  const t1 = performance.now();
  const views = viewers.map((v) => projector.project(snap, v));
  const t2 = performance.now();
  const memo = new ViewDiffMemo();
  viewers.forEach((v, k) => {
    const before = last.get(v);
    const view = views[k];
    if (!view) return;
    if (before) diffView(before, view, memo);
    last.set(v, view);
  });
  const t3 = performance.now();
  spent.apply += t1 - t0;
  spent.project += t2 - t1;
  spent.diff += t3 - t2;
  if ((i + 1) % EVERY === 0) {
    const us = (ms: number) => ((ms / EVERY) * 1000).toFixed(0).padStart(9);
    console.log(`${String(i + 1).padStart(5)} ${us(spent.apply)} ${us(spent.project)}    ${us(spent.diff)}`);
    spent.apply = spent.project = spent.diff = 0;
  }
}
