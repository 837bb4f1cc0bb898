/**
 * @jubensha/engine: the referee. Pure functions over plain-JSON snapshots; the clock, the seed and
 * every command come from outside. See README.md for the rules of who sees what.
 */
export { ENGINE_VERSION } from './version.js';
export {
  applyCommand,
  availableCommands,
  createGame,
  nextDeadline,
  restoreGame,
  type ApplyResult,
  type GameInit,
  type GameSnapshot,
} from './game.js';
export { replay, replayFrom } from './replay.js';
export { projectView } from './view/project-view.js';
export { EngineError } from './errors.js';
export { eligibleClues } from './rules/search.js';
export { machineFor, phaseState, LOBBY } from './machine.js';
export type { GameContext, SeatState, FoundClue, TalkState, ChatLine, Outcome } from './context.js';
export { ViewProjector } from './view/projector.js';
