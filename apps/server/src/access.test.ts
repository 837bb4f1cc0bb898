import type { RoomInfo, TakeSeatResponse } from '@jubensha/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  seatedRoom,
  startTestServer,
  tempDir,
  type SeatedRoom,
  type TestServer,
} from './testing/harness.js';
import { TestClient } from './testing/test-client.js';

let server: TestServer;
let dir: Awaited<ReturnType<typeof tempDir>>;
const clients: TestClient[] = [];
const STORY = 'rain-tea-hills';
const [A, B, C] = ['lin-jiadong', 'lin-xiuhe', 'lin-xiaozhou'] as const;

beforeAll(async () => {
  dir = await tempDir();
  server = await startTestServer(dir.dir);
});
afterAll(async () => {
  for (const c of clients) c.close();
  await server.close();
  await dir.remove();
});

async function connect(auth: unknown): Promise<TestClient> {
  const c = await TestClient.connect(server.url, auth);
  clients.push(c);
  return c;
}

async function refusedHandshake(auth: unknown): Promise<string> {
  try {
    const c = await connect(auth);
    c.close();
    return 'CONNECTED';
  } catch (err) {
    const data = (err as { data?: { code?: string; message?: { zh?: string; en?: string } } }).data;
    expect(data?.message?.zh).toBeTruthy();
    return data?.code ?? 'NO_CODE';
  }
}

const stored = async (roomId: string) => (await server.store.loadRoom(roomId))!.version;

