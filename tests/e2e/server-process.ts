import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitForListening } from '@jubensha/server/testing/wait-for-listening';

export const REPO = join(import.meta.dirname, '../..');

/** The real game server (`tsx apps/server/src/main.ts`, as `npm start` runs it) on a free 127.0.0.1 port. */
export interface ServerProcess {
  url: string;
  output: string[];
  /** Stops the process (SIGTERM) and starts it again on the same port and data: every connection drops. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startServer(): Promise<ServerProcess> {
  const dataDir = await mkdtemp(join(tmpdir(), 'jubensha-e2e-'));
  const output: string[] = [];
  let running = await spawnServer(dataDir, 0, output);
  const url = `http://127.0.0.1:${running.port}`;
  return {
    url,
    output,
    restart: async () => {
      await terminate(running.child);
      running = await spawnServer(dataDir, running.port, output);
    },
    stop: async () => {
      await terminate(running.child);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function spawnServer(
  dataDir: string,
  port: number,
  output: string[],
): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'apps/server/src/main.ts')], {
    cwd: REPO,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      STORIES_DIR: join(REPO, 'scripts-stories'),
      WEB_DIR: join(REPO, 'apps/web/dist'),
      LOG_LEVEL: 'info',
      // Six browsers share one address here.
      RATE_LOOKUPS_PER_MINUTE: '100000',
      RATE_ROOMS_PER_MINUTE: '1000',
      MAX_SOCKETS_PER_ADDRESS: '1000',
      // The AI seats speak authored lines: the browsers check the table, not the bundled model.
      JUBENSHA_LLM: 'none',
      // A short reading time after the final statements, so whole games stay quick (a test may set its own).
      STATEMENT_READ_SECONDS: process.env.STATEMENT_READ_SECONDS ?? '2',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { child, port: await waitForListening(child, output, 90_000) };
}
