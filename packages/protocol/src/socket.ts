import { z } from 'zod';
import { RefSchema } from './common.js';
import type { Command } from './commands.js';
import { GameErrorSchema } from './errors.js';
import type { CommandAck, ServerEvent } from './events.js';
import { AiVoicesSchema, LanguageSchema, RoomCodeSchema, TokenSchema } from './rest.js';
import { ViewerSchema } from './views.js';

/**
 * The socket.io contract (path `/socket.io`, same origin as the REST API).
 *
 * One connection acts for exactly one principal: a seat (seat token), the host (host token) or a
 * spectator (no token). A host who also plays a seat opens a second connection with the seat token.
 * A rejected handshake fails with `connect_error` whose `message` is an error code and whose `data`
 * is a `GameError` (`UNAUTHORIZED`, `ROOM_NOT_FOUND`, `RATE_LIMITED`, `UNAVAILABLE`, `BAD_PAYLOAD`).
 *
 * After the handshake the server sends `welcome`, then `event` {type:'view'} (the full view), then
 * `event` {type:'update'} after each accepted command, `presence` when someone connects or leaves.
 * Every reconnect gets a full view again. Updates carry `from`: a client whose version differs asks
 * `resync` and gets a fresh full view.
 */

export const SOCKET_EVENTS = {
  /** client → server: `(command: Command, ack: (a: CommandAck) => void)`. */
  command: 'command',
  /** client → server: `(ack: (a: CommandAck) => void)`: send me a full view (as an `event`). */
  resync: 'resync',
  /** server → client: `Welcome`, once after the handshake. */
  welcome: 'welcome',
  /** server → client: `ServerEvent` (view, update, chat, chat_chunk, chat_end, error). */
  event: 'event',
  /** server → client: `Presence`, whenever a connection comes or goes. */
  presence: 'presence',
} as const;

/** `io(url, { auth: { roomId, token } })`. No token: a spectator. */
export const SocketAuthSchema = z.object({ roomId: RefSchema, token: TokenSchema.optional() }).strict();
export type SocketAuth = z.infer<typeof SocketAuthSchema>;

export const WelcomeSchema = z
  .object({
    roomId: RefSchema,
    code: RoomCodeSchema,
    storyId: RefSchema,
    language: LanguageSchema,
    /** Whom this connection acts for: its seat, the host or a spectator. */
    role: ViewerSchema,
    /** How the AI seats speak on this server (authored lines only when no language model is configured). */
    aiVoices: AiVoicesSchema,
    /** The host ended this game: nothing more can be done in it, what was played stays readable. */
    finished: z.boolean().optional(),
  })
  .strict();
export type Welcome = z.infer<typeof WelcomeSchema>;

export const PresenceSchema = z
  .object({ host: z.boolean(), seats: z.array(RefSchema) })
  .strict()
  .describe('Who is connected now: the host, and the seats with at least one live connection.');
export type Presence = z.infer<typeof PresenceSchema>;

/** A handshake refusal's `data`. */
export const ConnectErrorDataSchema = GameErrorSchema;

/** Typed maps for `socket.io` / `socket.io-client` generics: `Socket<ServerToClientEvents, ClientToServerEvents>`. */
export interface ServerToClientEvents {
  welcome: (welcome: Welcome) => void;
  event: (event: ServerEvent) => void;
  presence: (presence: Presence) => void;
}
export interface ClientToServerEvents {
  command: (command: Command, ack: (ack: CommandAck) => void) => void;
  resync: (ack: (ack: CommandAck) => void) => void;
}

/**
 * Inbound limits the server enforces (documented so clients can stay inside them): the largest
 * socket message, commands per connection per second, and per seat over all its connections (more are
 * answered `RATE_LIMITED`; a connection that goes on at five times its rate is disconnected), at most 8 of
 * a seat's commands waiting in the room at once.
 */
export const SOCKET_LIMITS = {
  maxMessageBytes: 64 * 1024,
  commandsPerSecond: 20,
} as const;
