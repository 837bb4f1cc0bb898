/**
 * Holds back text that could be the start of a stop string, and cuts the reply at the first stop string.
 * Stop strings are matched in the decoded text, so they work across token boundaries.
 */
export class StopStringFilter {
  private pending = '';
  private readonly longest: number;
  stopped = false;

  constructor(private readonly stops: readonly string[]) {
    this.longest = Math.max(0, ...stops.map((s) => s.length));
  }

  /** Adds decoded text; returns what is now safe to emit. After a stop, `stopped` is true and input is ignored. */
  push(text: string): string {
    if (this.stopped) return '';
    if (this.stops.length === 0) return text;
    this.pending += text;
    let cut = -1;
    for (const stop of this.stops) {
      if (stop === '') continue;
      const at = this.pending.indexOf(stop);
      if (at !== -1 && (cut === -1 || at < cut)) cut = at;
    }
    if (cut !== -1) {
      this.stopped = true;
      const out = this.pending.slice(0, cut);
      this.pending = '';
      return out;
    }
    const keep = this.heldBack();
    const out = this.pending.slice(0, this.pending.length - keep);
    this.pending = this.pending.slice(this.pending.length - keep);
    return out;
  }

  /** The text still held back, released when generation ends without a stop. */
  flush(): string {
    const out = this.stopped ? '' : this.pending;
    this.pending = '';
    return out;
  }

  /** Length of the longest suffix of `pending` that is a proper prefix of some stop string. */
  private heldBack(): number {
    const max = Math.min(this.pending.length, this.longest - 1);
    for (let n = max; n > 0; n--) {
      const tail = this.pending.slice(this.pending.length - n);
      if (this.stops.some((stop) => stop.startsWith(tail))) return n;
    }
    return 0;
  }
}
