import type { CommandType } from '@jubensha/protocol';
import type { Phase, Story } from '@jubensha/story';
import { MINUTE_MS, phaseMinutes, type GameContext } from './context.js';
import { draftOf } from './draft.js';
import { computeOutcome } from './reveal.js';
import { closeTalks } from './rules/talks.js';

const ANY_STARTED: CommandType[] = [
  'TAKE_SEAT',
  'PAUSE',
  'RESUME',
  'EXTEND',
  'ADVANCE',
  'HAND_TO_AI',
  'TAKE_BACK',
  'TICK',
  'HOST_NARRATE',
];
const CLUE_CARDS: CommandType[] = ['PUBLISH_CLUE', 'KEEP_CLUE'];
const TALKS: CommandType[] = ['REQUEST_TALK', 'ACCEPT_TALK', 'DECLINE_TALK', 'END_TALK', 'PRIVATE_MESSAGE'];

/**
 * Which commands each phase takes; anything else is WRONG_PHASE. Public chat runs in the
 * introductions, both discussion modes and after the reveal; private talks only in private
 * discussion; statements are uninterrupted, so no chat then.
 */
export const LOBBY_COMMANDS: readonly CommandType[] = [
  'TAKE_SEAT',
  'READY',
  'START',
  'HAND_TO_AI',
  'TAKE_BACK',
  'HOST_NARRATE',
];
export function phaseCommands(phase: Phase): readonly CommandType[] {
  switch (phase.kind) {
    case 'read':
      return [...ANY_STARTED, 'FINISH_READING'];
    case 'intro':
      return [...ANY_STARTED, 'PUBLIC_MESSAGE', ...CLUE_CARDS];
    case 'search':
      return [...ANY_STARTED, 'SEARCH', ...CLUE_CARDS];
    case 'discuss':
      return [...ANY_STARTED, 'PUBLIC_MESSAGE', ...CLUE_CARDS, ...(phase.mode === 'private' ? TALKS : [])];
    case 'statement':
      return [...ANY_STARTED, 'STATEMENT'];
    case 'vote':
      return [...ANY_STARTED, 'VOTE'];
    case 'reveal':
    case 'debrief':
      return [...ANY_STARTED, 'PUBLIC_MESSAGE'];
  }
}

/** Commands still taken while the game is paused: only administration, and the host's words. */
export const WHILE_PAUSED: readonly CommandType[] = [
  'RESUME',
  'EXTEND',
  'HAND_TO_AI',
  'TAKE_BACK',
  'TAKE_SEAT',
  'HOST_NARRATE',
];

/** Sets the context up for phase `index`, at the context's clock. */
export function enterPhase(story: Story, ctx: GameContext, index: number): GameContext {
  const next = draftOf(ctx);
  const phase = story.phases[index];
  if (!phase) return next;
  closeTalks(next);
  next.phase = index;
  next.phaseStartedAt = next.clock;
  const minutes = phaseMinutes(phase);
  next.deadline = minutes !== undefined ? next.clock + minutes * MINUTE_MS : null;
  for (const s of next.seats) next.actionPoints[s.id] = 0;
  switch (phase.kind) {
    case 'read':
      next.act = phase.act;
      next.round = 0;
      next.finishedReading = [];
      break;
    case 'search':
      next.round = phase.round;
      for (const s of next.seats) next.actionPoints[s.id] = phase.actionPoints;
      break;
    case 'statement':
      next.statementOrder = next.seats.map((s) => s.id);
      next.speakerIndex = 0;
      break;
    case 'reveal':
    case 'debrief':
      next.outcome ??= computeOutcome(story, next);
      next.deadline = null;
      break;
    default:
      break;
  }
  return next;
}

/** A phase ends early once every seat is done with it. */
export function phaseComplete(story: Story, ctx: GameContext): boolean {
  const phase = story.phases[ctx.phase];
  switch (phase?.kind) {
    case 'read':
      return ctx.seats.every((s) => ctx.finishedReading.includes(s.id));
    case 'search': {
      const cheapest = Math.min(...story.locations.map((l) => l.cost));
      return ctx.seats.every((s) => (ctx.actionPoints[s.id] ?? 0) < cheapest);
    }
    case 'statement':
      // Everyone has spoken and the reading time (a deadline then) is over.
      return ctx.speakerIndex >= ctx.statementOrder.length && ctx.deadline === null;
    case 'vote':
      return ctx.seats.every((s) => ctx.votes[s.id] !== undefined);
    default:
      return false;
  }
}
