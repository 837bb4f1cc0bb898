/**
 * Token buckets per key: `perSecond` points a second, up to `burst` saved. Synchronous on purpose: a flood
 * of events costs one map lookup each, not a promise per event as an async limiter does.
 */
export class CommandBudget {
  private readonly buckets = new Map<string, { points: number; at: number }>();

  constructor(
    private readonly perSecond: number,
    private readonly burst = perSecond,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Takes one point; false when the key has none left (nothing is taken then). */
  take(key: string): boolean {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { points: this.burst, at: now };
    bucket.points = Math.min(this.burst, bucket.points + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.points < 1) return false;
    bucket.points -= 1;
    return true;
  }

  /** Drops a key's bucket (its connection closed): the map holds live keys only. */
  forget(key: string): void {
    this.buckets.delete(key);
  }
}
