import { z } from 'zod';
import { EpochMsSchema, LocalizedTextSchema, RefSchema } from './common.js';

const L = LocalizedTextSchema;
const nullable = <T extends z.ZodType>(t: T) => t.nullable();

/** One step of the phase plan (public: it is the evening's agenda). */
export const PlanStepSchema = z
  .object({
    kind: z.enum(['read', 'intro', 'search', 'discuss', 'statement', 'vote', 'reveal', 'debrief']),
    act: z.number().int().optional(),
    round: z.number().int().optional(),
    actionPoints: z.number().int().optional(),
    mode: z.enum(['public', 'private']).optional(),
    minutes: z.number().optional(),
  })
  .strict();
export type PlanStep = z.infer<typeof PlanStepSchema>;

/** What everyone may know about the story before playing. */
export const PublicStorySchema = z
  .object({
    id: RefSchema,
    languages: z.array(z.enum(['zh', 'en'])),
    title: L,
    blurb: L,
    premise: L,
    /** The victim's names (null: the story does not say). */
    victim: nullable(z.object({ name: L, aliases: z.array(L) }).strict()),
    /** When it happened, as the premise tells the table: the span alibis are asked for (null: not said). */
    incident: nullable(
      z.object({ day: z.number().int(), at: z.string(), until: nullable(z.string()) }).strict(),
    ),
    contentWarnings: z.array(L),
    characters: z.array(z.object({ id: RefSchema, name: L, profile: L }).strict()),
    locations: z.array(
      z.object({ id: RefSchema, name: L, description: nullable(L), cost: z.number().int() }).strict(),
    ),
    plan: z.array(PlanStepSchema),
  })
  .strict();
export type PublicStory = z.infer<typeof PublicStorySchema>;

export const ControllerSchema = z.enum(['human', 'ai']);
export type Controller = z.infer<typeof ControllerSchema>;

export const SeatSummarySchema = z
  .object({
    seat: RefSchema,
    /** The display name of the human who took the seat (null: not taken, or an AI seat never taken). */
    name: nullable(z.string()),
    controller: ControllerSchema,
    /** AI seats are always ready. */
    ready: z.boolean(),
  })
  .strict();
export type SeatSummary = z.infer<typeof SeatSummarySchema>;

/** Progress and administration: no story secrets, so every viewer (the host included) gets it. */
export const ProgressSchema = z
  .object({
    started: z.boolean(),
    /** Index into `story.plan`; null in the lobby. */
    phase: nullable(z.number().int()),
    act: z.number().int(),
    round: z.number().int(),
    phaseStartedAt: nullable(EpochMsSchema),
    /** When the current phase (or, in statements, the current speaker) runs out; null: no timer. */
    deadline: nullable(EpochMsSchema),
    pausedAt: nullable(EpochMsSchema),
    seats: z.array(SeatSummarySchema),
    finishedReading: z.array(RefSchema),
    statementOrder: z.array(RefSchema),
    speaker: nullable(RefSchema),
    voted: z.array(RefSchema),
    revealed: z.boolean(),
    counts: z
      .object({
        cluesFound: z.number().int(),
        cluesPublished: z.number().int(),
        publicMessages: z.number().int(),
        statements: z.number().int(),
        votes: z.number().int(),
      })
      .strict(),
  })
  .strict();
export type Progress = z.infer<typeof ProgressSchema>;

export const ClueCardSchema = z
  .object({
    id: RefSchema,
    location: RefSchema,
    title: L,
    text: L,
    foundBy: RefSchema,
    foundAt: EpochMsSchema,
    published: z.boolean(),
    kept: z.boolean(),
  })
  .strict();
export type ClueCard = z.infer<typeof ClueCardSchema>;

export const ChatMessageSchema = z
  .object({ n: z.number().int(), seat: RefSchema, text: z.string(), at: EpochMsSchema })
  .strict();
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

/**
 * What the host says to the whole table (the AI host's narration of a phase, a time reminder, a hint
 * when the table is stuck, the debrief lines). Public: every viewer gets every one. `after` is how many
 * public chat lines were said before it, so clients place it in the chat.
 */
export const HostMessageKindSchema = z.enum(['narration', 'reminder', 'hint', 'debrief']);
export type HostMessageKind = z.infer<typeof HostMessageKindSchema>;
export const HostMessageSchema = z
  .object({
    n: z.number().int(),
    kind: HostMessageKindSchema,
    text: z.string(),
    at: EpochMsSchema,
    after: z.number().int().min(0),
  })
  .strict();
export type HostMessage = z.infer<typeof HostMessageSchema>;

export const StatementEntrySchema = z
  .object({ seat: RefSchema, text: nullable(z.string()), at: EpochMsSchema })
  .strict();
export type StatementEntry = z.infer<typeof StatementEntrySchema>;

/** What the whole table has seen: published clues, public chat, statements given. */
export const TableSchema = z
  .object({
    publishedClues: z.array(ClueCardSchema),
    chat: z.array(ChatMessageSchema),
    statements: z.array(StatementEntrySchema),
  })
  .strict();
export type Table = z.infer<typeof TableSchema>;

