import { z } from 'zod';

const int = (def: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(def);

/** Everything the server reads from its environment, checked once at start-up. */
export const ConfigSchema = z.object({
  PORT: int(3000, 0, 65535),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('.data'),
  STORIES_DIR: z.string().min(1).default('scripts-stories'),
  WEB_DIR: z.string().min(1).default('apps/web/dist'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Where players reach the server, for invite links in logs; the API answers paths only. */
  PUBLIC_URL: z.url().optional(),
  /** Rooms one address may create per minute. */
  RATE_ROOMS_PER_MINUTE: int(10, 1, 100_000),
  /** Room-code lookups (room info, taking a seat, refused handshakes) per address per minute. */
  RATE_LOOKUPS_PER_MINUTE: int(60, 1, 1_000_000),
  /** Commands one connection may send per second. */
  RATE_COMMANDS_PER_SECOND: int(20, 1, 100_000),
  /** Commands one seat (or the host) may send per second over all its connections. */
  RATE_SEAT_COMMANDS_PER_SECOND: int(20, 1, 100_000),
  /** Connections one address may hold open. */
  MAX_SOCKETS_PER_ADDRESS: int(64, 1, 100_000),
  /** Seconds to wait on SIGTERM for queued commands to reach the store before closing anyway. */
  SHUTDOWN_GRACE_SECONDS: int(10, 0, 600),
  /**
   * Seconds the final statements stay on screen after the last one before the vote opens (the host can
   * move on sooner); 0 opens the vote with the last statement. Set per room when it is created.
   */
  STATEMENT_READ_SECONDS: int(20, 0, 600),
  /**
   * How fast an AI seat's line appears at the table, in characters per second (a long line still within
   * four seconds); 0 shows each checked piece as soon as the model wrote it.
   */
  AI_TYPING_CHARS_PER_SECOND: int(40, 0, 10_000),
  /**
   * A room stores its whole state with every this many commands and at each phase change; the commands
   * between are stored alone (cheap at any game length) and replayed on restore. 1: with every command.
   */
  SNAPSHOT_EVERY: int(50, 1, 100_000),
  /**
   * Bearer token for GET /metrics (`Authorization: Bearer …`). Unset: /metrics answers loopback
   * addresses only.
   */
  METRICS_TOKEN: z.string().min(16).max(256).optional(),
});
export type Config = z.infer<typeof ConfigSchema>;

const SECRETS = new Set(['METRICS_TOKEN']);

/** Parses the environment; on a bad value throws one readable message naming every bad variable. */
export function configFromEnv(env: Record<string, string | undefined>): Config {
  const picked = Object.fromEntries(
    Object.keys(ConfigSchema.shape).flatMap((k) =>
      env[k] === undefined || env[k] === '' ? [] : [[k, env[k]]],
    ),
  );
  const r = ConfigSchema.safeParse(picked);
  if (r.success) return r.data;
  const lines = r.error.issues.map((i) => {
    const key = String(i.path[0]);
    // A secret stays out of the error (it goes to stderr and on into logs): only its length.
    const got = SECRETS.has(key) ? `${String(picked[key]).length} characters` : JSON.stringify(picked[key]);
    return `  ${i.path.join('.')}: ${i.message} (got ${got})`;
  });
  throw new ConfigError(`invalid server configuration:\n${lines.join('\n')}`);
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}
