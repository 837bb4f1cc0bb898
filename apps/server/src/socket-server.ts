import type { Server as HttpServer } from 'node:http';
import {
  CommandSchema,
  SOCKET_EVENTS,
  SOCKET_LIMITS,
  SocketAuthSchema,
  gameError,
  type ClientToServerEvents,
  type CommandAck,
  type ErrorCode,
  type ServerToClientEvents,
  type Viewer,
} from '@jubensha/protocol';
import type { Logger } from 'pino';
import { Server, type Socket } from 'socket.io';
import type { Principal } from './authorize.js';
import type { Config } from './config.js';
import { CommandBudget } from './command-budget.js';
import type { Metrics } from './metrics.js';
import { hasRoom, take, type RateLimits } from './rate-limits.js';
import type { Connection, Room } from './room.js';
import type { Rooms } from './rooms.js';
import { hashToken, sameHash } from './tokens.js';

interface SocketData {
  room: Room;
  principal: Principal;
}
type GameSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface SocketDeps {
  config: Config;
  rooms: Rooms;
  limits: RateLimits;
  metrics: Metrics;
  log: Logger;
  accepting: () => boolean;
}

const KNOWN = new Set<string>([SOCKET_EVENTS.command, SOCKET_EVENTS.resync]);

/**
 * A connection refused this many times its per-second rate within a second is flooding, not playing: it is
 * told RATE_LIMITED once and disconnected, so its events stop costing the room anything (a client that
 * reconnects starts over).
 */
const FLOOD_FACTOR = 5;

function refuse(code: ErrorCode): Error & { data: unknown } {
  return Object.assign(new Error(code), { data: gameError(code) });
}

const fail = (code: ErrorCode): CommandAck => ({ ok: false, error: gameError(code) });

/** The last argument, if the client asked for an answer. */
function ackOf(args: unknown[]): ((a: CommandAck) => void) | null {
  const last = args[args.length - 1];
  return typeof last === 'function' ? (last as (a: CommandAck) => void) : null;
}

function principalFor(room: Room, token: string | undefined): Principal | null {
  if (token === undefined) return { kind: 'spectator' };
  const hash = hashToken(token);
  if (sameHash(hash, room.meta.hostTokenHash)) return { kind: 'host', tokenHash: hash };
  for (const [seat, seatHash] of Object.entries(room.meta.seatTokenHashes)) {
    if (sameHash(hash, seatHash)) return { kind: 'seat', seat, tokenHash: hash };
  }
  return null;
}

const viewerOf = (p: Principal): Viewer =>
  p.kind === 'seat'
    ? { kind: 'seat', seat: p.seat }
    : p.kind === 'host'
      ? { kind: 'host' }
      : { kind: 'spectator' };

