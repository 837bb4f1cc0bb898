import type { ServerEvent } from '@jubensha/protocol';

export type StreamEvent = Extract<ServerEvent, { type: 'chat_chunk' | 'chat_end' }>;
export type StreamChannel = StreamEvent['channel'];

/** How fast a line appears: characters per second, but a whole line within maxMs of its first piece. */
export interface TypingPace {
  charsPerSecond: number;
  maxMs: number;
  /** How often a paced line sends its next chunk (default 100 ms). */
  tickMs?: number;
}

/**
 * One AI line on its way to the table as chat_chunk events. Pieces come in while the model writes them (each
 * already past every check, so nothing shown is ever taken back) and go out at once, or at a speaking pace
 * when one is set: a table sees a character talk rather than a paragraph drop in, and a long statement still
 * ends within maxMs. The seat's command is sent only once everything is on screen (`drained`), so the line
 * lands where the table was reading it.
 */
export class LiveLine {
  private readonly chars: string[] = [];
  private sent = 0;
  private index = 0;
  private channel: StreamChannel | null = null;
  private startedAt = 0;
  private whole = false;
  private ended = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private waiters: (() => void)[] = [];

  constructor(
    readonly stream: string,
    private readonly seat: string,
    private readonly send: (event: StreamEvent) => void,
    private readonly pace: TypingPace | null,
    private readonly now: () => number = Date.now,
  ) {}

  /** Everything the line has been given so far (shown, or queued to be). */
  get text(): string {
    return this.chars.join('');
  }

  /** Whether anything has gone out to the table. */
  get shown(): boolean {
    return this.sent > 0;
  }

  /** The next piece of the line, as the model wrote it. */
  push(channel: StreamChannel, piece: string): void {
    if (this.ended || this.whole || !piece) return;
    if (!this.channel) {
      this.channel = channel;
      this.startedAt = this.now();
    }
    this.chars.push(...Array.from(piece));
    this.flush();
  }

  /** Whether `text` on `channel` continues what this line was given: else it must start anew. */
  begins(channel: StreamChannel, text: string): boolean {
    if (!this.channel) return true;
    return sameChannel(this.channel, channel) && text.startsWith(this.text);
  }

  /** The whole line is known: the rest of it is queued, and `drained` resolves once all of it is out. */
  finish(channel: StreamChannel, text: string): Promise<void> {
    const rest = text.slice(this.text.length);
    if (rest) this.push(channel, rest);
    this.whole = true;
    this.flush();
    return this.drained();
  }

  drained(): Promise<void> {
    if (this.sent >= this.chars.length) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** The seat's command was answered: completed false drops what the table saw. */
  end(completed: boolean): void {
    if (this.ended) return;
    this.ended = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.channel && this.sent > 0)
      this.send({ type: 'chat_end', stream: this.stream, seat: this.seat, channel: this.channel, completed });
    this.release();
  }

  private flush(): void {
    if (this.ended || this.timer) return;
    const pending = this.chars.length - this.sent;
    if (pending <= 0) return this.release();
    if (!this.pace || this.pace.charsPerSecond <= 0) {
      this.out(pending);
      return this.release();
    }
    this.out(this.allowance(pending));
    if (this.sent < this.chars.length) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.flush();
      }, this.tick());
      this.timer.unref?.();
    } else this.release();
  }

  /** Characters for this tick: the pace, or more once the whole line is known and maxMs runs short. */
  private allowance(pending: number): number {
    const pace = this.pace as TypingPace;
    const perTick = Math.max(1, Math.ceil((pace.charsPerSecond * this.tick()) / 1000));
    if (!this.whole) return Math.min(pending, perTick);
    const left = this.startedAt + pace.maxMs - this.now();
    const ticks = Math.max(1, Math.floor(left / this.tick()));
    return Math.min(pending, Math.max(perTick, Math.ceil(pending / ticks)));
  }

  private tick(): number {
    return this.pace?.tickMs ?? 100;
  }

  private out(count: number): void {
    if (count <= 0 || !this.channel) return;
    const text = this.chars.slice(this.sent, this.sent + count).join('');
    this.sent += count;
    this.send({
      type: 'chat_chunk',
      stream: this.stream,
      seat: this.seat,
      channel: this.channel,
      index: this.index++,
      text,
    });
  }

  private release(): void {
    if (this.sent < this.chars.length && !this.ended) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}

function sameChannel(a: StreamChannel, b: StreamChannel): boolean {
  return a.kind === b.kind && (a.kind !== 'talk' || (b.kind === 'talk' && a.talk === b.talk));
}
