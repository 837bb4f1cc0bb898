import type { SeatCommand } from '@jubensha/protocol';
import type { Story } from '@jubensha/story';
import { MINUTE_MS, phaseAt, phaseMinutes, type GameContext } from '../context.js';
import type { Rule } from './rule.js';

export function currentSpeaker(ctx: GameContext): string | null {
  return ctx.statementOrder[ctx.speakerIndex] ?? null;
}

/**
 * The floor passes to the next seat in order, with a fresh per-speaker deadline; after the last one,
 * the statements' reading time (if the game has one) before the vote.
 */
export function passFloor(story: Story, ctx: GameContext, text: string | null, now: number): void {
  const seat = currentSpeaker(ctx);
  if (seat === null) return;
  ctx.statements.push({ seat, text, at: now });
  ctx.speakerIndex += 1;
  const minutes = phaseMinutes(phaseAt(story, ctx));
  const more = ctx.speakerIndex < ctx.statementOrder.length;
  if (more) ctx.deadline = minutes !== undefined ? now + minutes * MINUTE_MS : null;
  else ctx.deadline = ctx.statementReadMs ? now + ctx.statementReadMs : null;
}

export const statement: Rule<Extract<SeatCommand, { type: 'STATEMENT' }>> = ({
  story,
  ctx,
  cmd,
  seat,
  now,
}) => {
  if (currentSpeaker(ctx) !== seat) return 'NOT_YOUR_TURN';
  passFloor(story, ctx, cmd.text, now);
  return undefined;
};
