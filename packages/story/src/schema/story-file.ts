import { z } from 'zod';
import { IdSchema, LanguageSchema, LocalizedTextSchema } from './common.js';
import { CLOCK_MESSAGE, CLOCK_PATTERN } from './clock.js';
import { PhaseSchema } from './phases.js';

export const GENRES = [
  'honkaku',
  'henkaku',
  'emotional',
  'faction',
  'mechanics',
  'comedy',
  'horror',
] as const;
export const GenreSchema = z
  .enum(GENRES)
  .describe(
    'honkaku 本格 (realistic logic), henkaku 变格 (supernatural), emotional 情感, faction 阵营, mechanics 机制, comedy 欢乐, horror 恐怖.',
  );

/** What every seat may see about a character from the start. */
export const CharacterProfileSchema = z
  .object({
    id: IdSchema.describe('The character id; its private file is characters/<id>.md.'),
    name: LocalizedTextSchema,
    profile: LocalizedTextSchema.describe(
      'The public profile every seat sees: who this person is, as the table knows them.',
    ),
  })
  .strict();

export const LocationSchema = z
  .object({
    id: IdSchema,
    name: LocalizedTextSchema,
    description: LocalizedTextSchema.optional(),
    cost: z.number().int().min(1).max(5).default(1).describe('Action points one search here costs.'),
  })
  .strict();

/** A clue becomes findable only once every listed clue has been found / published by someone. */
export const HiddenUntilSchema = z
  .object({
    found: z.array(IdSchema).min(1).optional().describe('Clues that someone must have found first.'),
    published: z
      .array(IdSchema)
      .min(1)
      .optional()
      .describe('Clues that must have been published to the table first.'),
  })
  .strict()
  .describe('The clue stays hidden until all of these hold.');

export const PointsToSchema = z
  .object({
    character: IdSchema,
    weight: z
      .number()
      .min(-1)
      .max(1)
      .describe(
        'How strongly the clue implicates the character: 1 damning, 0.3 suggestive, negative clears them.',
      ),
  })
  .strict();

/** A claim that a clue contradicts: one of the character's cover-story claims. */
export const ContradictsSchema = z
  .object({
    character: IdSchema,
    claim: IdSchema.describe('The id of a claim in that character’s cover story.'),
  })
  .strict();

export const ClueSchema = z
  .object({
    id: IdSchema,
    location: IdSchema,
    act: z.number().int().min(1).describe('The act of the first search round that can find it.'),
    round: z
      .number()
      .int()
      .min(1)
      .describe('The search round within that act; it stays findable in later rounds.'),
    title: LocalizedTextSchema,
    text: LocalizedTextSchema,
    kind: z
      .enum(['key', 'normal', 'red-herring'])
      .default('normal')
      .describe('key: needed to solve the case; red-herring: points the wrong way on purpose.'),
    hiddenUntil: HiddenUntilSchema.optional(),
    findableBy: z
      .array(IdSchema)
      .min(1)
      .optional()
      .describe('Only these characters can find it (default: anyone).'),
    pointsTo: z.array(PointsToSchema).default([]),
    contradicts: z.array(ContradictsSchema).default([]),
  })
  .strict();

const ClockSchema = z
  .string()
  .regex(CLOCK_PATTERN, CLOCK_MESSAGE)
  .describe('HH:MM on a 24-hour clock; 24:00–47:59 is the next day (24:10 = ten past midnight).');
const UntilSchema = ClockSchema.describe(
  'End time, HH:MM. An end earlier than the start is on the next day (23:00 until 00:10); 24:10 says the same. Default: an instant.',
);

/** One thing that really happened. Never shown to any seat before the reveal. */
export const TimelineEventSchema = z
  .object({
    day: z
      .number()
      .int()
      .min(0)
      .max(30)
      .default(0)
      .describe(
        'Day offset, for stories that span several days; after midnight also 24:10 or an earlier until.',
      ),
    at: ClockSchema,
    until: UntilSchema.optional(),
    who: z.array(IdSchema).min(1),
    location: IdSchema.optional().describe('A location id, when it happened at a searchable location.'),
    place: LocalizedTextSchema.optional().describe('Where it happened, when not at a location of the story.'),
    what: LocalizedTextSchema,
  })
  .strict();

