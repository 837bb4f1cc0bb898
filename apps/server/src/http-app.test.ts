import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createGame } from '@jubensha/engine';
import { leaks, secretTexts } from '@jubensha/engine/testing';
import {
  ApiErrorSchema,
  CreateRoomResponseSchema,
  DEFAULT_HINT_LEVEL,
  ListStoriesResponseSchema,
  RoomInfoSchema,
  TakeSeatResponseSchema,
  type CreateRoomResponse,
} from '@jubensha/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, bundledCatalog, startTestServer, tempDir, type TestServer } from './testing/harness.js';
import { TestClient } from './testing/test-client.js';
import { hashToken } from './tokens.js';

let server: TestServer;
let dir: Awaited<ReturnType<typeof tempDir>>;
const STORY = 'rain-tea-hills';
const [A, B] = ['lin-jiadong', 'lin-xiuhe'] as const;

beforeAll(async () => {
  dir = await tempDir();
  server = await startTestServer(dir.dir);
});
afterAll(async () => {
  await server.close();
  await dir.remove();
});

const errorCode = (body: unknown) => ApiErrorSchema.parse(body).error.code;

async function raw(path: string, body: string, type = 'application/json') {
  const res = await fetch(server.url + path, { method: 'POST', headers: { 'content-type': type }, body });
  return { status: res.status, body: (await res.json()) as unknown };
}

