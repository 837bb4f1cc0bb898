import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from './config.js';

/** Limits per address (room creation, code lookups); commands are budgeted in socket-server.ts. */
export class RateLimits {
  readonly rooms: RateLimiterMemory;
  readonly lookups: RateLimiterMemory;

  constructor(config: Config) {
    this.rooms = new RateLimiterMemory({ points: config.RATE_ROOMS_PER_MINUTE, duration: 60 });
    this.lookups = new RateLimiterMemory({ points: config.RATE_LOOKUPS_PER_MINUTE, duration: 60 });
  }
}

/** Takes one point; false when the key is over its limit. Never throws. */
export async function take(limiter: RateLimiterMemory, key: string): Promise<boolean> {
  try {
    await limiter.consume(key, 1);
    return true;
  } catch (e) {
    if (e instanceof RateLimiterRes) return false;
    throw e;
  }
}

/** Whether the key still has points left, without taking one. */
export async function hasRoom(limiter: RateLimiterMemory, key: string): Promise<boolean> {
  const res = await limiter.get(key);
  return res === null || res.remainingPoints > 0;
}
