import { LlmError } from './errors.js';

interface Job<W> {
  room: string;
  affinity: string | undefined;
  signal: AbortSignal | undefined;
  run: (worker: W) => Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
  onAbort: () => void;
}

/**
 * Hands model sessions to jobs. Queued jobs are served round-robin across rooms, so one busy game table
 * cannot starve another; within a room, first come first served. A job with an affinity key (a character's
 * prefix-cache key) goes back to the session that served that key last when it is free, since that session
 * holds the cached prefix.
 */
export class FairScheduler<W> {
  private readonly idle: W[];
  private readonly queues = new Map<string, Job<W>[]>();
  private readonly rotation: string[] = [];
  private readonly lastServed = new Map<string, W>();
  private closed = false;

  constructor(workers: readonly W[]) {
    this.idle = [...workers];
  }

  /** Jobs waiting for a session. */
  get queued(): number {
    let n = 0;
    for (const queue of this.queues.values()) n += queue.length;
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
  ): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.closed) return reject(new LlmError('BACKEND_UNAVAILABLE', 'the model is closed'));
      if (signal?.aborted) return reject(new LlmError('CANCELLED', 'cancelled before it was queued'));
      const job: Job<W> = {
        room,
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
      let queue = this.queues.get(room);
      if (!queue) {
        queue = [];
        this.queues.set(room, queue);
        this.rotation.push(room);
      }
      queue.push(job);
      this.dispatch();
    });
  }

  /** Rejects everything queued; running jobs finish (their owners cancel them). */
  close(): void {
    this.closed = true;
    for (const queue of this.queues.values()) {
      for (const job of queue.splice(0)) {
        job.signal?.removeEventListener('abort', job.onAbort);
        job.reject(new LlmError('CANCELLED', 'the model was closed'));
      }
    }
    this.queues.clear();
    this.rotation.length = 0;
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.rotation.length > 0) {
      const room = this.rotation.shift() as string;
      const queue = this.queues.get(room) as Job<W>[];
      const job = queue.shift() as Job<W>;
      if (queue.length > 0) this.rotation.push(room);
      else this.queues.delete(room);
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
    const queue = this.queues.get(job.room);
    const index = queue?.indexOf(job) ?? -1;
    if (!queue || index === -1) return false;
    queue.splice(index, 1);
    if (queue.length === 0) {
      this.queues.delete(job.room);
      this.rotation.splice(this.rotation.indexOf(job.room), 1);
    }
    return true;
  }
}
