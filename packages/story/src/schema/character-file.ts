import { z } from 'zod';
import { IdSchema, LocalizedPhrasesSchema, LocalizedTextSchema } from './common.js';

export const SecretSchema = z
  .object({
    id: IdSchema,
    text: LocalizedTextSchema.describe('What the secret is, as the character knows it.'),
    // Default none: a secret with nothing to hide (a harmless memory, a character with no secret) needs no
    // phrase, and readers still find an object.
    mustNotReveal: LocalizedPhrasesSchema.default({}).describe(
      'Phrases that must never reach the table from this character (the output guard checks them). Optional: leave it out where the secret has nothing to hide.',
    ),
    act: z.number().int().min(1).default(1).describe('The act from which the character knows the secret.'),
  })
  .strict();

/** Goals are checked automatically at the reveal, so every goal says how. */
export const GoalCheckSchema = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('votedCulprit') })
    .strict()
    .describe('This seat voted for a culprit.'),
  z
    .object({ kind: z.literal('notMostVoted') })
    .strict()
    .describe('This character did not get the most votes.'),
  z
    .object({ kind: z.literal('mostVoted'), character: IdSchema })
    .strict()
    .describe('That character got the most votes.'),
  z
    .object({ kind: z.literal('found'), clues: z.array(IdSchema).min(1) })
    .strict()
    .describe('This seat found all these clues.'),
  z
    .object({ kind: z.literal('unpublished'), clues: z.array(IdSchema).min(1) })
    .strict()
    .describe('None of these clues was published to the table.'),
  z
    .object({ kind: z.literal('published'), clues: z.array(IdSchema).min(1) })
    .strict()
    .describe('All these clues were published.'),
]);

export const GoalSchema = z
  .object({
    id: IdSchema,
    act: z.number().int().min(1),
    points: z.number().int().min(0).max(100),
    text: LocalizedTextSchema,
    check: GoalCheckSchema,
  })
  .strict();

export const RelationshipSchema = z
  .object({ with: IdSchema, text: LocalizedTextSchema })
  .strict()
  .describe('How this character sees another one (private).');

export const LINE_INTENTS = [
  'intro',
  'fact',
  'cover',
  'withhold',
  'ask',
  'accuse',
  'deflect',
  'statement',
] as const;
export const LineIntentSchema = z.enum(LINE_INTENTS);
export type LineIntent = z.infer<typeof LineIntentSchema>;

/**
 * Authored lines: few-shot examples for the model and the fallback when the output guard rejects a reply.
 * They are spoken at the table, so they must never contain a must-not-reveal phrase.
 */
export const ExampleLineSchema = z
  .object({
    intent: LineIntentSchema,
    prompt: LocalizedTextSchema.optional().describe(
      'What another player said, when the line answers something.',
    ),
    text: LocalizedTextSchema,
  })
  .strict();

/** A claim of the cover story: what the character says instead of the truth. */
export const CoverClaimSchema = z
  .object({
    id: IdSchema,
    protects: IdSchema.describe('The secret this claim hides.'),
    text: LocalizedTextSchema.describe('The claim as the character tells it.'),
  })
  .strict();

export const CoverStorySchema = z
  .object({ claims: z.array(CoverClaimSchema).min(1) })
  .strict()
  .describe('Only a character with a cover story may lie, and only with these claims.');

export const CharacterFrontMatterSchema = z
  .object({
    voice: LocalizedTextSchema.optional().describe('How the character talks: tone, habits, register.'),
    secrets: z.array(SecretSchema).min(1),
    goals: z.array(GoalSchema).min(1),
    relationships: z.array(RelationshipSchema).default([]),
    lines: z.array(ExampleLineSchema).default([]),
    cover: CoverStorySchema.optional(),
  })
  .strict();
export type CharacterFrontMatter = z.infer<typeof CharacterFrontMatterSchema>;
export type Secret = z.infer<typeof SecretSchema>;
export type Goal = z.infer<typeof GoalSchema>;
export type GoalCheck = z.infer<typeof GoalCheckSchema>;
export type ExampleLine = z.infer<typeof ExampleLineSchema>;
export type CoverClaim = z.infer<typeof CoverClaimSchema>;
