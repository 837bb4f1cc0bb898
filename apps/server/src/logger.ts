import { pino, type Logger } from 'pino';

/**
 * Tokens, prompts and story secrets never reach the log: whatever path they sit under in a logged
 * object, these keys are censored. Commands are logged by type only (their text is players' speech).
 */
export const REDACTED_KEYS = [
  'token',
  'hostToken',
  'seatToken',
  'auth',
  'authorization',
  'cookie',
  'prompt',
  'prompts',
  'secret',
  'secrets',
  'text',
  'view',
];

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  const paths = REDACTED_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);
  const options = { level, redact: { paths, censor: '[redacted]' }, base: { service: 'jubensha-server' } };
  return destination ? pino(options, destination) : pino(options);
}
