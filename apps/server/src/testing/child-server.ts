import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { REPO, STORIES_DIR, TEST_ENV } from './harness.js';

const MAIN = join(REPO, 'apps/server/src/main.ts');

/** The real server as its own process (`tsx src/main.ts`, as `npm start` runs it), on a free port. */
export class ChildServer {
  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
    readonly output: string[],
  ) {}

  static start(dataDir: string, env: Record<string, string> = {}): Promise<ChildServer> {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
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
    child.stderr?.on('data', (d: Buffer) => output.push(d.toString()));
    return new Promise((resolve, reject) => {
      const failed = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`server did not start:\n${output.join('')}`));
      }, 60_000);
      child.once('exit', (code) => {
        clearTimeout(failed);
        reject(new Error(`server exited with ${code} while starting:\n${output.join('')}`));
      });
      if (!child.stdout) return reject(new Error('no stdout'));
      createInterface({ input: child.stdout }).on('line', (line) => {
        output.push(line);
        try {
          const msg = JSON.parse(line) as { msg?: string; port?: number };
          if (msg.msg === 'listening' && msg.port) {
            clearTimeout(failed);
            child.removeAllListeners('exit');
            resolve(new ChildServer(child, `http://127.0.0.1:${msg.port}`, output));
          }
        } catch {
          // not a log line
        }
      });
    });
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
