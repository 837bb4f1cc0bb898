/**
 * Where a `--cpu-prof` profile's busy time went (not a test):
 *   npx tsx scripts/bench/server/profile-summary.ts PROFILE.cpuprofile [--top 30] [--skip SECONDS]
 * Self time by function, and total time (self + callees) of the server's hot spots, as shares of the busy
 * time (every sample but `(idle)` and `(program)`).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '30' }, skip: { type: 'string', default: '0' } },
});
const file = positionals[0];
if (!file) throw new Error('usage: profile-summary.ts PROFILE.cpuprofile');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
// --skip: leave out the first seconds (start-up: module loading, stories, the warm-up).
const skipUs = Number(values.skip) * 1e6;
const self = new Map<number, number>();
let elapsed = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  elapsed += dt;
  if (elapsed >= skipUs) self.set(id, (self.get(id) ?? 0) + dt);
});

const label = (n: ProfileNode) => {
  const url = n.callFrame.url.replace(/^.*\/(node_modules|packages|apps)\//, '$1/');
  return `${n.callFrame.functionName || '(anonymous)'} ${url}:${n.callFrame.lineNumber + 1}`;
};
const idle = new Set(['(idle)', '(program)']);
let busy = 0;
const selfBy = new Map<string, number>();
const totalBy = new Map<string, number>();
for (const [id, t] of self) {
  const node = byId.get(id);
  if (!node || idle.has(node.callFrame.functionName)) continue;
  busy += t;
  selfBy.set(label(node), (selfBy.get(label(node)) ?? 0) + t);
  // Total: once per distinct function on the stack, so recursion is not counted twice.
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const n = byId.get(at);
    if (!n) break;
    const name = n.callFrame.functionName || '(anonymous)';
    if (seen.has(name)) continue;
    seen.add(name);
    totalBy.set(name, (totalBy.get(name) ?? 0) + t);
  }
}
const top = Number(values.top);
const pct = (t: number) => `${((100 * t) / busy).toFixed(1).padStart(5)}%`;
console.log(`busy ${(busy / 1e6).toFixed(2)} s`);
console.log('\nself time');
for (const [name, t] of [...selfBy].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`${pct(t)}  ${name}`);
console.log('\ntotal time (function on the stack)');
for (const [name, t] of [...totalBy].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`${pct(t)}  ${name}`);
