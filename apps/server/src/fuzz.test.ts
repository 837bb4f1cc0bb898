import { CommandAckSchema, ERROR_CODES, LIMITS, type CommandAck } from '@jubensha/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  seatedRoom,
  startTestServer,
  tempDir,
  type SeatedRoom,
  type TestServer,
} from './testing/harness.js';
import { rng } from './testing/rng.js';
import { TestClient } from './testing/test-client.js';

let server: TestServer;
let dir: Awaited<ReturnType<typeof tempDir>>;
let room: SeatedRoom;
const STORY = 'rain-tea-hills';
const [A, B] = ['lin-jiadong', 'lin-xiuhe'] as const;

beforeAll(async () => {
  dir = await tempDir();
  server = await startTestServer(dir.dir);
  room = await seatedRoom(server.url, STORY, [A, B]);
});
afterAll(async () => {
  await server.close();
  await dir.remove();
});

const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '__defineGetter__',
];
const SEAT_TYPES = [
  'TAKE_SEAT',
  'READY',
  'FINISH_READING',
  'SEARCH',
  'PUBLISH_CLUE',
  'KEEP_CLUE',
  'PUBLIC_MESSAGE',
];
const HOST_TYPES = ['START', 'ADVANCE', 'PAUSE', 'RESUME', 'EXTEND', 'HAND_TO_AI', 'TAKE_BACK'];

/** Hostile inputs, every one of which must be refused: no generator here can build a valid command. */
function generators(r: (n: number) => number) {
  const pick = <T>(xs: readonly T[]): T => xs[r(xs.length)] as T;
  const junk = (depth = 0): unknown => {
    switch (r(depth > 2 ? 5 : 8)) {
      case 0:
        return r(2) === 0 ? -r(1e9) : r(1e9) / 7;
      case 1:
        return 'x'.repeat(r(5000));
      case 2:
        return pick([null, true, false, '', 0, -1, 1e308]);
      case 3:
        return pick(HOSTILE_KEYS);
      case 4:
        return '雨'.repeat(r(2000));
      case 5:
        return Array.from({ length: r(6) }, () => junk(depth + 1));
      case 6:
        return Object.fromEntries(
          Array.from({ length: r(5) }, () => [
            pick([...HOSTILE_KEYS, 'type', 'text', 'seat']),
            junk(depth + 1),
          ]),
        );
      default:
        return JSON.parse(`{"__proto__": {"polluted": ${r(100)}}, "type": "READY", "ready": true}`);
    }
  };
  /** A command payload that fails the schema, whoever sends it. */
  const malformed = (): unknown => {
    switch (r(10)) {
      case 0:
        return junk();
      case 1:
        return { type: pick([...SEAT_TYPES, ...HOST_TYPES]), ...{ [pick(HOSTILE_KEYS)]: junk() } };
      case 2:
        return JSON.parse(`{"type":"PUBLIC_MESSAGE","text":"hi","__proto__":{"isAdmin":true}}`);
      case 3:
        return { type: 'PUBLIC_MESSAGE', text: 'y'.repeat(LIMITS.publicMessage + 1 + r(20_000)) };
      case 4:
        return { type: 'PUBLIC_MESSAGE', text: ' \n\t '.repeat(r(10)) };
      case 5:
        return { type: 'READY', ready: pick(['true', 1, null, {}]) };
      case 6:
        return { type: 'SEARCH', location: pick(['', 'l'.repeat(65), 5, null, ['a']]) };
      case 7:
        return { type: 'EXTEND', minutes: pick([0, -5, 1.5, LIMITS.extendMinutes + 1, '10']) };
      case 8:
        return { type: pick(['ready', 'Ready', 'DELETE', '', 'TICK ', 'constructor']) };
      default:
        return { type: 'VOTE', character: 'a', actor: { kind: 'seat', seat: B } };
    }
  };
  return { pick, junk, malformed };
}

