import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import {
  CreateRoomRequestSchema,
  RoomCodeSchema,
  TakeSeatRequestSchema,
  gameError,
  type ApiError,
  type ErrorCode,
  type ListStoriesResponse,
  RefSchema,
} from '@jubensha/protocol';
import type { Logger } from 'pino';
import type { Metrics } from './metrics.js';
import { take, type RateLimits } from './rate-limits.js';
import type { Rooms } from './rooms.js';
import { metricsAllowed, securityHeaders } from './security.js';
import type { StoryCatalog } from './story-catalog.js';
import { cleanName } from './text-input.js';

export interface HttpDeps {
  catalog: StoryCatalog;
  rooms: Rooms;
  limits: RateLimits;
  metrics: Metrics;
  log: Logger;
  webDir: string;
  ready: () => boolean;
  /** GET /metrics needs this bearer token; unset: loopback addresses only. */
  metricsToken?: string | undefined;
}

const STATUS: Partial<Record<ErrorCode, number>> = {
  BAD_PAYLOAD: 400,
  UNKNOWN_SEAT: 400,
  LANGUAGE_NOT_SUPPORTED: 400,
  INVALID_TEXT: 400,
  BLANK_TEXT: 400,
  UNAUTHORIZED: 401,
  ROOM_NOT_FOUND: 404,
  STORY_NOT_FOUND: 404,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

function sendError(res: Response, code: ErrorCode, status = STATUS[code] ?? 409): void {
  const body: ApiError = { error: gameError(code) };
  res.status(status).json(body);
}

const address = (req: Request) => req.socket.remoteAddress ?? 'unknown';

/** Room codes are typed by people: accept lower case and stray spaces. */
function parseCode(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const r = RoomCodeSchema.safeParse(raw.trim().toUpperCase());
  return r.success ? r.data : null;
}

const NOT_BUILT = `<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>剧本杀 · jubensha</title></head>
<body>
<h1>网页客户端尚未构建</h1>
<p>服务器正在运行，但还没有构建网页客户端（apps/web/dist）。构建后重启服务器即可在此处游玩。</p>
<h1 lang="en">The web client is not built</h1>
<p lang="en">The server is running, but the web client (apps/web/dist) has not been built yet. Build it and it is served here.</p>
<p><a href="/api/stories">/api/stories</a> · <a href="/healthz">/healthz</a></p>
</body></html>`;

export function createHttpApp(deps: HttpDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders());
  app.use(express.json({ limit: '16kb', strict: true, type: ['application/json'] }));

  app.get('/healthz', (_req, res) => {
    res.type('text/plain').send('ok');
  });
  app.get('/readyz', (_req, res) => {
    if (deps.ready()) res.type('text/plain').send('ready');
    else res.status(503).type('text/plain').send('not ready');
  });
  app.get('/metrics', async (req, res) => {
    if (!metricsAllowed(req, deps.metricsToken)) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      return sendError(res, 'UNAUTHORIZED');
    }
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });

  app.get('/api/stories', (_req, res) => {
    const body: ListStoriesResponse = { stories: deps.catalog.summaries() };
    res.json(body);
  });

  app.post('/api/rooms', async (req, res) => {
    if (!deps.ready()) return sendError(res, 'UNAVAILABLE');
    if (!(await take(deps.limits.rooms, address(req)))) return sendError(res, 'RATE_LIMITED');
    const parsed = CreateRoomRequestSchema.safeParse(req.body);
    if (!parsed.success) return sendError(res, 'BAD_PAYLOAD');
    const r = await deps.rooms.create(parsed.data);
    if (!r.ok) return sendError(res, r.error.code, r.status);
    deps.log.info({ roomId: r.response.roomId, storyId: parsed.data.storyId }, 'room created');
    res.status(201).json(r.response);
  });

  app.get('/api/rooms/:code', async (req, res) => {
    if (!(await take(deps.limits.lookups, address(req)))) return sendError(res, 'RATE_LIMITED');
    const code = parseCode(req.params.code);
    const room = code ? await deps.rooms.byCode(code) : null;
    if (!room) return sendError(res, 'ROOM_NOT_FOUND');
    res.json(room.info());
  });

  app.post('/api/rooms/:code/seats/:seat', async (req, res) => {
    if (!deps.ready()) return sendError(res, 'UNAVAILABLE');
    if (!(await take(deps.limits.lookups, address(req)))) return sendError(res, 'RATE_LIMITED');
    const code = parseCode(req.params.code);
    const room = code ? await deps.rooms.byCode(code) : null;
    if (!room) return sendError(res, 'ROOM_NOT_FOUND');
    const seat = RefSchema.safeParse(req.params.seat);
    const body = TakeSeatRequestSchema.safeParse(req.body);
    if (!seat.success || !body.success) return sendError(res, 'BAD_PAYLOAD');
    const name = cleanName(body.data.name, room.story, seat.data);
    if (!name.ok) return sendError(res, name.error.code);
    const r = await room.takeSeat(seat.data, name.value);
    if (!r.ok) return sendError(res, r.error.code);
    res.status(201).json({ roomId: room.id, seat: seat.data, seatToken: r.token, version: r.version });
  });

  app.use('/api', (_req, res) => sendError(res, 'BAD_PAYLOAD', 404));

  const webDir = resolve(deps.webDir);
  app.use(express.static(webDir, { index: 'index.html', fallthrough: true }));
  // The web app routes on the client (/join/CODE, ...): any other GET gets its index.html.
  app.get(/.*/, (_req, res) => {
    const index = join(webDir, 'index.html');
    if (existsSync(index)) res.sendFile(index);
    else res.status(200).type('html').send(NOT_BUILT);
  });

  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const type = (err as { type?: unknown }).type;
    if (type === 'entity.too.large') return sendError(res, 'BAD_PAYLOAD', 413);
    if (typeof type === 'string' && type.startsWith('entity.')) return sendError(res, 'BAD_PAYLOAD', 400);
    if (type === 'charset.unsupported' || type === 'encoding.unsupported')
      return sendError(res, 'BAD_PAYLOAD', 415);
    deps.log.error({ err }, 'request failed');
    sendError(res, 'UNAVAILABLE', 500);
  });
  return app;
}
