/** @jubensha/server: the game server. `startServer` for embedding and tests; `main.ts` for `npm start`. */
export { startServer, type GameServer, type ServerOptions } from './server.js';
export { configFromEnv, ConfigError, ConfigSchema, type Config } from './config.js';
export { idleAiSeats, type AiSeats, type AiSeatContext } from './ai-seats.js';
export { systemClock, type Clock } from './clock.js';
export { StoryCatalog } from './story-catalog.js';
export type { StoredSeatConfig } from './rooms.js';
