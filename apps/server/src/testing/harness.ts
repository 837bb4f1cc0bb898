import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AiVoices, CreateRoomResponse, TakeSeatResponse } from '@jubensha/protocol';
import type { AiHost } from '../ai-host.js';
import type { AiSeats } from '../ai-seats.js';
import type { Clock } from '../clock.js';
import { ConfigSchema, type Config } from '../config.js';
import { createLogger } from '../logger.js';
import { startServer, type GameServer } from '../server.js';
import { StoryCatalog } from '../story-catalog.js';

export const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
export const STORIES_DIR = join(REPO, 'scripts-stories');

let catalog: Promise<StoryCatalog> | null = null;
/** The bundled stories, loaded once per test file. */
export function bundledCatalog(): Promise<StoryCatalog> {
  catalog ??= StoryCatalog.load(STORIES_DIR, (m) => {
    throw new Error(m);
  });
  return catalog;
}

/** Limits high enough that only the tests about limits meet them. */
export const TEST_ENV = {
  RATE_ROOMS_PER_MINUTE: 10_000,
  RATE_LOOKUPS_PER_MINUTE: 100_000,
  RATE_COMMANDS_PER_SECOND: 100_000,
  RATE_SEAT_COMMANDS_PER_SECOND: 100_000,
  MAX_SOCKETS_PER_ADDRESS: 10_000,
  LOG_LEVEL: 'silent',
  PORT: 0,
  SHUTDOWN_GRACE_SECONDS: 5,
  // The vote opens with the last statement, as the server's own tests drive it (the e2e tests see the wait).
  STATEMENT_READ_SECONDS: 0,
  // The real process's AI seats stay idle in the server's own tests; agents-game.test.ts plugs them in.
  JUBENSHA_AI_SEATS: 'idle',
  // Authored lines, not the bundled model, whatever the developer's shell sets.
  JUBENSHA_LLM: 'none',
};

export async function tempDir(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'jubensha-server-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export interface TestServer extends GameServer {
  url: string;
}

export async function startTestServer(
  dataDir: string,
  opts: {
    clock?: Clock;
    env?: Partial<Record<keyof Config, unknown>>;
    aiSeats?: AiSeats;
    aiHost?: AiHost;
    aiVoices?: AiVoices;
  } = {},
): Promise<TestServer> {
  const config = ConfigSchema.parse({
    ...TEST_ENV,
    DATA_DIR: dataDir,
    STORIES_DIR,
    WEB_DIR: join(dataDir, 'no-web'),
    ...opts.env,
  });
  const server = await startServer({
    config,
    catalog: await bundledCatalog(),
    log: createLogger('silent'),
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(opts.aiSeats ? { aiSeats: opts.aiSeats } : {}),
    ...(opts.aiHost ? { aiHost: opts.aiHost } : {}),
    ...(opts.aiVoices ? { aiVoices: opts.aiVoices } : {}),
  });
  return Object.assign(server, { url: `http://127.0.0.1:${server.port}` });
}

export async function api<T>(
  url: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(url + path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: the web page, metrics
  }
  return { status: res.status, body: parsed as T };
}

export interface SeatedRoom {
  room: CreateRoomResponse;
  /** seat → its token */
  tokens: Map<string, string>;
}

/** Creates a room with these human seats (the rest AI) and takes every human seat. */
export async function seatedRoom(
  url: string,
  storyId: string,
  humans: string[],
  language = 'zh',
): Promise<SeatedRoom> {
  const created = await api<CreateRoomResponse>(url, '/api/rooms', {
    storyId,
    language,
    seats: humans.map((seat) => ({ seat, controller: 'human' })),
  });
  if (created.status !== 201)
    throw new Error(`create room: ${created.status} ${JSON.stringify(created.body)}`);
  const tokens = new Map<string, string>();
  for (const seat of humans) {
    const r = await api<TakeSeatResponse>(url, `/api/rooms/${created.body.code}/seats/${seat}`, {
      name: `P-${seat}`,
    });
    if (r.status !== 201) throw new Error(`take seat ${seat}: ${r.status} ${JSON.stringify(r.body)}`);
    tokens.set(seat, r.body.seatToken);
  }
  return { room: created.body, tokens };
}
