import {
  diffView,
  type ClientToServerEvents,
  type CommandAck,
  type ServerToClientEvents,
  type View,
} from '@jubensha/protocol';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seatView } from '../test/views.js';
import { useGame } from './use-game.js';

/**
 * The socket contract from the client's side, against a socket.io server that speaks it: welcome,
 * a full view, updates with `from`, `resync` answered by a fresh view, commands acked.
 */
let io: Server<ClientToServerEvents, ServerToClientEvents>;
let url: string;
let onConnect: (socket: Socket<ClientToServerEvents, ServerToClientEvents>) => void;

beforeEach(async () => {
  const http = createServer();
  io = new Server(http, { cors: { origin: '*' } });
  io.on('connection', (socket) => onConnect(socket));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterEach(async () => {
  await io.close();
});

const v7: View = seatView({ phase: 3 });
const v8: View = {
  ...seatView({ phase: 3, table: { chat: [{ n: 1, seat: 'bo', text: 'hi', at: 2 }] } }),
  version: 8,
};
const v9: View = {
  ...seatView({
    phase: 3,
    table: {
      chat: [
        { n: 1, seat: 'bo', text: 'hi', at: 2 },
        { n: 2, seat: 'cy', text: 'yo', at: 3 },
      ],
    },
  }),
  version: 9,
};

describe('useGame', () => {
  it('authenticates with the room and token, applies a fitting update and resyncs after a gap', async () => {
    const auths: unknown[] = [];
    let resyncs = 0;
    onConnect = (socket) => {
      auths.push(socket.handshake.auth);
      socket.emit('welcome', {
        roomId: 'room-1',
        code: 'ABCDEFGH',
        storyId: 'tea-house',
        language: 'en',
        role: { kind: 'seat', seat: 'ann' },
        aiVoices: 'model',
      });
      socket.emit('presence', { host: true, seats: ['ann'] });
      socket.emit('event', { type: 'view', view: v7 });
      socket.emit('event', { type: 'update', from: 7, version: 8, changes: diffView(v7, v8) });
      // A gap: version 8 → 10 never arrives as 9; the client must ask for the whole view.
      socket.emit('event', { type: 'update', from: 9, version: 10, changes: [] });
      socket.on('resync', (ack) => {
        resyncs++;
        socket.emit('event', { type: 'view', view: v9 });
        ack({ ok: true, version: 9 });
      });
    };
    const token = 't'.repeat(43);
    const { result, unmount } = renderHook(() => useGame('room-1', token, true, url));
    await waitFor(() => expect(result.current[0].view?.version).toBe(9));
    expect(resyncs).toBe(1);
    expect(result.current[0].view).toEqual(v9);
    expect(result.current[0].welcome?.code).toBe('ABCDEFGH');
    expect(result.current[0].presence).toEqual({ host: true, seats: ['ann'] });
    expect(auths).toEqual([{ roomId: 'room-1', token }]);
    unmount();
  });

  it('sends a command and resolves with the server’s ack', async () => {
    const received: unknown[] = [];
    onConnect = (socket) => {
      socket.emit('event', { type: 'view', view: v7 });
      socket.on('command', (command, ack) => {
        received.push(command);
        ack({ ok: false, error: { code: 'WRONG_PHASE', message: { zh: '不行', en: 'Not now' } } });
      });
    };
    const { result, unmount } = renderHook(() => useGame('room-1', undefined, true, url));
    await waitFor(() => expect(result.current[0].connected).toBe(true));
    let ack: CommandAck | undefined;
    await act(async () => {
      ack = await result.current[1]({ type: 'FINISH_READING' });
    });
    expect(received).toEqual([{ type: 'FINISH_READING' }]);
    expect(ack).toEqual({
      ok: false,
      error: { code: 'WRONG_PHASE', message: { zh: '不行', en: 'Not now' } },
    });
    unmount();
  });

  it('shows why the server refused the handshake', async () => {
    io.use((_socket, next) => {
      const err = new Error('UNAUTHORIZED') as Error & { data?: unknown };
      err.data = { code: 'UNAUTHORIZED', message: { zh: '身份凭证无效', en: 'Your token is not valid' } };
      next(err);
    });
    onConnect = () => undefined;
    const { result, unmount } = renderHook(() => useGame('room-1', 'x'.repeat(43), true, url));
    await waitFor(() => expect(result.current[0].error?.code).toBe('UNAUTHORIZED'));
    expect(result.current[0].connected).toBe(false);
    unmount();
  });
});
