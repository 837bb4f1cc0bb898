import { z } from 'zod';

const minutes = z
  .number()
  .positive()
  .max(600)
  .describe('How long the phase lasts, in minutes (the host may extend it).');

/** Each seat privately reads its character's script for this act. Acts are numbered 1, 2, … in plan order. */
export const ReadPhaseSchema = z
  .object({ kind: z.literal('read'), act: z.number().int().min(1).max(9), minutes: minutes.optional() })
  .strict()
  .describe('read(act): every seat reads its private script for the act.');

/** Self-introductions, one seat after another, in public. */
export const IntroPhaseSchema = z
  .object({ kind: z.literal('intro'), minutes: minutes.optional() })
  .strict()
  .describe('intro: public self-introductions.');

/**
 * A timed clue search. Rounds are numbered within the current act (the act of the latest read phase),
 * so a clue's (act, round) names the first search round in which it can be found.
 */
export const SearchPhaseSchema = z
  .object({
    kind: z.literal('search'),
    round: z.number().int().min(1).max(9),
    actionPoints: z
      .number()
      .int()
      .min(1)
      .max(20)
      .describe('Action points each seat may spend in this round.'),
    minutes: minutes.optional(),
  })
  .strict()
  .describe('search(round, actionPoints): seats spend action points on locations to find clues.');

/** Discussion: public (公聊) or private talks (私聊, with consent). */
export const DiscussPhaseSchema = z
  .object({
    kind: z.literal('discuss'),
    mode: z.enum(['public', 'private']),
    minutes: minutes.optional(),
  })
  .strict()
  .describe('discuss(public|private, minutes).');

/** Final statements, one seat at a time, uninterrupted. `minutes` is per speaker. */
export const StatementPhaseSchema = z
  .object({ kind: z.literal('statement'), minutes: minutes.optional() })
  .strict()
  .describe('statement: each seat gives a final statement in turn; minutes is per speaker.');

/** The sealed vote: every seat names the character it accuses. */
export const VotePhaseSchema = z
  .object({ kind: z.literal('vote'), minutes: minutes.optional() })
  .strict()
  .describe('vote: a sealed vote for the culprit.');

export const RevealPhaseSchema = z
  .object({ kind: z.literal('reveal') })
  .strict()
  .describe('reveal: the truth, the ending chosen by the vote, each character’s goals and score.');

export const DebriefPhaseSchema = z
  .object({ kind: z.literal('debrief') })
  .strict()
  .describe('debrief (复盘): everything explained, every secret and lie.');

export const PhaseSchema = z.discriminatedUnion('kind', [
  ReadPhaseSchema,
  IntroPhaseSchema,
  SearchPhaseSchema,
  DiscussPhaseSchema,
  StatementPhaseSchema,
  VotePhaseSchema,
  RevealPhaseSchema,
  DebriefPhaseSchema,
]);
export type Phase = z.infer<typeof PhaseSchema>;
export type PhaseKind = Phase['kind'];
