/**
 * One player flooding a room (not a test):
 *   npx tsx scripts/bench/server/flood.ts [--sockets 60] [--rate 20] [--seconds 5]
 *
 * The real server with its default limits (20 commands/s per connection and per seat, 64 connections per
 * address). One seat opens `--sockets` connections with its token and sends `--rate` commands a second on each
 * (READY on and off, which the lobby accepts and stores) for `--seconds`; another seat sends one command every
 * 100 ms throughout and times each ack. Printed side by side from one run: that seat's ack times before the
 * flood, during it, and after it; what the flooding seat got (accepted, refused, cut off).
 */
import { parseArgs } from 'node:util';
import { seatedRoom, startTestServer, tempDir } from '../../../apps/server/src/testing/harness.js';
import { TestClient } from '../../../apps/server/src/testing/test-client.js';

const { values } = parseArgs({
  options: {
    sockets: { type: 'string', default: '60' },
    rate: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '5' },
  },
});
const sockets = Number(values.sockets);
const rate = Number(values.rate);
const seconds = Number(values.seconds);

const dir = await tempDir();
const server = await startTestServer(dir.dir, {
  env: { RATE_COMMANDS_PER_SECOND: 20, RATE_SEAT_COMMANDS_PER_SECOND: 20, MAX_SOCKETS_PER_ADDRESS: 64 },
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

try {
  const { room, tokens } = await seatedRoom(server.url, 'last-curtain', ['su-bowen', 'he-xiaoyan']);
  const victim = await TestClient.connect(server.url, {
    roomId: room.roomId,
    token: tokens.get('he-xiaoyan'),
  });
  const flooders = await Promise.all(
    Array.from({ length: sockets }, () =>
      TestClient.connect(server.url, { roomId: room.roomId, token: tokens.get('su-bowen') }),
    ),
  );

  /** The calm seat's ack times over `ms`, one command every 100 ms. */
  const calm = async (ms: number): Promise<number[]> => {
    const times: number[] = [];
    const end = performance.now() + ms;
    for (let i = 0; performance.now() < end; i++) {
      const t = performance.now();
      await victim.command({ type: 'READY', ready: i % 2 === 0 });
      times.push(performance.now() - t);
      await sleep(Math.max(0, 100 - (performance.now() - t)));
    }
    return times;
  };

  const before = await calm(2000);
  const outcome = { accepted: 0, limited: 0, other: 0, lost: 0 };
  let flooding = true;
  const attack = Promise.all(
    flooders.map(async (f, k) => {
      for (let i = 0; flooding && f.socket.connected; i++) {
        const t = performance.now();
        void f.command({ type: 'READY', ready: (i + k) % 2 === 0 }).then(
          (a) => {
            if (a.ok) outcome.accepted++;
            else if (a.error.code === 'RATE_LIMITED') outcome.limited++;
            else outcome.other++;
          },
          () => outcome.lost++,
        );
        await sleep(Math.max(0, 1000 / rate - (performance.now() - t)));
      }
    }),
  );
  const during = await calm(seconds * 1000);
  flooding = false;
  await attack;
  const after = await calm(2000);
  const cut = flooders.filter((f) => !f.socket.connected).length;

  const row = (name: string, xs: number[]) =>
    `${name.padEnd(14)} ${String(xs.length).padStart(5)}  ${quantile(xs, 0.5).toFixed(1).padStart(7)}  ${quantile(xs, 0.99).toFixed(1).padStart(7)}  ${Math.max(
      ...xs,
    )
      .toFixed(1)
      .padStart(7)}`;
  console.log(`flood: ${sockets} connections of one seat × ${rate} commands/s for ${seconds} s`);
  console.log('the other seat   acks   p50 ms   p99 ms   max ms');
  console.log(row('before', before));
  console.log(row('during', during));
  console.log(row('after', after));
  console.log(
    `the flooding seat: ${outcome.accepted} accepted, ${outcome.limited} RATE_LIMITED, ${outcome.other} other errors, ` +
      `${outcome.lost} unanswered (cut off); ${cut} of ${sockets} connections cut off`,
  );
  console.log(`p99 during ÷ before: ${(quantile(during, 0.99) / quantile(before, 0.99)).toFixed(2)}`);
  for (const c of [victim, ...flooders]) c.close();
} finally {
  await server.close();
  await dir.remove();
}
