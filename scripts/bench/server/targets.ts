/**
 * The two servers the bench drives, each its own process with the probe loaded: the real game server
 * (`apps/server/src/main.ts` through the tests' ChildServer, AI seats idle) and the bare echo server. Both
 * open a room the way their clients would and hand back the seven socket auths of a table.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from '../../../packages/protocol/src/index.js';
import { ChildServer } from '../../../apps/server/src/testing/child-server.js';
import { seatedRoom } from '../../../apps/server/src/testing/harness.js';
import { waitForListening } from '../../../apps/server/src/testing/wait-for-listening.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PROBE = path.join(HERE, 'probe.mjs');
export const STORY = 'rain-tea-hills';
export const SEATS = ['lin-jiadong', 'lin-xiuhe', 'lin-xiaozhou', 'he-shufen', 'zhou-yuanshan', 'shen-man'];

export interface ProbeReading {
  cpuUs: number;
  rss: number;
  heapUsed: number;
  external: number;
}

export interface TableAuth {
  roomId: string;
  host: { roomId: string; token: string };
  seats: { seat: string; auth: { roomId: string; token: string } }[];
}

export interface Target {
  readonly name: 'game' | 'bare';
  readonly url: string;
  readonly pid: number;
  probe(gc?: boolean): Promise<ProbeReading>;
  openTable(): Promise<TableAuth>;
  /** The commands that bring a table from the lobby to a phase with public chat, in order. */
  setup(table: TableAuth): { who: 'host' | number; command: Command }[];
  stop(): Promise<void>;
}

async function probePort(output: string[], child: ChildProcess): Promise<number> {
  for (let i = 0; i < 600; i++) {
    for (const line of output) {
      const m = /"msg":"probe","port":(\d+)/.exec(line);
      if (m) return Number(m[1]);
    }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no probe line from the server:\n${output.join('\n')}`);
}

function reader(port: number) {
  return async (gc = false): Promise<ProbeReading> => {
    const res = await fetch(`http://127.0.0.1:${port}/probe${gc ? '?gc=1' : ''}`);
    return (await res.json()) as ProbeReading;
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** The game server as `npm start` runs it; `cpuProfDir`: write a `--cpu-prof` profile there on stop. */
export async function gameTarget(opts: { cpuProfDir?: string } = {}): Promise<Target> {
  const data = await mkdtemp(path.join(tmpdir(), 'jubensha-bench-'));
  const nodeArgs = ['--import', PROBE];
  if (opts.cpuProfDir) nodeArgs.push('--cpu-prof', '--cpu-prof-dir', opts.cpuProfDir);
  const server = await ChildServer.start(data, { JUBENSHA_AI_SEATS: 'idle', LOG_LEVEL: 'info' }, nodeArgs);
  const probe = reader(await probePort(server.output, server.child));
  let opened = 0;
  return {
    name: 'game',
    url: server.url,
    pid: server.child.pid ?? 0,
    probe,
    async openTable() {
      // Room creation is rate limited per address only in production settings; the tests' limits apply.
      const { room, tokens } = await seatedRoom(server.url, STORY, SEATS, opened++ % 2 ? 'en' : 'zh');
      return {
        roomId: room.roomId,
        host: { roomId: room.roomId, token: room.hostToken },
        seats: SEATS.map((seat) => ({ seat, auth: { roomId: room.roomId, token: tokens.get(seat) ?? '' } })),
      };
    },
    setup() {
      return [
        ...SEATS.map((_, i) => ({ who: i, command: { type: 'READY', ready: true } as Command })),
        { who: 'host', command: { type: 'START' } },
        // Read act 1, then the introductions: public chat from here.
        { who: 'host', command: { type: 'ADVANCE' } },
      ];
    },
    async stop() {
      await server.stop('SIGTERM');
      await rm(data, { recursive: true, force: true });
    },
  };
}

/** The bare echo server; `cpuProfDir`: write a `--cpu-prof` profile there on stop. */
export async function bareTarget(opts: { cpuProfDir?: string } = {}): Promise<Target> {
  const profile = opts.cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', opts.cpuProfDir] : [];
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--import', PROBE, ...profile, path.join(HERE, 'echo-server.ts')],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PORT: '0' } },
  );
  const output: string[] = [];
  const port = await waitForListening(child, output, 60_000);
  const probe = reader(await probePort(output, child));
  let opened = 0;
  return {
    name: 'bare',
    url: `http://127.0.0.1:${port}`,
    pid: child.pid ?? 0,
    probe,
    openTable() {
      const roomId = `bare-${opened++}`;
      const auth = { roomId, token: '' };
      return Promise.resolve({ roomId, host: auth, seats: SEATS.map((seat) => ({ seat, auth })) });
    },
    setup: () => [],
    stop: () => stopChild(child),
  };
}
