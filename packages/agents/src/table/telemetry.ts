import type { SeatCommand } from '@jubensha/protocol';
import type { SpeechSource } from '../character/memory.js';
import type { GuardFailure } from '../guard/guard.js';

/**
 * One line an AI seat said (or tried to), as an operator sees it: where, how it was worded and what it
 * cost. Never the text: that is players' game, and it may hold what a character must not reveal.
 */
export interface AiLineRecord {
  roomId: string;
  seat: string;
  /** The game's phase index when the line was planned (null in the lobby). */
  phase: number | null;
  /** The dialogue act the agent chose (answer, cover, confront, share, ...). */
  act: string;
  intent: string;
  source: SpeechSource;
  command: SeatCommand['type'];
  /** The room stored it (false: refused, e.g. the phase moved on while the line was being worded). */
  accepted: boolean;
  /** Every guard or well-formedness check the line's candidates failed on the way. */
  guardFailures: GuardFailure[];
  tokens: { prompt: number; completion: number };
  /** Model time for the line, ms (0 without a model). */
  modelMs: number;
}

/** An AI seat or the AI host failed: the turn or the line is lost, the game goes on. */
export interface AiFailure {
  where: 'seat' | 'host';
  roomId: string;
  /** The seat, for a seat's failure. */
  seat: string | null;
  err: unknown;
}

/**
 * Where a game server learns what its AI seats and host do: every line, and every failure through one
 * handler (as Colyseus's onUncaughtException), which the server logs and counts.
 */
export interface AiObserver {
  line?(record: AiLineRecord): void;
  failure?(failure: AiFailure): void;
}

/** Calls an observer; an observer's own failure must not stop a seat or the host. */
export function tell<T>(fn: ((arg: T) => void) | undefined, arg: T): void {
  try {
    fn?.(arg);
  } catch {
    // The observer is the last resort for reporting: there is nowhere left to report its failure.
  }
}
