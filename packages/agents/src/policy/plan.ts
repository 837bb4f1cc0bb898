import type { LineIntent } from '@jubensha/story';
import type { Contradiction, Movement, OwnClaim, Said } from '../board/board.js';
import type { ClueNote } from '../board/clue-notes.js';
import type { Belief } from '../decide/belief.js';
import type { TimeSpan } from '../understand/times.js';
import type { Understood } from '../understand/understand.js';

/** What a line does at the table: the plan's act, recorded in transcripts. */
export type PlanAct =
  | 'intro'
  | 'alibi'
  | 'cover'
  | 'saw'
  | 'relation'
  | 'clue'
  | 'place'
  | 'suspect'
  | 'deny'
  | 'refuse'
  | 'share'
  | 'ask'
  | 'confront'
  | 'back'
  | 'dispute'
  | 'accept'
  | 'challenge'
  | 'accuse'
  | 'statement';

/** A question the seat puts to someone. */
export interface Question {
  act: 'where' | 'saw' | 'relation' | 'about' | 'suspect' | 'share';
  span?: TimeSpan | null;
  /** Asked about the incident (案发那段时间) rather than a clock time. */
  incident?: boolean;
  /** A person asked about (relation: the victim or another seat). */
  person?: string;
  clue?: ClueNote;
  place?: string;
}

/**
 * What to say, decided in code: the act, to whom, what it answers, and the board's material for it. The
 * realizer (or a model, checked against the same plan) only words it.
 */
export interface Plan {
  act: PlanAct;
  /** The seat it is said to, or null: the table. */
  to: string | null;
  /** The ref of the line it answers (public:<n>, talk:<id>:<n>), or null. */
  answers: string | null;
  /** A key for "never the same move twice": act and what it is about ("ask:where:zheng-jiahui"). */
  topic: string;
  /** The intent of the model prompt and of the authored lines that fit. */
  intent: LineIntent;
  asked?: Understood;
  span?: TimeSpan | null;
  movements?: Movement[];
  claim?: OwnClaim;
  clues?: ClueNote[];
  suspect?: Belief;
  person?: string;
  text?: string;
  question?: Question;
  contradiction?: Contradiction;
  line?: Said;
  /** For deny: whom to point at instead. */
  other?: Belief;
}
