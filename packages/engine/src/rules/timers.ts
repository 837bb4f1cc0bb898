import type { Command, HostCommand } from '@jubensha/protocol';
import { MINUTE_MS, phaseAt } from '../context.js';
import { currentSpeaker, passFloor } from './statements.js';
import type { Rule } from './rule.js';

type Cmd<T> = Extract<HostCommand, { type: T }>;

export const pause: Rule<Cmd<'PAUSE'>> = ({ ctx, now }) => {
  if (ctx.pausedAt !== null) return 'GAME_PAUSED';
  ctx.pausedAt = now;
  return undefined;
};

/** Deadlines move by the paused time, so nobody loses a minute to a pause. */
export const resume: Rule<Cmd<'RESUME'>> = ({ ctx, now }) => {
  if (ctx.pausedAt === null) return 'NOT_PAUSED';
  if (ctx.deadline !== null) ctx.deadline += now - ctx.pausedAt;
  ctx.pausedAt = null;
  return undefined;
};

export const extend: Rule<Cmd<'EXTEND'>> = ({ ctx, cmd }) => {
  if (ctx.deadline === null) return 'NO_TIMER';
  ctx.deadline += cmd.minutes * MINUTE_MS;
  return undefined;
};

/** The machine moves to the next phase; the rule only says whether there is one. */
export const advance: Rule<Cmd<'ADVANCE'>> = ({ story, ctx }) => {
  if (ctx.phase + 1 >= story.phases.length) return 'GAME_OVER';
  return undefined;
};

/**
 * The server's scheduler says a deadline may have passed. In statements the floor passes to the next
 * speaker; elsewhere the machine moves to the next phase (and a last phase's timer just stops).
 */
export const tick: Rule<Extract<Command, { type: 'TICK' }>> = ({ story, ctx, now }) => {
  if (ctx.deadline === null || now < ctx.deadline) return 'NOT_DUE';
  // In statements: the floor passes on; once everyone has spoken, the reading time is over.
  if (phaseAt(story, ctx)?.kind === 'statement' && currentSpeaker(ctx) !== null)
    passFloor(story, ctx, null, now);
  else ctx.deadline = null;
  return undefined;
};
