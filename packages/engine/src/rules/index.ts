import {
  HOST_COMMANDS,
  SEAT_COMMANDS,
  type Command,
  type CommandType,
  type Envelope,
  type ErrorCode,
} from '@jubensha/protocol';
import type { Story } from '@jubensha/story';
import { phaseAt, seatOf, type GameContext } from '../context.js';
import { draftOf } from '../draft.js';
import { LOBBY_COMMANDS, phaseCommands, WHILE_PAUSED } from '../phases.js';
import { publicMessage } from './chat.js';
import { hostNarrate } from './host-narrate.js';
import { keepClue, publishClue } from './clues.js';
import { handToAi, ready, start, takeBack, takeSeat } from './lobby.js';
import { finishReading } from './reading.js';
import type { Rule, RuleBook } from './rule.js';
import { search } from './search.js';
import { statement } from './statements.js';
import { acceptTalk, declineTalk, endTalk, privateMessage, requestTalk } from './talks.js';
import { advance, extend, pause, resume, tick } from './timers.js';
import { vote } from './vote.js';

const RULES: RuleBook = {
  TAKE_SEAT: takeSeat,
  READY: ready,
  FINISH_READING: finishReading,
  SEARCH: search,
  PUBLISH_CLUE: publishClue,
  KEEP_CLUE: keepClue,
  PUBLIC_MESSAGE: publicMessage,
  REQUEST_TALK: requestTalk,
  ACCEPT_TALK: acceptTalk,
  DECLINE_TALK: declineTalk,
  END_TALK: endTalk,
  PRIVATE_MESSAGE: privateMessage,
  STATEMENT: statement,
  VOTE: vote,
  START: start,
  ADVANCE: advance,
  PAUSE: pause,
  RESUME: resume,
  EXTEND: extend,
  HAND_TO_AI: handToAi,
  TAKE_BACK: takeBack,
  TICK: tick,
  HOST_NARRATE: hostNarrate,
};

const SEAT_ONLY = new Set<CommandType>(SEAT_COMMANDS);
const HOST_ONLY = new Set<CommandType>(HOST_COMMANDS);

export type RuleResult = { ok: true; ctx: GameContext } | { ok: false; code: ErrorCode };

export function commandsIn(story: Story, ctx: GameContext): readonly CommandType[] {
  const phase = phaseAt(story, ctx);
  return phase ? phaseCommands(phase) : LOBBY_COMMANDS;
}

/**
 * Every check a command goes through, in order: who may send it, the pause, the phase, then the
 * command's own rule. Accepted: a new context (the input is never mutated), version and clock moved on.
 */
export function runRule(story: Story, ctx: GameContext, env: Envelope): RuleResult {
  const { actor, command } = env;
  const type = command.type;
  let seat = '';
  if (SEAT_ONLY.has(type)) {
    if (actor.kind !== 'seat') return { ok: false, code: 'NOT_A_SEAT' };
    if (!seatOf(ctx, actor.seat)) return { ok: false, code: 'UNKNOWN_SEAT' };
    seat = actor.seat;
  } else if (HOST_ONLY.has(type)) {
    if (actor.kind !== 'host') return { ok: false, code: 'NOT_HOST' };
  } else if (actor.kind !== 'system') return { ok: false, code: 'NOT_SYSTEM' };
  if (ctx.pausedAt !== null && !WHILE_PAUSED.includes(type)) return { ok: false, code: 'GAME_PAUSED' };
  if (!commandsIn(story, ctx).includes(type)) return { ok: false, code: 'WRONG_PHASE' };
  const draft = draftOf(ctx);
  const now = Math.max(env.at, ctx.clock);
  const rule = RULES[type] as Rule<Command>;
  const code = rule({ story, ctx: draft, cmd: command, actor, seat, now });
  if (code !== undefined) return { ok: false, code };
  draft.version += 1;
  draft.clock = now;
  return { ok: true, ctx: draft };
}
