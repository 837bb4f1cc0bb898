import type { SeatCommand } from '@jubensha/protocol';
import { seatOf, type GameContext, type TalkState } from '../context.js';
import type { Rule } from './rule.js';

type Cmd<T> = Extract<SeatCommand, { type: T }>;

const live = (t: TalkState) => t.status === 'requested' || t.status === 'open';

/** A seat sees only talks it is part of; any other id is unknown to it. */
function talkOf(ctx: GameContext, id: string, seat: string): TalkState | undefined {
  return ctx.talks.find((t) => t.id === id && (t.from === seat || t.to === seat));
}

export const requestTalk: Rule<Cmd<'REQUEST_TALK'>> = ({ ctx, cmd, seat }) => {
  if (!seatOf(ctx, cmd.with)) return 'UNKNOWN_SEAT';
  if (cmd.with === seat) return 'TALK_TO_SELF';
  const pair = [seat, cmd.with];
  if (ctx.talks.some((t) => live(t) && pair.includes(t.from) && pair.includes(t.to))) return 'TALK_EXISTS';
  ctx.talks.push({
    id: `t${ctx.talks.length + 1}`,
    from: seat,
    to: cmd.with,
    status: 'requested',
    messages: [],
  });
  return undefined;
};

/** Consent: only the invited seat answers a pending request. */
function answer(status: 'open' | 'declined'): Rule<Cmd<'ACCEPT_TALK'> | Cmd<'DECLINE_TALK'>> {
  return ({ ctx, cmd, seat }) => {
    const t = talkOf(ctx, cmd.talk, seat);
    if (!t) return 'UNKNOWN_TALK';
    if (t.to !== seat) return 'NOT_YOUR_SEAT';
    if (t.status !== 'requested') return 'TALK_CLOSED';
    t.status = status;
    return undefined;
  };
}
export const acceptTalk = answer('open');
export const declineTalk = answer('declined');

/** Either side ends an open talk; the requester may also withdraw a pending request. */
export const endTalk: Rule<Cmd<'END_TALK'>> = ({ ctx, cmd, seat }) => {
  const t = talkOf(ctx, cmd.talk, seat);
  if (!t) return 'UNKNOWN_TALK';
  if (!live(t)) return 'TALK_CLOSED';
  if (t.status === 'requested' && t.from !== seat) return 'NOT_YOUR_SEAT';
  t.status = 'ended';
  return undefined;
};

export const privateMessage: Rule<Cmd<'PRIVATE_MESSAGE'>> = ({ ctx, cmd, seat, now }) => {
  const t = talkOf(ctx, cmd.talk, seat);
  if (!t) return 'UNKNOWN_TALK';
  if (t.status !== 'open') return 'TALK_CLOSED';
  t.messages.push({ n: t.messages.length + 1, seat, text: cmd.text, at: now });
  return undefined;
};

/** A phase change closes every talk still pending or open. */
export function closeTalks(ctx: GameContext): void {
  for (const t of ctx.talks) if (live(t)) t.status = 'ended';
}
