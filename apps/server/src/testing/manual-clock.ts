import type { Clock } from '../clock.js';

/** A clock tests move by hand: timers fire when `advance` passes their due time, never on their own. */
export class ManualClock implements Clock {
  private timers: { due: number; fn: () => void; live: boolean }[] = [];

  constructor(private t = 1_800_000_000_000) {}

  now(): number {
    return this.t;
  }

  setTimer(ms: number, fn: () => void): { cancel(): void } {
    const timer = { due: this.t + ms, fn, live: true };
    this.timers.push(timer);
    return { cancel: () => (timer.live = false) };
  }

  get pending(): number[] {
    return this.timers.filter((x) => x.live).map((x) => x.due);
  }

  advance(ms: number): void {
    this.t += ms;
    const due = this.timers.filter((x) => x.live && x.due <= this.t);
    this.timers = this.timers.filter((x) => x.live && x.due > this.t);
    for (const x of due) x.fn();
  }
}
