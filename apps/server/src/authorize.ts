import {
  HOST_COMMANDS,
  SEAT_COMMANDS,
  SYSTEM_COMMANDS,
  gameError,
  type Actor,
  type Command,
  type GameError,
} from '@jubensha/protocol';
import type { GameSnapshot } from '@jubensha/engine';
import { sameHash } from './tokens.js';

/** Whom a connection acts for, fixed at the handshake. */
export type Principal =
  | { kind: 'seat'; seat: string; tokenHash: string }
  | { kind: 'host'; tokenHash: string }
  | { kind: 'spectator' };

const seatCommands = new Set<string>(SEAT_COMMANDS);
const hostCommands = new Set<string>(HOST_COMMANDS);
const systemCommands = new Set<string>(SYSTEM_COMMANDS);

export interface TokenState {
  hostTokenHash: string;
  seatTokenHashes: Record<string, string>;
}

/**
 * The actor a parsed command from this connection runs as, or why it may not be sent. The actor
 * always comes from the principal, never from the payload, so a seat can only ever act as itself.
 * The token is checked again on every command: a re-issued token locks out the old one at once.
 */
export function authorize(
  principal: Principal,
  command: Command,
  tokens: TokenState,
  snapshot: GameSnapshot,
): { ok: true; actor: Actor } | { ok: false; error: GameError } {
  const no = (code: Parameters<typeof gameError>[0]) => ({ ok: false as const, error: gameError(code) });
  // The clock and the AI host are the server's own voice: no connection speaks for them.
  if (systemCommands.has(command.type)) return no('NOT_SYSTEM');
  if (hostCommands.has(command.type)) {
    if (principal.kind !== 'host') return no('NOT_HOST');
    if (!sameHash(principal.tokenHash, tokens.hostTokenHash)) return no('UNAUTHORIZED');
    return { ok: true, actor: { kind: 'host' } };
  }
  if (!seatCommands.has(command.type)) return no('BAD_PAYLOAD');
  if (principal.kind !== 'seat') return no('NOT_A_SEAT');
  const current = Object.hasOwn(tokens.seatTokenHashes, principal.seat)
    ? tokens.seatTokenHashes[principal.seat]
    : undefined;
  if (current === undefined || !sameHash(principal.tokenHash, current)) return no('UNAUTHORIZED');
  // Taking a seat issues its token, so it happens over REST, never on a connection that already has one.
  if (command.type === 'TAKE_SEAT') return no('SEAT_TAKEN');
  const seat = snapshot.context.seats.find((s) => s.id === principal.seat);
  if (!seat) return no('UNKNOWN_SEAT');
  // The host handed this seat to an AI: its human waits until the host takes it back.
  if (seat.controller === 'ai') return no('SEAT_IS_AI');
  return { ok: true, actor: { kind: 'seat', seat: principal.seat } };
}
