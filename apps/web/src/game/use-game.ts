import {
  ConnectErrorDataSchema,
  PresenceSchema,
  ServerEventSchema,
  SOCKET_EVENTS,
  WelcomeSchema,
  gameError,
  type ClientToServerEvents,
  type Command,
  type CommandAck,
  type ServerToClientEvents,
} from '@jubensha/protocol';
import { useCallback, useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import { applyServerEvent, initialGameState, type GameState } from './game-state.js';

type GameSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type Send = (command: Command) => Promise<CommandAck>;

/**
 * One socket.io connection acting for one principal (a seat token, the host token, or none for a
 * spectator). socket.io reconnects by itself; every (re)connect gets a full view from the server.
 */
export function useGame(
  roomId: string,
  token: string | undefined,
  enabled = true,
  // The server serves this app, so the socket is on the page's own origin.
  url: string = window.location.origin,
): [GameState, Send] {
  const [state, setRendered] = useState<GameState>(initialGameState);
  // The events fold into a ref synchronously, so whether an update fits is decided on the state
  // the previous event left, never on a render that has not happened yet.
  const current = useRef<GameState>(initialGameState);
  const socketRef = useRef<GameSocket | null>(null);

  useEffect(() => {
    if (!enabled) return;
    const socket: GameSocket = io(url, {
      auth: token ? { roomId, token } : { roomId },
      transports: ['websocket', 'polling'],
    });
    socketRef.current = socket;
    current.current = initialGameState;
    const setState = (f: (s: GameState) => GameState) => {
      current.current = f(current.current);
      setRendered(current.current);
    };
    const resync = () => socket.emit(SOCKET_EVENTS.resync, () => undefined);

    socket.on('connect', () => setState((s) => ({ ...s, connected: true, error: null })));
    socket.on('disconnect', () => setState((s) => ({ ...s, connected: false })));
    socket.on('connect_error', (err: Error & { data?: unknown }) => {
      const parsed = ConnectErrorDataSchema.safeParse(err.data);
      setState((s) => ({
        ...s,
        connected: false,
        error: parsed.success ? parsed.data : gameError('UNAVAILABLE'),
      }));
    });
    socket.on(SOCKET_EVENTS.welcome, (w) => {
      const parsed = WelcomeSchema.safeParse(w);
      if (parsed.success)
        setState((s) => ({
          ...s,
          welcome: parsed.data,
          finished: s.finished || parsed.data.finished === true,
        }));
    });
    socket.on(SOCKET_EVENTS.presence, (p) => {
      const parsed = PresenceSchema.safeParse(p);
      if (parsed.success) setState((s) => ({ ...s, presence: parsed.data }));
    });
    socket.on(SOCKET_EVENTS.event, (e) => {
      const parsed = ServerEventSchema.safeParse(e);
      if (!parsed.success) return resync();
      const applied = applyServerEvent(current.current, parsed.data);
      setState(() => applied.state);
      if (applied.resync) resync();
    });
    return () => {
      socket.disconnect();
      socketRef.current = null;
    };
  }, [roomId, token, enabled, url]);

  const send = useCallback<Send>((command) => {
    const socket = socketRef.current;
    if (!socket?.connected) return Promise.resolve({ ok: false, error: gameError('UNAVAILABLE') });
    return new Promise((resolve) => {
      socket.timeout(10_000).emit(SOCKET_EVENTS.command, command, (err: Error | null, ack: CommandAck) => {
        resolve(err ? { ok: false, error: gameError('UNAVAILABLE') } : ack);
      });
    });
  }, []);

  return [state, send];
}