describe('REST', () => {
  it('lists both stories with their public box text only', async () => {
    const r = await api(server.url, '/api/stories');
    expect(r.status).toBe(200);
    const { stories } = ListStoriesResponseSchema.parse(r.body);
    expect(stories.map((s) => s.id).sort()).toEqual(['last-curtain', 'rain-tea-hills']);
    for (const summary of stories) {
      const story = (await bundledCatalog()).get(summary.id)!;
      expect(summary.seats.map((s) => s.seat)).toEqual(story.characters.map((c) => c.id));
      const lobby = createGame(story, { seed: 1, seats: {}, at: 0 }).context;
      expect(leaks(secretTexts(story), lobby, { kind: 'spectator' }, summary)).toEqual([]);
    }
  });

  it('creates a room: a typeable code, a host token whose hash alone is stored, an invite path', async () => {
    const r = await api<CreateRoomResponse>(server.url, '/api/rooms', {
      storyId: STORY,
      language: 'en',
      seats: [
        { seat: A, controller: 'human' },
        { seat: B, controller: 'human' },
      ],
    });
    expect(r.status).toBe(201);
    const created = CreateRoomResponseSchema.parse(r.body);
    expect(created.invitePath).toBe(`/join/${created.code}`);
    const meta = (await server.store.loadRoom(created.roomId))!.meta;
    expect(meta.hostTokenHash).toBe(hashToken(created.hostToken));
    expect(JSON.stringify(meta)).not.toContain(created.hostToken);

    const info = await api(server.url, `/api/rooms/${created.code.toLowerCase()}`);
    expect(info.status).toBe(200);
    const room = RoomInfoSchema.parse(info.body);
    expect(room).toMatchObject({
      roomId: created.roomId,
      status: 'lobby',
      language: 'en',
      hostOnline: false,
      // No language model in these tests: AI seats speak authored lines, and the room says so.
      aiVoices: 'authored-lines',
    });
    // No hint level asked for: the default.
    expect(meta.seatConfig).toMatchObject({ hintLevel: DEFAULT_HINT_LEVEL });
    const quiet = await api<CreateRoomResponse>(server.url, '/api/rooms', {
      storyId: STORY,
      language: 'zh',
      seats: [],
      hintLevel: 0,
    });
    expect(quiet.status).toBe(201);
    expect((await server.store.loadRoom(quiet.body.roomId))!.meta.seatConfig).toMatchObject({ hintLevel: 0 });
    expect(room.seats.filter((s) => s.controller === 'human').map((s) => s.seat)).toEqual([A, B]);

    const took = await api(server.url, `/api/rooms/${created.code}/seats/${A}`, { name: '  Ann  ' });
    expect(took.status).toBe(201);
    const seat = TakeSeatResponseSchema.parse(took.body);
    expect((await server.store.loadRoom(created.roomId))!.meta.seatTokenHashes[A]).toBe(
      hashToken(seat.seatToken),
    );
    const after = RoomInfoSchema.parse((await api(server.url, `/api/rooms/${created.code}`)).body);
    expect(after.seats.find((s) => s.seat === A)).toMatchObject({ taken: true, name: 'Ann', online: false });

    const again = await api(server.url, `/api/rooms/${created.code}/seats/${A}`, { name: 'Bob' });
    expect([again.status, errorCode(again.body)]).toEqual([409, 'SEAT_TAKEN']);
    const ai = await api(server.url, `/api/rooms/${created.code}/seats/lin-xiaozhou`, { name: 'Bob' });
    expect([ai.status, errorCode(ai.body)]).toEqual([409, 'SEAT_IS_AI']);
    const none = await api(server.url, `/api/rooms/${created.code}/seats/nobody`, { name: 'Bob' });
    expect([none.status, errorCode(none.body)]).toEqual([400, 'UNKNOWN_SEAT']);
    const blank = await api(server.url, `/api/rooms/${created.code}/seats/${B}`, { name: '   ' });
    expect([blank.status, errorCode(blank.body)]).toEqual([400, 'BAD_PAYLOAD']);
  });

  it('answers bad requests with typed errors and creates nothing', async () => {
    const before = (await server.store.listUnfinishedRooms()).length;
    const cases: [string, string | unknown, number, string][] = [
      ['/api/rooms', '{not json', 400, 'BAD_PAYLOAD'],
      ['/api/rooms', { storyId: STORY, language: 'fr', seats: [] }, 400, 'BAD_PAYLOAD'],
      ['/api/rooms', { storyId: 'nope', language: 'zh', seats: [] }, 404, 'STORY_NOT_FOUND'],
      [
        '/api/rooms',
        { storyId: STORY, language: 'zh', seats: [{ seat: 'ghost', controller: 'human' }] },
        400,
        'UNKNOWN_SEAT',
      ],
      ['/api/rooms', { storyId: STORY, language: 'zh', seats: {} }, 400, 'BAD_PAYLOAD'],
      ['/api/rooms', { storyId: STORY, language: 'zh', seats: [], hintLevel: 3 }, 400, 'BAD_PAYLOAD'],
      [
        '/api/rooms',
        '{"storyId":"rain-tea-hills","language":"zh","seats":[],"__proto__":{"admin":true}}',
        400,
        'BAD_PAYLOAD',
      ],
      [
        '/api/rooms',
        { storyId: STORY, language: 'zh', seats: [], blurb: 'x'.repeat(40_000) },
        413,
        'BAD_PAYLOAD',
      ],
      ['/api/rooms/ABCDEFGH/seats/a', { name: 'x' }, 404, 'ROOM_NOT_FOUND'],
      ['/api/nothing', {}, 404, 'BAD_PAYLOAD'],
    ];
    for (const [path, body, status, code] of cases) {
      const r = typeof body === 'string' ? await raw(path, body) : await api(server.url, path, body);
      expect([path, r.status, errorCode(r.body)]).toEqual([path, status, code]);
    }
    for (const code of ['ABCDEFGH', 'abc', 'O0O0O0O0', '../../etc', '%00']) {
      const r = await api(server.url, `/api/rooms/${encodeURIComponent(code)}`);
      expect([r.status, errorCode(r.body)]).toEqual([404, 'ROOM_NOT_FOUND']);
    }
    expect((await server.store.listUnfinishedRooms()).length).toBe(before);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('health, readiness and metrics', async () => {
    expect((await api(server.url, '/healthz')).status).toBe(200);
    expect((await api(server.url, '/readyz')).status).toBe(200);
    const m = await api<string>(server.url, '/metrics');
    for (const name of [
      'jubensha_rooms',
      'jubensha_sockets',
      'jubensha_command_seconds_bucket',
      'jubensha_commands_rejected_total',
      'nodejs_eventloop_lag_seconds',
    ])
      expect(m.body).toContain(name);
    expect(m.body).toMatch(/jubensha_commands_rejected_total\{code="SEAT_TAKEN"\} [1-9]/);
  });

  it('rate limits room creation and code lookups per address', async () => {
    const d = await tempDir();
    const s = await startTestServer(d.dir, { env: { RATE_ROOMS_PER_MINUTE: 3, RATE_LOOKUPS_PER_MINUTE: 5 } });
    try {
      const body = { storyId: STORY, language: 'zh', seats: [] };
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await api(s.url, '/api/rooms', body)).status);
      expect(statuses).toEqual([201, 201, 201, 429, 429]);
      const lookups = [];
      for (let i = 0; i < 8; i++) lookups.push((await api(s.url, '/api/rooms/ABCDEFGH')).status);
      expect(lookups).toEqual([404, 404, 404, 404, 404, 429, 429, 429]);
      expect(errorCode((await api(s.url, '/api/rooms/ABCDEFGH')).body)).toBe('RATE_LIMITED');
      // The same address cannot go on guessing through socket handshakes either.
      const refused = await TestClient.connect(s.url, { roomId: 'r-guess' }).catch(
        (e: { data?: { code?: string } }) => e.data?.code,
      );
      expect(refused).toBe('RATE_LIMITED');
    } finally {
      await s.close();
      await d.remove();
    }
  });
});

