import type { HostCommand, SeatCommand } from '@jubensha/protocol';
import { seatOf } from '../context.js';
import type { Rule } from './rule.js';

type Cmd<T> = Extract<SeatCommand | HostCommand, { type: T }>;

/** A human claims a human seat with a display name (the server already authenticated them). */
export const takeSeat: Rule<Cmd<'TAKE_SEAT'>> = ({ ctx, cmd, seat }) => {
  const s = seatOf(ctx, seat);
  if (!s) return 'UNKNOWN_SEAT';
  if (s.controller === 'ai') return 'SEAT_IS_AI';
  if (s.name !== null) return 'SEAT_TAKEN';
  s.name = cmd.name.trim();
  return undefined;
};

export const ready: Rule<Cmd<'READY'>> = ({ ctx, cmd, seat }) => {
  const s = seatOf(ctx, seat);
  if (!s) return 'UNKNOWN_SEAT';
  if (s.controller === 'ai') return 'SEAT_IS_AI';
  if (s.name === null) return 'SEAT_NOT_TAKEN';
  if (s.ready === cmd.ready) return 'ALREADY_DONE';
  s.ready = cmd.ready;
  return undefined;
};

/** The host starts once every human seat is taken and ready (AI seats are always ready). */
export const start: Rule<Cmd<'START'>> = ({ ctx }) => {
  if (ctx.seats.some((s) => s.controller === 'human' && (s.name === null || !s.ready)))
    return 'SEATS_NOT_READY';
  return undefined;
};

/** A controller switch and nothing else: the seat keeps its name, clues, votes and talks. */
function switchTo(controller: 'ai' | 'human'): Rule<Cmd<'HAND_TO_AI'> | Cmd<'TAKE_BACK'>> {
  return ({ ctx, cmd }) => {
    const s = seatOf(ctx, cmd.seat);
    if (!s) return 'UNKNOWN_SEAT';
    if (s.controller === controller) return 'ALREADY_DONE';
    s.controller = controller;
    return undefined;
  };
}
export const handToAi = switchTo('ai');
export const takeBack = switchTo('human');
