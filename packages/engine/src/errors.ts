import { gameError, type ErrorCode, type GameError } from '@jubensha/protocol';

/** Thrown only where a result cannot carry the error (createGame config, replay, projectView). */
export class EngineError extends Error {
  readonly error: GameError;
  constructor(code: ErrorCode, detail?: string) {
    super(`${code}: ${gameError(code).message.en}${detail ? ` (${detail})` : ''}`);
    this.name = 'EngineError';
    this.error = gameError(code);
  }
}