describe('connections per address', () => {
  it('are capped, and a closed one frees its place', async () => {
    const d = await tempDir();
    const s = await startTestServer(d.dir, { env: { MAX_SOCKETS_PER_ADDRESS: 2 } });
    try {
      const created = await api<CreateRoomResponse>(s.url, '/api/rooms', {
        storyId: STORY,
        language: 'zh',
        seats: [],
      });
      const auth = { roomId: created.body.roomId };
      const one = await TestClient.connect(s.url, auth);
      const two = await TestClient.connect(s.url, auth);
      const third = await TestClient.connect(s.url, auth).catch(
        (e: { data?: { code?: string } }) => e.data?.code,
      );
      expect(third).toBe('RATE_LIMITED');
      one.close();
      // The server learns of the close a moment later: try again until it has.
      let again: TestClient | null = null;
      for (let i = 0; i < 50 && !again; i++)
        again = await TestClient.connect(s.url, auth).catch(
          () => new Promise<null>((r) => setTimeout(() => r(null), 20)),
        );
      expect(again?.view).not.toBeNull();
      two.close();
      again?.close();
    } finally {
      await s.close();
      await d.remove();
    }
  });
});

describe('the web app', () => {
  it('says the web client is not built when apps/web/dist is missing', async () => {
    const r = await api<string>(server.url, '/');
    expect(r.status).toBe(200);
    expect(r.body).toContain('web client is not built');
    expect(r.body).toContain('网页客户端尚未构建');
  });

  it('serves the built app, with its index for client-side routes', async () => {
    const d = await tempDir();
    const web = join(d.dir, 'web');
    await mkdir(join(web, 'assets'), { recursive: true });
    await writeFile(join(web, 'index.html'), '<!doctype html><title>app</title><div id="root"></div>');
    await writeFile(join(web, 'assets', 'app.js'), 'console.log(1)');
    const s = await startTestServer(d.dir, { env: { WEB_DIR: web } });
    try {
      expect((await api<string>(s.url, '/')).body).toContain('<div id="root">');
      expect((await api<string>(s.url, '/join/ABCDEFGH')).body).toContain('<div id="root">');
      expect((await api<string>(s.url, '/assets/app.js')).body).toBe('console.log(1)');
      // The API keeps its own answers.
      expect((await api(s.url, '/api/stories')).status).toBe(200);
    } finally {
      await s.close();
      await d.remove();
    }
  });
});
