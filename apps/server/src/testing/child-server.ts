import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPO, STORIES_DIR, TEST_ENV } from './harness.js';
import { waitForListening } from './wait-for-listening.js';

const MAIN = join(REPO, 'apps/server/src/main.ts');

/** The real server as its own process (`tsx src/main.ts`, as `npm start` runs it), on a free port. */
export class ChildServer {
  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
    readonly output: string[],
  ) {}

  /** `nodeArgs` go to node before the script (a preload, `--cpu-prof`): the benchmarks measure this process. */
  static async start(
    dataDir: string,
    env: Record<string, string> = {},
    nodeArgs: readonly string[] = [],
  ): Promise<ChildServer> {
    const child = spawn(process.execPath, ['--import', 'tsx', ...nodeArgs, MAIN], {
      cwd: REPO,
      env: {
        ...process.env,
        ...Object.fromEntries(Object.entries(TEST_ENV).map(([k, v]) => [k, String(v)])),
        LOG_LEVEL: 'info',
        DATA_DIR: dataDir,
        STORIES_DIR,
        WEB_DIR: join(dataDir, 'no-web'),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    const port = await waitForListening(child, output, 60_000);
    return new ChildServer(child, `http://127.0.0.1:${port}`, output);
  }

  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /** Sends a signal and resolves with how the process ended. */
  stop(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    return new Promise((resolve) => {
      if (this.exited) return resolve({ code: this.child.exitCode, signal: this.child.signalCode });
      this.child.once('exit', (code, sig) => resolve({ code, signal: sig }));
      this.child.kill(signal);
    });
  }
}
