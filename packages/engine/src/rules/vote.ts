import type { SeatCommand } from '@jubensha/protocol';
import type { Rule } from './rule.js';

/** Sealed and final: one vote per seat, for any character (oneself included). */
export const vote: Rule<Extract<SeatCommand, { type: 'VOTE' }>> = ({ story, ctx, cmd, seat }) => {
  if (!story.characters.some((c) => c.id === cmd.character)) return 'UNKNOWN_CHARACTER';
  if (ctx.votes[seat] !== undefined) return 'ALREADY_VOTED';
  ctx.votes[seat] = cmd.character;
  return undefined;
};