/** A time of the story's night: the day offset and HH:MM. */
export const StoryTimeSchema = z
  .object({
    day: z.number().int().min(0).max(30).default(0),
    at: ClockSchema,
    until: UntilSchema.optional(),
  })
  .strict();

/**
 * The person who died (or what was done): public, as the premise tells it. AI seats recognise these names
 * when the table talks about the victim ("what was 秋棠 to you?").
 */
export const VictimSchema = z
  .object({
    name: LocalizedTextSchema,
    aliases: z
      .array(LocalizedTextSchema)
      .default([])
      .describe('Other names the table uses for the victim: 秋棠 / Qiutang, 老林 / old Lin.'),
  })
  .strict();

/**
 * An ending applies when every condition it lists holds; endings are tried in order and the last one
 * must list none (the fallback).
 */
export const EndingConditionSchema = z
  .object({
    mostVoted: z
      .union([z.literal('culprit'), z.literal('innocent'), z.literal('tie'), IdSchema])
      .optional()
      .describe('Who got the most votes: culprit, innocent (someone else), tie, or a character id.'),
    culpritShare: z
      .object({ gt: z.number().min(0).max(1).optional(), lte: z.number().min(0).max(1).optional() })
      .strict()
      .optional()
      .describe('Fraction of all votes that went to a culprit, e.g. { gt: 0.5 } for a majority.'),
  })
  .strict();

export const EndingSchema = z
  .object({
    id: IdSchema,
    when: EndingConditionSchema.default({}),
    title: LocalizedTextSchema,
    text: LocalizedTextSchema,
  })
  .strict();

/** A set of clues that together lead to the culprit; the validator proves the mystery has two disjoint ones. */
export const EvidenceRouteSchema = z
  .object({
    id: IdSchema,
    description: LocalizedTextSchema.optional(),
    clues: z.array(IdSchema).min(1),
  })
  .strict();

export const StoryFileSchema = z
  .object({
    $schema: z.string().optional(),
    id: IdSchema.describe('Must equal the story folder’s name.'),
    version: z.number().int().min(1).default(1),
    languages: z.array(LanguageSchema).min(1),
    title: LocalizedTextSchema,
    blurb: LocalizedTextSchema,
    genre: GenreSchema,
    durationMinutes: z.number().int().min(30).max(600),
    contentWarnings: z.array(LocalizedTextSchema).default([]),
    premise: LocalizedTextSchema.describe('The case as every seat learns it before act 1: public.'),
    victim: VictimSchema.optional(),
    incident: StoryTimeSchema.optional().describe(
      'When it happened, as the table knows it from the premise (public): the span players mean by "when it happened" and ask alibis for. AI seats tell their own movements over it.',
    ),
    characters: z.array(CharacterProfileSchema).min(2).max(10),
    locations: z.array(LocationSchema).min(1),
    clues: z.array(ClueSchema).min(1),
    timeline: z.array(TimelineEventSchema).min(1),
    culprits: z.array(IdSchema).min(1),
    truth: LocalizedTextSchema.describe('The solution in a paragraph, shown at the reveal.'),
    phases: z.array(PhaseSchema).min(1),
    endings: z.array(EndingSchema).min(1),
    evidenceRoutes: z.array(EvidenceRouteSchema).min(1),
    debrief: z.string().default('debrief.md').describe('The debrief file, relative to the story folder.'),
  })
  .strict();
export type StoryFile = z.infer<typeof StoryFileSchema>;
export type StoryFileInput = z.input<typeof StoryFileSchema>;
export type Clue = z.infer<typeof ClueSchema>;
export type Location = z.infer<typeof LocationSchema>;
export type CharacterProfile = z.infer<typeof CharacterProfileSchema>;
export type StoryTime = z.infer<typeof StoryTimeSchema>;
export type Victim = z.infer<typeof VictimSchema>;
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;
export type Ending = z.infer<typeof EndingSchema>;
export type EndingCondition = z.infer<typeof EndingConditionSchema>;
export type EvidenceRoute = z.infer<typeof EvidenceRouteSchema>;
