import { diffView } from '@jubensha/protocol';
import { describe, expect, it } from 'vitest';
import { seatView } from '../test/views.js';
import { applyServerEvent, initialGameState, streamText } from './game-state.js';

const chatAt = (n: number) => ({ n, seat: 'bo', text: `line ${n}`, at: 2_000 + n });

describe('applyServerEvent', () => {
  const v7 = seatView({ phase: 3 });
  const v8 = { ...seatView({ phase: 3, table: { chat: [chatAt(1)] } }), version: 8 };
  const withView = applyServerEvent(initialGameState, { type: 'view', view: v7 }).state;

  it('applies an update made from the version it holds', () => {
    const r = applyServerEvent(withView, { type: 'update', from: 7, version: 8, changes: diffView(v7, v8) });
    expect(r.resync).toBe(false);
    expect(r.state.view).toEqual(v8);
  });

  it('asks for a full view instead of applying an update from another version', () => {
    const r = applyServerEvent(withView, { type: 'update', from: 6, version: 8, changes: diffView(v7, v8) });
    expect(r.resync).toBe(true);
    expect(r.state.view).toBe(v7);
    expect(
      applyServerEvent(initialGameState, { type: 'update', from: 0, version: 1, changes: [] }).resync,
    ).toBe(true);
  });

  it('builds a streamed line from chunks in index order, keeps it until the view carries the line', () => {
    const channel = { kind: 'public' } as const;
    let s = withView;
    s = applyServerEvent(s, {
      type: 'chat_chunk',
      stream: 'x',
      seat: 'cy',
      channel,
      index: 1,
      text: 'world',
    }).state;
    s = applyServerEvent(s, {
      type: 'chat_chunk',
      stream: 'x',
      seat: 'cy',
      channel,
      index: 0,
      text: 'hello ',
    }).state;
    expect(s.streams.map(streamText)).toEqual(['hello world']);
    s = applyServerEvent(s, { type: 'chat_end', stream: 'x', seat: 'cy', channel, completed: true }).state;
    expect(s.streams).toHaveLength(1);
    s = applyServerEvent(s, { type: 'update', from: 7, version: 8, changes: diffView(v7, v8) }).state;
    expect(s.streams).toEqual([]);
  });

  it('drops a streamed line as soon as the view carries it, whatever comes first (no second copy)', () => {
    const channel = { kind: 'public' } as const;
    const line = { n: 1, seat: 'cy', text: 'hello world', at: 2_001 };
    const v8cy = { ...seatView({ phase: 3, table: { chat: [line] } }), version: 8 };
    const chunk = (s: typeof withView) =>
      applyServerEvent(s, {
        type: 'chat_chunk',
        stream: 'z',
        seat: 'cy',
        channel,
        index: 0,
        text: 'hello world',
      }).state;
    const update = (s: typeof withView) =>
      applyServerEvent(s, { type: 'update', from: 7, version: 8, changes: diffView(v7, v8cy) }).state;
    const end = (s: typeof withView) =>
      applyServerEvent(s, { type: 'chat_end', stream: 'z', seat: 'cy', channel, completed: true }).state;
    // The server's order: chunks, the accepted command's update, then chat_end.
    let s = chunk(withView);
    expect(s.streams).toHaveLength(1);
    s = update(s);
    expect(s.streams).toEqual([]);
    expect(end(s).streams).toEqual([]);
    // chat_end before the update: gone with the update, and not kept after it.
    expect(update(end(chunk(withView))).streams).toEqual([]);
    // Another seat's line landing does not take this stream away.
    const v8bo = { ...seatView({ phase: 3, table: { chat: [{ ...line, seat: 'bo' }] } }), version: 8 };
    const other = applyServerEvent(chunk(withView), {
      type: 'update',
      from: 7,
      version: 8,
      changes: diffView(v7, v8bo),
    }).state;
    expect(other.streams.map(streamText)).toEqual(['hello world']);
  });

  it('learns the host ended the game', () => {
    expect(withView.finished).toBe(false);
    const s = applyServerEvent(withView, { type: 'finished', at: 9_000 }).state;
    expect(s.finished).toBe(true);
    expect(s.view).toBe(v7);
  });

  it('drops a stream that was cut off at once', () => {
    const channel = { kind: 'talk', talk: 't1' } as const;
    let s = applyServerEvent(withView, {
      type: 'chat_chunk',
      stream: 'y',
      seat: 'cy',
      channel,
      index: 0,
      text: 'I was never',
    }).state;
    s = applyServerEvent(s, { type: 'chat_end', stream: 'y', seat: 'cy', channel, completed: false }).state;
    expect(s.streams).toEqual([]);
  });

  it('records a server error and ignores chat copies (lines arrive through the view)', () => {
    const error = { code: 'WRONG_PHASE' as const, message: { zh: '不行', en: 'no' } };
    expect(applyServerEvent(withView, { type: 'error', error }).state.error).toEqual(error);
    const chat = applyServerEvent(withView, {
      type: 'chat',
      channel: { kind: 'public' },
      message: chatAt(5),
    });
    expect(chat.state).toBe(withView);
  });
});
