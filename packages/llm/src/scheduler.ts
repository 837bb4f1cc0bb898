import { LlmError } from './errors.js';

interface Job<W> {
  room: string;
  urgent: boolean;
  affinity: string | undefined;
  signal: AbortSignal | undefined;
  run: (worker: W) => Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
  onAbort: () => void;
}

/** Queued jobs of one tier: per room, and the rooms in turn. */
interface Tier<W> {
  queues: Map<string, Job<W>[]>;
  rotation: string[];
}

/**
 * Hands model sessions to jobs. Urgent jobs (a line a person is waiting for) go before all others; within
 * a tier, queued jobs are served round-robin across rooms, so one busy game table cannot starve another,
 * and within a room first come first served. A job with an affinity key (a character's prefix-cache key)
 * goes back to the session that served that key last when it is free, since that session holds the
 * cached prefix.
 */
export class FairScheduler<W> {
  private readonly idle: W[];
  private readonly tiers: [Tier<W>, Tier<W>] = [
    { queues: new Map(), rotation: [] },
    { queues: new Map(), rotation: [] },
  ];
  private readonly lastServed = new Map<string, W>();
  private closed = false;

  constructor(workers: readonly W[]) {
    this.idle = [...workers];
  }

  /** Jobs waiting for a session. */
  get queued(): number {
    let n = 0;
    for (const tier of this.tiers) for (const queue of tier.queues.values()) n += queue.length;
    return n;
  }

  /**
   * Runs `run` on a free session once this job's turn comes. Aborting `signal` while queued rejects with
   * CANCELLED and the job never runs; once running, `run` must watch the signal itself.
   */
  submit(
    room: string,
    signal: AbortSignal | undefined,
    affinity: string | undefined,
    run: (worker: W) => Promise<void>,
    urgent = false,
  ): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.closed) return reject(new LlmError('BACKEND_UNAVAILABLE', 'the model is closed'));
      if (signal?.aborted) return reject(new LlmError('CANCELLED', 'cancelled before it was queued'));
      const job: Job<W> = {
        room,
        urgent,
        affinity,
        signal,
        run,
        resolve,
        reject,
        onAbort: () => {
          if (this.dequeue(job)) reject(new LlmError('CANCELLED', 'cancelled while queued'));
        },
      };
      signal?.addEventListener('abort', job.onAbort, { once: true });
      const tier = this.tier(job);
      let queue = tier.queues.get(room);
      if (!queue) {
        queue = [];
        tier.queues.set(room, queue);
        tier.rotation.push(room);
      }
      queue.push(job);
      this.dispatch();
    });
  }

  /** Rejects everything queued; running jobs finish (their owners cancel them). */
  close(): void {
    this.closed = true;
    for (const tier of this.tiers) {
      for (const queue of tier.queues.values()) {
        for (const job of queue.splice(0)) {
          job.signal?.removeEventListener('abort', job.onAbort);
          job.reject(new LlmError('CANCELLED', 'the model was closed'));
        }
      }
      tier.queues.clear();
      tier.rotation.length = 0;
    }
  }

  private tier(job: Job<W>): Tier<W> {
    return this.tiers[job.urgent ? 0 : 1];
  }

  /** The next job to run: urgent ones first, rooms in turn within a tier. */
  private take(): Job<W> | null {
    for (const tier of this.tiers) {
      const room = tier.rotation.shift();
      if (room === undefined) continue;
      const queue = tier.queues.get(room) as Job<W>[];
      const job = queue.shift() as Job<W>;
      if (queue.length > 0) tier.rotation.push(room);
      else tier.queues.delete(room);
      return job;
    }
    return null;
  }

  private dispatch(): void {
    while (this.idle.length > 0) {
      const job = this.take();
      if (!job) return;
      job.signal?.removeEventListener('abort', job.onAbort);
      const preferred = job.affinity === undefined ? undefined : this.lastServed.get(job.affinity);
      const at = preferred === undefined ? -1 : this.idle.indexOf(preferred);
      const [worker] = this.idle.splice(at === -1 ? 0 : at, 1) as [W];
      if (job.affinity !== undefined) this.lastServed.set(job.affinity, worker);
      // The session is free again before the caller hears the outcome, so a follow-up job can reuse it.
      const release = (): void => {
        this.idle.push(worker);
        if (!this.closed) this.dispatch();
      };
      job.run(worker).then(
        () => {
          release();
          job.resolve();
        },
        (error: unknown) => {
          release();
          job.reject(error);
        },
      );
    }
  }

  private dequeue(job: Job<W>): boolean {
    const tier = this.tier(job);
    const queue = tier.queues.get(job.room);
    const index = queue?.indexOf(job) ?? -1;
    if (!queue || index === -1) return false;
    queue.splice(index, 1);
    if (queue.length === 0) {
      tier.queues.delete(job.room);
      tier.rotation.splice(tier.rotation.indexOf(job.room), 1);
    }
    return true;
  }
}