export const TalkSchema = z
  .object({
    id: RefSchema,
    from: RefSchema,
    to: RefSchema,
    status: z.enum(['requested', 'open', 'declined', 'ended']),
    messages: z.array(ChatMessageSchema),
  })
  .strict();
export type Talk = z.infer<typeof TalkSchema>;

export const GoalViewSchema = z
  .object({ id: RefSchema, act: z.number().int(), points: z.number().int(), text: L })
  .strict();
export const SecretViewSchema = z
  .object({
    id: RefSchema,
    act: z.number().int(),
    text: L,
    mustNotReveal: z
      .object({ zh: z.array(z.string()).optional(), en: z.array(z.string()).optional() })
      .strict(),
  })
  .strict();
export const CoverClaimViewSchema = z.object({ id: RefSchema, protects: RefSchema, text: L }).strict();
/**
 * One of the character's own movements that night: a timeline entry it took part in (it is in `who`), as
 * its own seat knows it; `with` are the other characters in it.
 */
export const MovementViewSchema = z
  .object({
    day: z.number().int(),
    at: z.string(),
    until: nullable(z.string()),
    location: nullable(RefSchema),
    place: nullable(L),
    with: z.array(RefSchema),
    what: L,
  })
  .strict();
export type MovementView = z.infer<typeof MovementViewSchema>;
export const ExampleLineViewSchema = z.object({ intent: z.string(), prompt: nullable(L), text: L }).strict();

/** A character's private file as its own seat knows it (up to the current act). */
export const PrivateCharacterSchema = z
  .object({
    id: RefSchema,
    voice: nullable(L),
    /** script[i] is act i + 1; only acts reached so far. */
    script: z.array(L),
    secrets: z.array(SecretViewSchema),
    goals: z.array(GoalViewSchema),
    relationships: z.array(z.object({ with: RefSchema, text: L }).strict()),
    cover: nullable(z.array(CoverClaimViewSchema)),
    lines: z.array(ExampleLineViewSchema),
    /** Its own movements that night (timeline entries it is in), from act 1. */
    movements: z.array(MovementViewSchema),
  })
  .strict();
export type PrivateCharacter = z.infer<typeof PrivateCharacterSchema>;

/** What only this seat knows. */
export const SeatPrivateSchema = z
  .object({
    seat: RefSchema,
    character: PrivateCharacterSchema,
    actionPoints: z.number().int(),
    /** Clues this seat found (published or not). */
    clues: z.array(ClueCardSchema),
    talks: z.array(TalkSchema),
    vote: nullable(RefSchema),
    finishedReading: z.boolean(),
    /**
     * In a search: the locations where this seat can turn up nothing more right now (a search there
     * would answer LOCATION_EXHAUSTED). Empty outside searches; absent from servers before it existed.
     */
    searchedOut: z.array(RefSchema).optional(),
  })
  .strict();
export type SeatPrivate = z.infer<typeof SeatPrivateSchema>;

export const GoalResultSchema = z
  .object({ id: RefSchema, act: z.number().int(), points: z.number().int(), text: L, achieved: z.boolean() })
  .strict();

/** Everything, shown to every viewer once the reveal starts. */
export const RevealSchema = z
  .object({
    truth: L,
    culprits: z.array(RefSchema),
    ending: z.object({ id: RefSchema, title: L, text: L }).strict(),
    endings: z.array(z.object({ id: RefSchema, title: L, text: L }).strict()),
    votes: z.record(z.string(), RefSchema),
    tally: z.record(z.string(), z.number().int()),
    scores: z.array(
      z.object({ character: RefSchema, points: z.number().int(), goals: z.array(GoalResultSchema) }).strict(),
    ),
    timeline: z.array(
      z
        .object({
          day: z.number().int(),
          at: z.string(),
          until: nullable(z.string()),
          who: z.array(RefSchema),
          location: nullable(RefSchema),
          place: nullable(L),
          what: L,
        })
        .strict(),
    ),
    characters: z.array(PrivateCharacterSchema),
    clues: z.array(
      z
        .object({
          id: RefSchema,
          location: RefSchema,
          title: L,
          text: L,
          kind: z.string(),
          foundBy: nullable(RefSchema),
          published: z.boolean(),
        })
        .strict(),
    ),
    debrief: L,
  })
  .strict();
export type Reveal = z.infer<typeof RevealSchema>;

export const ViewerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('seat'), seat: RefSchema }).strict(),
  z.object({ kind: z.literal('host') }).strict(),
  z.object({ kind: z.literal('spectator') }).strict(),
]);
export type Viewer = z.infer<typeof ViewerSchema>;

/**
 * One viewer's view of the game. `table` is null for the host before the reveal (the host often
 * plays a seat too and gets that seat's view separately); `me` is set only for a seat; `reveal` is
 * null until the reveal, then the same for everyone. `hostMessages` go to every viewer, the host too.
 */
export const ViewSchema = z
  .object({
    viewer: ViewerSchema,
    version: z.number().int().min(0),
    story: PublicStorySchema,
    progress: ProgressSchema,
    table: nullable(TableSchema),
    me: nullable(SeatPrivateSchema),
    reveal: nullable(RevealSchema),
    hostMessages: z.array(HostMessageSchema),
  })
  .strict();
export type View = z.infer<typeof ViewSchema>;
