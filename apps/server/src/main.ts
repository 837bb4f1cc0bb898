import { agentSeatsFromEnv } from '@jubensha/agents';
import { ConfigError, configFromEnv } from './config.js';
import { aiTelemetry } from './ai-telemetry.js';
import { createLogger } from './logger.js';
import { Metrics } from './metrics.js';
import { startServer } from './server.js';

/** `npm start`: the server from the environment, stopped gracefully by SIGTERM or SIGINT. */
async function main(): Promise<void> {
  let config;
  try {
    config = configFromEnv(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger(config.LOG_LEVEL);
  // One set of metrics for the server and its agents: AI lines and failures show on /metrics.
  const metrics = new Metrics();
  // AI seats play through @jubensha/agents with the model JUBENSHA_LLM configures (authored lines only
  // without one); JUBENSHA_AI_SEATS=idle leaves them to deadlines and the host, as the tests of the
  // server's own guarantees (crash, replay) need.
  let ai;
  try {
    ai =
      process.env['JUBENSHA_AI_SEATS'] === 'idle'
        ? null
        : await agentSeatsFromEnv(
            process.env,
            {},
            {
              observer: aiTelemetry(log, metrics),
              ...(config.AI_TYPING_CHARS_PER_SECOND > 0
                ? { typing: { charsPerSecond: config.AI_TYPING_CHARS_PER_SECOND, maxMs: 4_000 } }
                : {}),
            },
          );
  } catch (err) {
    // A bad JUBENSHA_LLM configuration is a bad environment, like any other: exit code 2.
    if (err instanceof Error && (err as { code?: unknown }).code === 'CONFIG_INVALID') {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  if (ai) log.info({ aiVoices: ai.voices, model: ai.description }, 'AI seats');
  // The AI host narrates every room, with AI seats or without: phase changes, reminders and hints help
  // any table and need no model; its debrief tells the lies of whatever AI characters there were.
  const server = await startServer({
    config,
    log,
    metrics,
    ...(ai ? { aiSeats: ai.driver, aiHost: ai.host, aiVoices: ai.voices } : {}),
  });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    server.close().then(
      async () => {
        await ai?.close();
        process.exit(0);
      },
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  console.error('the server could not start:', err);
  process.exit(1);
});