describe('fuzz: hostile and malformed events', () => {
  it('10,000+ events: every one answered with a typed error, nothing changes, the server stays up', async () => {
    const r = rng(20261122);
    const g = generators(r);
    const roomId = room.room.roomId;
    const seat = await TestClient.connect(server.url, { roomId, token: room.tokens.get(A) });
    const host = await TestClient.connect(server.url, { roomId, token: room.room.hostToken });
    const watcher = await TestClient.connect(server.url, { roomId });
    const live = server.rooms.all().find((x) => x.id === roomId)!;
    const before = JSON.stringify(live.snapshot);
    const storedBefore = (await server.store.loadRoom(roomId))!;

    const codes = new Map<string, number>();
    let sent = 0;
    let noAck = 0;
    const count = (ack: CommandAck) => {
      const parsed = CommandAckSchema.parse(ack);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) codes.set(parsed.error.code, (codes.get(parsed.error.code) ?? 0) + 1);
    };
    const clients = [seat, host, watcher];
    for (let batch = 0; batch < 50; batch++) {
      const pending: Promise<CommandAck>[] = [];
      for (let i = 0; i < 205; i++) {
        const c = g.pick(clients);
        sent++;
        switch (r(9)) {
          case 0: // unknown or reserved-looking event names
            pending.push(
              c.emit(
                g.pick(['hack', 'view', 'event', 'welcome', ...HOSTILE_KEYS, 'x'.repeat(r(300) + 1)]),
                g.junk(),
              ),
            );
            break;
          case 1: // the right events with the wrong arity
            pending.push(r(2) ? c.emit('command', g.malformed(), g.junk()) : c.emit('resync', g.junk()));
            break;
          case 2: // no ack: the answer comes as an error event, nothing runs
            (c.socket.emit as (e: string, ...a: unknown[]) => void)(
              'command',
              r(2) ? g.malformed() : { type: 'READY', ready: true },
            );
            noAck++;
            break;
          case 3: // a valid command from a connection that may not send it
            pending.push(
              c === host
                ? host.command(
                    g.pick([{ type: 'READY', ready: true }, { type: 'FINISH_READING' }, { type: 'TICK' }]),
                  )
                : c.command(
                    g.pick([
                      { type: 'START' },
                      { type: 'HAND_TO_AI', seat: B },
                      { type: 'TICK' },
                      { type: 'TAKE_SEAT', name: 'me' },
                    ]),
                  ),
            );
            break;
          case 4: // binary where JSON belongs
            pending.push(c.command(Buffer.from(g.pick(['{"type":"READY","ready":true}', '\u0000\u0001']))));
            break;
          default:
            pending.push(c.command(g.malformed()));
        }
      }
      for (const ack of await Promise.all(pending)) count(ack);
    }
    // Every ack-less event got an error event back.
    const errorEvents = () =>
      clients.reduce((n, c) => n + c.received.filter((x) => x.event.type === 'error').length, 0);
    await new Promise<void>((resolve) => {
      const check = () => (errorEvents() >= noAck ? resolve() : setTimeout(check, 10));
      check();
    });
    expect(errorEvents()).toBe(noAck);

    if (process.env.SERVER_FUZZ_STATS)
      console.log('fuzz stats', { sent, noAck, codes: Object.fromEntries(codes) });
    expect(sent).toBeGreaterThanOrEqual(10_000);
    for (const code of codes.keys()) expect(ERROR_CODES).toContain(code);
    expect(codes.get('BAD_PAYLOAD')).toBeGreaterThan(3000);
    expect(codes.get('UNKNOWN_EVENT')).toBeGreaterThan(500);
    expect(codes.get('NOT_HOST')).toBeGreaterThan(100);
    expect(codes.get('NOT_A_SEAT')).toBeGreaterThan(50);

    // Nothing changed: the live game, the store, the prototypes; everyone is still connected.
    expect(JSON.stringify(live.snapshot)).toBe(before);
    const storedAfter = (await server.store.loadRoom(roomId))!;
    expect(storedAfter.version).toBe(storedBefore.version);
    expect(storedAfter.lastSeq).toBe(storedBefore.lastSeq);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    for (const c of clients) {
      expect(c.socket.connected).toBe(true);
      expect(c.received.filter((x) => x.event.type === 'update')).toEqual([]);
    }
    expect((await api(server.url, '/healthz')).status).toBe(200);
    // And it still plays.
    expect(await seat.command({ type: 'READY', ready: true })).toEqual({
      ok: true,
      version: storedBefore.version + 1,
    });
    for (const c of clients) c.close();
  }, 120_000);

  it('a message over the size limit closes only that connection', async () => {
    const roomId = room.room.roomId;
    const big = await TestClient.connect(server.url, { roomId, token: room.tokens.get(B) });
    const other = await TestClient.connect(server.url, { roomId });
    const version = (await server.store.loadRoom(roomId))!.version;
    await expect(big.command({ type: 'STATEMENT', text: 'z'.repeat(200_000) })).rejects.toThrow(
      /disconnected/,
    );
    expect(other.socket.connected).toBe(true);
    expect((await server.store.loadRoom(roomId))!.version).toBe(version);
    // The seat simply reconnects.
    const again = await TestClient.connect(server.url, { roomId, token: room.tokens.get(B) });
    expect(again.view!.me?.seat).toBe(B);
    for (const c of [other, again]) c.close();
  });

  it('a flood from one connection is refused with RATE_LIMITED, then cut off, while other connections play on', async () => {
    const d = await tempDir();
    const limited = await startTestServer(d.dir, { env: { RATE_COMMANDS_PER_SECOND: 20 } });
    try {
      const { room: small, tokens } = await seatedRoom(limited.url, STORY, [A, B]);
      const flooder = await TestClient.connect(limited.url, { roomId: small.roomId, token: tokens.get(A) });
      const calm = await TestClient.connect(limited.url, { roomId: small.roomId, token: tokens.get(B) });
      const acks = await Promise.allSettled(
        Array.from({ length: 500 }, (_, i) =>
          i % 2 ? flooder.command({ type: 'PUBLIC_MESSAGE', text: 'spam' }) : flooder.emit('spam', i),
        ),
      );
      const answered = acks.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []));
      // At most one second's worth got through to the rules (they answer WRONG_PHASE in the lobby); past
      // five times its rate the connection was cut, and the rest were never answered.
      expect(answered.every((a) => !a.ok)).toBe(true);
      expect(answered.filter((a) => !a.ok && a.error.code !== 'RATE_LIMITED').length).toBeLessThanOrEqual(
        2 * 20,
      );
      expect(answered.length).toBeLessThan(500);
      expect(answered.length).toBeGreaterThanOrEqual(5 * 20);
      await expect.poll(() => flooder.socket.connected).toBe(false);
      expect(await calm.command({ type: 'READY', ready: true })).toMatchObject({ ok: true });
      // The seat reconnects and plays: being cut off is not a ban.
      const back = await TestClient.connect(limited.url, { roomId: small.roomId, token: tokens.get(A) });
      expect(await back.command({ type: 'READY', ready: true })).toMatchObject({ ok: true });
      for (const c of [flooder, calm, back]) c.close();
    } finally {
      await limited.close();
      await d.remove();
    }
  });

  it("one seat's many connections share one budget and a few places in the queue; other seats are served", async () => {
    const d = await tempDir();
    const limited = await startTestServer(d.dir, {
      env: { RATE_COMMANDS_PER_SECOND: 1000, RATE_SEAT_COMMANDS_PER_SECOND: 30 },
    });
    try {
      const { room: small, tokens } = await seatedRoom(limited.url, STORY, [A, B]);
      const sockets = await Promise.all(
        Array.from({ length: 10 }, () =>
          TestClient.connect(limited.url, { roomId: small.roomId, token: tokens.get(A) }),
        ),
      );
      const calm = await TestClient.connect(limited.url, { roomId: small.roomId, token: tokens.get(B) });
      const flood = Promise.allSettled(
        sockets.flatMap((s) => Array.from({ length: 20 }, () => s.command({ type: 'READY', ready: true }))),
      );
      const calmAck = await calm.command({ type: 'READY', ready: true });
      const acks = (await flood).flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []));
      expect(calmAck).toMatchObject({ ok: true });
      // 200 commands from one seat over 10 sockets: about one second's budget of the seat got through.
      const through = acks.filter((a) => a.ok || a.error.code !== 'RATE_LIMITED').length;
      expect(through).toBeLessThanOrEqual(30 + 10);
      expect(acks.filter((a) => !a.ok && a.error.code === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(150);
      for (const c of [...sockets, calm]) c.close();
    } finally {
      await limited.close();
      await d.remove();
    }
  });
});
