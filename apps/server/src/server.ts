import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SqliteMatchStore, type MatchStore } from '@jubensha/storage';
import type { AiVoices } from '@jubensha/protocol';
import type { Logger } from 'pino';
import type { Server as IoServer } from 'socket.io';
import { silentAiHost, type AiHost } from './ai-host.js';
import { aiTelemetry } from './ai-telemetry.js';
import { idleAiSeats, type AiSeats } from './ai-seats.js';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { createHttpApp } from './http-app.js';
import { createLogger } from './logger.js';
import { Metrics } from './metrics.js';
import { RateLimits } from './rate-limits.js';
import { Rooms } from './rooms.js';
import { createSocketServer } from './socket-server.js';
import { StoryCatalog } from './story-catalog.js';

export interface ServerOptions {
  config: Config;
  /** Defaults: stories from STORIES_DIR, SQLite under DATA_DIR, the system clock, idle AI seats, a silent AI host. */
  catalog?: StoryCatalog;
  store?: MatchStore;
  clock?: Clock;
  aiSeats?: AiSeats;
  aiHost?: AiHost;
  /** How the AI seats speak (default `authored-lines`: no language model configured). */
  aiVoices?: AiVoices;
  log?: Logger;
  /** The server's metrics (default: new ones); main.ts shares them with the agents' observer. */
  metrics?: Metrics;
}

export interface GameServer {
  readonly port: number;
  readonly rooms: Rooms;
  readonly metrics: Metrics;
  readonly store: MatchStore;
  readonly log: Logger;
  /** Graceful stop: refuse new work, let queued commands reach the store, close sockets and the store. */
  close(): Promise<void>;
}

/**
 * Opens the store, loads the stories, restores every unfinished room (deadlines re-armed), then
 * listens: REST and socket.io on one port. /readyz turns ready only after the restore.
 */
export async function startServer(options: ServerOptions): Promise<GameServer> {
  const { config } = options;
  const log = options.log ?? createLogger(config.LOG_LEVEL);
  const metrics = options.metrics ?? new Metrics();
  const clock = options.clock ?? systemClock;
  const catalog = options.catalog ?? (await StoryCatalog.load(config.STORIES_DIR, (msg) => log.warn(msg)));
  if (catalog.size === 0) throw new Error(`no playable story in ${config.STORIES_DIR}`);
  const store = options.store ?? (await SqliteMatchStore.open({ dataDir: config.DATA_DIR }));
  const rooms = new Rooms(catalog, {
    store,
    clock,
    metrics,
    log,
    aiSeats: options.aiSeats ?? idleAiSeats,
    aiHost: options.aiHost ?? silentAiHost,
    aiVoices: options.aiVoices ?? 'authored-lines',
    statementReadMs: config.STATEMENT_READ_SECONDS * 1000,
    snapshotEvery: config.SNAPSHOT_EVERY,
    aiFailure: aiTelemetry(log, metrics).failure,
  });
  let state: 'starting' | 'ready' | 'stopping' = 'starting';
  const limits = new RateLimits(config);

  const app = createHttpApp({
    catalog,
    rooms,
    limits,
    metrics,
    log,
    webDir: config.WEB_DIR,
    ready: () => state === 'ready',
    metricsToken: config.METRICS_TOKEN,
  });
  const http: HttpServer = createServer(app);
  // A slow or stalled client cannot hold a request open forever.
  http.requestTimeout = 30_000;
  http.headersTimeout = 20_000;
  const io: IoServer = createSocketServer(http, {
    config,
    rooms,
    limits,
    metrics,
    log,
    accepting: () => state === 'ready',
  });

  const restored = await rooms.restoreAll();
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.PORT, config.HOST, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  state = 'ready';
  log.info(
    { port, host: config.HOST, stories: catalog.size, restored, publicUrl: config.PUBLIC_URL },
    'listening',
  );

  let closing: Promise<void> | null = null;
  return {
    port,
    rooms,
    metrics,
    store,
    log,
    close() {
      closing ??= (async () => {
        state = 'stopping';
        const grace = new Promise<void>((r) => setTimeout(r, config.SHUTDOWN_GRACE_SECONDS * 1000).unref());
        await Promise.race([rooms.close(), grace]);
        const closed = new Promise<void>((r) => void io.close(() => r()));
        // Idle keep-alive HTTP connections would hold the close open until they time out.
        http.closeAllConnections();
        await closed;
        if (!options.store) await store.close();
        log.info('stopped');
      })();
      return closing;
    },
  };
}
