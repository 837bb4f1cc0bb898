import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveLine, type StreamEvent } from './live-line.js';

const PUBLIC = { kind: 'public' } as const;

function chunks(events: StreamEvent[]): string[] {
  return events.flatMap((e) => (e.type === 'chat_chunk' ? [e.text] : []));
}

describe('LiveLine', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('without a pace, each piece goes out as it comes, and the whole line ends it', async () => {
    const events: StreamEvent[] = [];
    const line = new LiveLine('s1', 'a', (e) => events.push(e), null);
    line.push(PUBLIC, '我在');
    line.push(PUBLIC, '后台。');
    expect(chunks(events)).toEqual(['我在', '后台。']);
    await line.finish(PUBLIC, '我在后台。你呢？');
    expect(chunks(events)).toEqual(['我在', '后台。', '你呢？']);
    line.end(true);
    expect(events.at(-1)).toEqual({
      type: 'chat_end',
      stream: 's1',
      seat: 'a',
      channel: PUBLIC,
      completed: true,
    });
    expect(events.filter((e) => e.type === 'chat_chunk').map((e) => e.index)).toEqual([0, 1, 2]);
  });

  it('at a pace, the first characters show at once and the rest over time; the line waits until all is out', async () => {
    let now = 0;
    const events: StreamEvent[] = [];
    const line = new LiveLine(
      's2',
      'a',
      (e) => events.push(e),
      { charsPerSecond: 20, maxMs: 10_000 },
      () => now,
    );
    const text = '我那会儿在一号化妆间里对台词，一直到九点。';
    line.push(PUBLIC, text.slice(0, 10));
    expect(chunks(events)).toEqual([text.slice(0, 2)]);
    let drained = false;
    void line.finish(PUBLIC, text).then(() => (drained = true));
    for (let i = 0; i < 5; i++) {
      now += 100;
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(chunks(events).join('')).toBe(text.slice(0, 12));
    expect(drained).toBe(false);
    for (let i = 0; i < 20; i++) {
      now += 100;
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(chunks(events).join('')).toBe(text);
    expect(chunks(events).length).toBeGreaterThan(5);
    expect(drained).toBe(true);
  });

  it('a long line still ends within maxMs of its first piece', async () => {
    let now = 0;
    const events: StreamEvent[] = [];
    const line = new LiveLine(
      's3',
      'a',
      (e) => events.push(e),
      { charsPerSecond: 10, maxMs: 1_000 },
      () => now,
    );
    const text = '长'.repeat(300);
    let drained = false;
    void line.finish(PUBLIC, text).then(() => (drained = true));
    for (let i = 0; i < 11 && !drained; i++) {
      now += 100;
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(drained).toBe(true);
    expect(chunks(events).join('')).toBe(text);
  });

  it('keeps surrogate pairs whole, tells whether a line continues it, and withdraws only what was shown', () => {
    const events: StreamEvent[] = [];
    const line = new LiveLine('s4', 'a', (e) => events.push(e), { charsPerSecond: 10, maxMs: 5_000 });
    line.push(PUBLIC, '𠀀𠀁');
    expect(chunks(events)).toEqual(['𠀀']);
    expect(line.begins(PUBLIC, '𠀀𠀁好')).toBe(true);
    expect(line.begins(PUBLIC, '别的')).toBe(false);
    expect(line.begins({ kind: 'talk', talk: 't1' }, '𠀀𠀁好')).toBe(false);
    line.end(false);
    expect(events.at(-1)).toMatchObject({ type: 'chat_end', completed: false });
    const quiet: StreamEvent[] = [];
    new LiveLine('s5', 'a', (e) => quiet.push(e), null).end(false);
    expect(quiet).toEqual([]);
  });
});