describe('authorization', () => {
  let room: SeatedRoom;
  beforeAll(async () => {
    room = await seatedRoom(server.url, STORY, [A, B]);
  });

  it('a wrong, missing-room or malformed handshake is refused with a typed error', async () => {
    const roomId = room.room.roomId;
    expect(await refusedHandshake({ roomId, token: 'x'.repeat(43) })).toBe('UNAUTHORIZED');
    expect(await refusedHandshake({ roomId: 'r-nope', token: room.room.hostToken })).toBe('ROOM_NOT_FOUND');
    expect(await refusedHandshake({ roomId, token: 12345 })).toBe('BAD_PAYLOAD');
    expect(await refusedHandshake({ roomId, token: room.room.hostToken, seat: B })).toBe('BAD_PAYLOAD');
    expect(await refusedHandshake(null)).toBe('BAD_PAYLOAD');
    // A token of another room opens nothing here.
    const other = await seatedRoom(server.url, STORY, [A]);
    expect(await refusedHandshake({ roomId, token: other.tokens.get(A) })).toBe('UNAUTHORIZED');
    expect(await refusedHandshake({ roomId, token: other.room.hostToken })).toBe('UNAUTHORIZED');
  });

  it('a seat acts only as itself and never as the host or the clock', async () => {
    const roomId = room.room.roomId;
    const a = await connect({ roomId, token: room.tokens.get(A) });
    const before = await stored(roomId);
    expect(a.welcome?.role).toEqual({ kind: 'seat', seat: A });
    for (const command of [
      { type: 'START' },
      { type: 'ADVANCE' },
      { type: 'HAND_TO_AI', seat: B },
      { type: 'TAKE_BACK', seat: A },
    ])
      expect(await a.command(command)).toMatchObject({ ok: false, error: { code: 'NOT_HOST' } });
    expect(await a.command({ type: 'TICK' })).toMatchObject({ ok: false, error: { code: 'NOT_SYSTEM' } });
    expect(await a.command({ type: 'HOST_NARRATE', kind: 'hint', text: 'the butler did it' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_SYSTEM' },
    });
    // Naming another seat in the payload is no way in: commands carry no actor, extra keys are refused.
    expect(await a.command({ type: 'READY', ready: true, seat: B })).toMatchObject({
      ok: false,
      error: { code: 'BAD_PAYLOAD' },
    });
    expect(await a.command({ type: 'READY', ready: true, actor: { kind: 'seat', seat: B } })).toMatchObject({
      ok: false,
      error: { code: 'BAD_PAYLOAD' },
    });
    expect(await a.command({ type: 'TAKE_SEAT', name: 'again' })).toMatchObject({
      ok: false,
      error: { code: 'SEAT_TAKEN' },
    });
    expect(await stored(roomId)).toBe(before);
    const ack = await a.command({ type: 'READY', ready: true });
    expect(ack).toEqual({ ok: true, version: before + 1 });
    const seats = a.view!.progress.seats;
    expect(seats.find((s) => s.seat === A)?.ready).toBe(true);
    expect(seats.find((s) => s.seat === B)?.ready).toBe(false);
  });

  it('the host sends host commands only; a spectator sends nothing', async () => {
    const roomId = room.room.roomId;
    const host = await connect({ roomId, token: room.room.hostToken });
    const watcher = await connect({ roomId });
    expect(host.welcome?.role).toEqual({ kind: 'host' });
    expect(watcher.welcome?.role).toEqual({ kind: 'spectator' });
    const before = await stored(roomId);
    expect(await host.command({ type: 'READY', ready: true })).toMatchObject({
      ok: false,
      error: { code: 'NOT_A_SEAT' },
    });
    expect(await watcher.command({ type: 'READY', ready: true })).toMatchObject({
      ok: false,
      error: { code: 'NOT_A_SEAT' },
    });
    expect(await watcher.command({ type: 'START' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_HOST' },
    });
    expect(await host.command({ type: 'START' })).toMatchObject({
      ok: false,
      error: { code: 'SEATS_NOT_READY' },
    });
    // The human host does not speak as the AI host: narration is the server's own.
    expect(await host.command({ type: 'HOST_NARRATE', kind: 'narration', text: 'Welcome.' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_SYSTEM' },
    });
    expect(await stored(roomId)).toBe(before);
    // The host's view holds no seat's private file, the spectator's neither.
    expect(host.view!.me).toBeNull();
    expect(watcher.view!.me).toBeNull();
  });
});

describe('reconnection and seats that stay empty', () => {
  it('a dropped seat comes back with its token to its seat and a full view; a silent one keeps its seat until the host hands it to an AI', async () => {
    const { room, tokens } = await seatedRoom(server.url, STORY, [A, B, C]);
    const roomId = room.roomId;
    const host = await connect({ roomId, token: room.hostToken });
    const seat = new Map<string, TestClient>();
    for (const s of [A, B, C]) seat.set(s, await connect({ roomId, token: tokens.get(s) }));
    for (const s of [A, B, C])
      expect((await seat.get(s)!.command({ type: 'READY', ready: true })).ok).toBe(true);
    expect((await host.command({ type: 'START' })).ok).toBe(true);
    await host.until(() => host.presence?.seats.length === 3, 'all present');

    // B drops; the game goes on without it.
    seat.get(B)!.close();
    await host.until(() => !host.presence!.seats.includes(B), 'B gone');
    expect((await seat.get(A)!.command({ type: 'FINISH_READING' })).ok).toBe(true);
    const ack = await seat.get(C)!.command({ type: 'FINISH_READING' });
    expect(ack.ok).toBe(true);

    // B returns: its seat, the current full view, its own private file.
    const back = await connect({ roomId, token: tokens.get(B) });
    expect(back.welcome?.role).toEqual({ kind: 'seat', seat: B });
    expect(back.received[0]?.event.type).toBe('view');
    expect(back.view!.version).toBe(ack.ok ? ack.version : -1);
    expect(back.view!.me?.seat).toBe(B);
    expect(back.view!.me?.character.script.length).toBeGreaterThan(0);
    expect((await back.command({ type: 'FINISH_READING' })).ok).toBe(true);
    await host.until(() => host.presence!.seats.includes(B), 'B back');

    // C drops for good. Its seat stays its own: nobody can take it over.
    seat.get(C)!.close();
    await host.until(() => !host.presence!.seats.includes(C), 'C gone');
    let info = await api<RoomInfo>(server.url, `/api/rooms/${room.code}`);
    expect(info.body.seats.find((s) => s.seat === C)).toMatchObject({
      taken: true,
      controller: 'human',
      online: false,
    });
    const grab = await api<TakeSeatResponse>(server.url, `/api/rooms/${room.code}/seats/${C}`, {
      name: 'intruder',
    });
    expect(grab.status).toBe(409);
    expect(grab.body).toMatchObject({ error: { code: 'SEAT_TAKEN' } });

    // The host hands C to an AI; C's token no longer acts until the host takes the seat back.
    expect((await host.command({ type: 'HAND_TO_AI', seat: C })).ok).toBe(true);
    info = await api<RoomInfo>(server.url, `/api/rooms/${room.code}`);
    expect(info.body.seats.find((s) => s.seat === C)?.controller).toBe('ai');
    const late = await connect({ roomId, token: tokens.get(C) });
    expect(late.view!.me?.seat).toBe(C);
    expect(await late.command({ type: 'FINISH_READING' })).toMatchObject({
      ok: false,
      error: { code: 'SEAT_IS_AI' },
    });
    expect((await host.command({ type: 'TAKE_BACK', seat: C })).ok).toBe(true);
    // Back in human hands, the command reaches the rules again (the AI's turn counted as having read).
    expect(await late.command({ type: 'FINISH_READING' })).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_DONE' },
    });
    expect(late.view!.me?.finishedReading).toBe(true);
  });

  it('resync sends a fresh full view at the current version', async () => {
    const { room, tokens } = await seatedRoom(server.url, STORY, [A]);
    const a = await connect({ roomId: room.roomId, token: tokens.get(A) });
    const n = a.received.length;
    const ack = await a.emit('resync');
    expect(ack).toEqual({ ok: true, version: a.view!.version });
    expect(a.received.length).toBe(n + 1);
    expect(a.received[n]?.event.type).toBe('view');
  });
});