export function createSocketServer(http: HttpServer, deps: SocketDeps): Server {
  const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(http, {
    serveClient: false,
    maxHttpBufferSize: SOCKET_LIMITS.maxMessageBytes,
    // A reconnect always gets a full view from the room; recovery would only replay stale updates.
    connectionStateRecovery: undefined,
    pingInterval: 20_000,
    pingTimeout: 20_000,
  });
  const perAddress = new Map<string, number>();
  // Events per connection, and per seat (or host) token over all its connections: a token may open many
  // sockets, and without a shared budget each would bring its own.
  const perSocket = new CommandBudget(deps.config.RATE_COMMANDS_PER_SECOND);
  const perPrincipal = new CommandBudget(deps.config.RATE_SEAT_COMMANDS_PER_SECOND);
  const flood = deps.config.RATE_COMMANDS_PER_SECOND * FLOOD_FACTOR;

  io.use((socket, next) => {
    const addr = socket.handshake.address;
    void (async () => {
      if (!deps.accepting()) return next(refuse('UNAVAILABLE'));
      if ((perAddress.get(addr) ?? 0) >= deps.config.MAX_SOCKETS_PER_ADDRESS)
        return next(refuse('RATE_LIMITED'));
      if (!(await hasRoom(deps.limits.lookups, addr))) return next(refuse('RATE_LIMITED'));
      const auth = SocketAuthSchema.safeParse(socket.handshake.auth);
      if (!auth.success) return next(refuse('BAD_PAYLOAD'));
      const room = await deps.rooms.open(auth.data.roomId);
      // Only failures count against the address: reconnecting players are never locked out.
      if (!room) {
        await take(deps.limits.lookups, addr);
        return next(refuse('ROOM_NOT_FOUND'));
      }
      const principal = principalFor(room, auth.data.token);
      if (!principal) {
        await take(deps.limits.lookups, addr);
        return next(refuse('UNAUTHORIZED'));
      }
      socket.data.room = room;
      socket.data.principal = principal;
      next();
    })().catch((err: unknown) => {
      deps.log.error({ err }, 'handshake failed');
      next(refuse('UNAVAILABLE'));
    });
  });

  io.on('connection', (socket: GameSocket) => {
    const { room, principal } = socket.data;
    const addr = socket.handshake.address;
    perAddress.set(addr, (perAddress.get(addr) ?? 0) + 1);
    deps.metrics.sockets.inc();
    const connection: Connection = {
      principal,
      viewer: viewerOf(principal),
      lastView: null,
      send: (event) => socket.emit('event', event),
      presence: (p) => socket.emit('presence', p),
    };
    socket.emit('welcome', {
      roomId: room.id,
      code: room.meta.joinCode,
      storyId: room.story.id,
      language: room.language,
      role: connection.viewer,
      aiVoices: room.aiVoices,
      finished: room.finished,
    });
    room.attach(connection);
    const principalKey = `${room.id}:${principal.kind === 'seat' ? `seat:${principal.seat}` : principal.kind}`;
    let refused = { count: 0, since: performance.now() };
    let cut = false;
    /** Counts a refusal; true when the connection has gone past flooding and was cut off. */
    const flooding = (): boolean => {
      const now = performance.now();
      if (now - refused.since > 1000) refused = { count: 0, since: now };
      if (++refused.count < flood || cut) return cut;
      cut = true;
      deps.metrics.floodsCut.inc();
      deps.log.warn(
        { roomId: room.id, principal: principal.kind, address: addr },
        'connection flooding: cut off',
      );
      socket.emit('event', { type: 'error', error: gameError('RATE_LIMITED') });
      socket.disconnect(true);
      return true;
    };

    // Registered through onAny so that every inbound event, known or not, passes one gate.
    socket.onAny((event: unknown, ...args: unknown[]) => {
      void handle(event, args).catch((err: unknown) => {
        deps.log.error({ err }, 'socket event failed');
        ackOf(args)?.(fail('UNAVAILABLE'));
      });
    });

    async function handle(event: unknown, args: unknown[]): Promise<void> {
      const ack = ackOf(args);
      const answer = (a: CommandAck) => {
        if (ack) ack(a);
        else if (!a.ok) socket.emit('event', { type: 'error', error: a.error });
      };
      if (cut) return;
      // Every inbound event counts against the connection's rate and its token's, known or not.
      if (
        !perSocket.take(socket.id) ||
        (principal.kind !== 'spectator' && !perPrincipal.take(principalKey))
      ) {
        deps.metrics.rejected.inc({ code: 'RATE_LIMITED' });
        if (flooding()) return;
        return answer(fail('RATE_LIMITED'));
      }
      if (typeof event !== 'string' || !KNOWN.has(event)) {
        deps.metrics.rejected.inc({ code: 'UNKNOWN_EVENT' });
        return answer(fail('UNKNOWN_EVENT'));
      }
      if (event === SOCKET_EVENTS.resync) {
        if (!ack || args.length !== 1) return answer(fail('BAD_PAYLOAD'));
        return answer({ ok: true, version: room.resync(connection) });
      }
      // command: exactly (payload, ack); without an ack nothing runs, as the sender could not learn the outcome.
      if (!ack || args.length !== 2) {
        deps.metrics.rejected.inc({ code: 'BAD_PAYLOAD' });
        return answer(fail('BAD_PAYLOAD'));
      }
      if (!deps.accepting()) return answer(fail('UNAVAILABLE'));
      const parsed = CommandSchema.safeParse(args[0]);
      if (!parsed.success) {
        deps.metrics.rejected.inc({ code: 'BAD_PAYLOAD' });
        return answer(fail('BAD_PAYLOAD'));
      }
      answer(await room.submitFrom(principal, parsed.data));
    }

    socket.on('disconnect', () => {
      perSocket.forget(socket.id);
      const left = (perAddress.get(addr) ?? 1) - 1;
      if (left <= 0) perAddress.delete(addr);
      else perAddress.set(addr, left);
      deps.metrics.sockets.dec();
      room.detach(connection);
      deps.rooms.release(room);
    });
  });
  return io;
}
