/**
 * Loaded into a measured server process (`--import`): a second, loopback-only listener that reports the
 * process's own CPU time (µs, every thread) and memory, after a full garbage collection when asked, so the
 * bench reads both servers the same way and at microsecond resolution (/proc's ticks are 10 ms).
 */
import { createServer } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { isMainThread } from 'node:worker_threads';

/** @typedef {{ cpuUs: number, rss: number, heapUsed: number, external: number }} ProbeReading */

// Plain JavaScript and main thread only: worker threads (tsx's loader among them) inherit `--import`.
if (isMainThread) startProbe();

function startProbe() {
  setFlagsFromString('--expose-gc');
  /** @type {() => void} */
  const gc = runInNewContext('gc');

  const probe = createServer((req, res) => {
    if (req.url?.includes('gc=1')) {
      gc();
      gc();
    }
    const cpu = process.cpuUsage();
    const mem = process.memoryUsage();
    /** @type {ProbeReading} */
    const reading = {
      cpuUs: cpu.user + cpu.system,
      rss: mem.rss,
      heapUsed: mem.heapUsed,
      external: mem.external + mem.arrayBuffers,
    };
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(reading));
  });
  // Unref'd: the probe never keeps a server alive that is shutting down.
  probe.listen(0, '127.0.0.1', () => {
    probe.unref();
    process.stdout.write(
      `${JSON.stringify({ msg: 'probe', port: /** @type {import('node:net').AddressInfo} */ (probe.address()).port })}\n`,
    );
  });
}
