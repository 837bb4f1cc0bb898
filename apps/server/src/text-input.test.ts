import { ApiErrorSchema, RoomInfoSchema, type CreateRoomResponse } from '@jubensha/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  bundledCatalog,
  seatedRoom,
  startTestServer,
  tempDir,
  type TestServer,
} from './testing/harness.js';
import { TestClient } from './testing/test-client.js';
import { cleanCommand, cleanName } from './text-input.js';

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

describe('cleanName and cleanCommand', () => {
  it('refuse the host, the system and the other characters, but not the seat’s own character', async () => {
    const story = (await bundledCatalog()).get(STORY)!;
    for (const name of ['主持人', ' Host ', 'system', '主持', '林秀禾', 'lin xiuhe', 'LIN XIAOZHOU'])
      expect(cleanName(name, story, A), name).toMatchObject({ ok: false, error: { code: 'NAME_RESERVED' } });
    expect(cleanName('林家栋', story, A)).toEqual({ ok: true, value: '林家栋' });
    expect(cleanName('A\u200bnn\u202e', story, A)).toEqual({ ok: true, value: 'Ann' });
  });

  it('normalize chat lines and check their length again', () => {
    expect(cleanCommand({ type: 'PUBLIC_MESSAGE', text: 'hi\u0000 there\u200b' })).toEqual({
      ok: true,
      value: { type: 'PUBLIC_MESSAGE', text: 'hi there' },
    });
    expect(cleanCommand({ type: 'STATEMENT', text: 'e\u0301' })).toEqual({
      ok: true,
      value: { type: 'STATEMENT', text: 'é' },
    });
    expect(cleanCommand({ type: 'PRIVATE_MESSAGE', talk: 't1', text: '\u200b' })).toMatchObject({
      ok: false,
      error: { code: 'BLANK_TEXT' },
    });
    // U+0958 is one code unit that NFC turns into two: 500 of them no longer fit a public line.
    expect(cleanCommand({ type: 'PUBLIC_MESSAGE', text: '\u0958'.repeat(500) })).toMatchObject({
      ok: false,
      error: { code: 'BAD_PAYLOAD' },
    });
    expect(cleanCommand({ type: 'VOTE', character: A })).toEqual({
      ok: true,
      value: { type: 'VOTE', character: A },
    });
  });
});

describe('names and chat on the server', () => {
  it('refuses reserved, blank and broken names with a typed error, and stores names normalized', async () => {
    const created = await api<CreateRoomResponse>(server.url, '/api/rooms', {
      storyId: STORY,
      language: 'en',
      seats: [A, B, C].map((seat) => ({ seat, controller: 'human' })),
    });
    const seat = (s: string, name: string) =>
      api(server.url, `/api/rooms/${created.body.code}/seats/${s}`, JSON.stringify({ name }));
    const refused = async (name: string, status: number, code: string) => {
      const r = await seat(A, name);
      expect([r.status, ApiErrorSchema.parse(r.body).error.code], JSON.stringify(name)).toEqual([
        status,
        code,
      ]);
    };
    await refused('主持人', 409, 'NAME_RESERVED');
    await refused('ＨＯＳＴ', 409, 'NAME_RESERVED');
    await refused('System', 409, 'NAME_RESERVED');
    await refused('Lin Xiuhe', 409, 'NAME_RESERVED');
    await refused('\u200b\u200b\u200b', 400, 'BLANK_TEXT');
    await refused('\u202e\u202d', 400, 'BLANK_TEXT');
    await refused('\u0000', 400, 'BLANK_TEXT');
    await refused('Ann\ud800', 400, 'INVALID_TEXT');
    expect((await seat(A, '\u202eA\u200bnn\u0000  Lee')).status).toBe(201);
    expect((await seat(B, 'Zoe\u0301')).status).toBe(201);
    const info = RoomInfoSchema.parse((await api(server.url, `/api/rooms/${created.body.code}`)).body);
    expect(info.seats.find((s) => s.seat === A)?.name).toBe('Ann Lee');
    expect(info.seats.find((s) => s.seat === B)?.name).toBe('Zoé');
  });

  it('refuses blank and broken chat lines from a connection, whatever the phase', async () => {
    const room = await seatedRoom(server.url, STORY, [A, B]);
    const c = await TestClient.connect(server.url, { roomId: room.room.roomId, token: room.tokens.get(A) });
    clients.push(c);
    const version = (await server.store.loadRoom(room.room.roomId))!.version;
    for (const [text, code] of [
      ['\u200b', 'BLANK_TEXT'],
      ['\u0000', 'BLANK_TEXT'],
      ['\u202e \u2066', 'BLANK_TEXT'],
      ['hi \udc00', 'INVALID_TEXT'],
    ] as const)
      expect(await c.command({ type: 'PUBLIC_MESSAGE', text }), JSON.stringify(text)).toMatchObject({
        ok: false,
        error: { code },
      });
    expect((await server.store.loadRoom(room.room.roomId))!.version).toBe(version);
  });
});
