import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * Resolves with the port once a server child process logs `{"msg":"listening","port":…}`, the line
 * `main.ts` prints when it is ready. Rejects with everything the process printed if it exits first or
 * stays silent for `timeoutMs`. `output` keeps collecting the process's lines afterwards, for failure reports.
 */
export function waitForListening(child: ChildProcess, output: string[], timeoutMs: number): Promise<number> {
  child.stderr?.on('data', (d: Buffer) => output.push(d.toString()));
  return new Promise((resolve, reject) => {
    const failed = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start:\n${output.join('')}`));
    }, timeoutMs);
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
          resolve(msg.port);
        }
      } catch {
        // not a log line
      }
    });
  });
}
