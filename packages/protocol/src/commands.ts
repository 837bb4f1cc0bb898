import { z } from 'zod';
import { EpochMsSchema, LIMITS, RefSchema } from './common.js';
import { HostMessageKindSchema } from './views.js';

const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => s.trim().length > 0, 'must not be blank');

const cmd = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), ...shape }).strict();

/** Commands a seated player (human or AI: the same path) sends. */
export const TakeSeatSchema = cmd('TAKE_SEAT', { name: text(LIMITS.displayName) });
export const ReadySchema = cmd('READY', { ready: z.boolean() });
export const FinishReadingSchema = cmd('FINISH_READING', {});
export const SearchSchema = cmd('SEARCH', { location: RefSchema });
export const PublishClueSchema = cmd('PUBLISH_CLUE', { clue: RefSchema });
export const KeepClueSchema = cmd('KEEP_CLUE', { clue: RefSchema });
export const PublicMessageSchema = cmd('PUBLIC_MESSAGE', { text: text(LIMITS.publicMessage) });
export const RequestTalkSchema = cmd('REQUEST_TALK', { with: RefSchema });
export const AcceptTalkSchema = cmd('ACCEPT_TALK', { talk: RefSchema });
export const DeclineTalkSchema = cmd('DECLINE_TALK', { talk: RefSchema });
export const EndTalkSchema = cmd('END_TALK', { talk: RefSchema });
export const PrivateMessageSchema = cmd('PRIVATE_MESSAGE', {
  talk: RefSchema,
  text: text(LIMITS.privateMessage),
});
export const StatementSchema = cmd('STATEMENT', { text: text(LIMITS.statement) });
export const VoteSchema = cmd('VOTE', { character: RefSchema });

/** Commands only the host sends. */
export const StartSchema = cmd('START', {});
export const AdvanceSchema = cmd('ADVANCE', {});
export const PauseSchema = cmd('PAUSE', {});
export const ResumeSchema = cmd('RESUME', {});
export const ExtendSchema = cmd('EXTEND', { minutes: z.number().int().min(1).max(LIMITS.extendMinutes) });
export const HandToAiSchema = cmd('HAND_TO_AI', { seat: RefSchema });
export const TakeBackSchema = cmd('TAKE_BACK', { seat: RefSchema });

/** Sent by the server's scheduler when a deadline may have passed. */
export const TickSchema = cmd('TICK', {});
/** Sent by the server for the AI host: a line said to the whole table (public, kept in the game). */
export const HostNarrateSchema = cmd('HOST_NARRATE', {
  kind: HostMessageKindSchema,
  text: text(LIMITS.hostMessage),
});

export const SeatCommandSchema = z.discriminatedUnion('type', [
  TakeSeatSchema,
  ReadySchema,
  FinishReadingSchema,
  SearchSchema,
  PublishClueSchema,
  KeepClueSchema,
  PublicMessageSchema,
  RequestTalkSchema,
  AcceptTalkSchema,
  DeclineTalkSchema,
  EndTalkSchema,
  PrivateMessageSchema,
  StatementSchema,
  VoteSchema,
]);
export const HostCommandSchema = z.discriminatedUnion('type', [
  StartSchema,
  AdvanceSchema,
  PauseSchema,
  ResumeSchema,
  ExtendSchema,
  HandToAiSchema,
  TakeBackSchema,
]);
/** Commands only the server itself sends (actor `{kind:'system'}`); no connection may send them. */
export const SystemCommandSchema = z.discriminatedUnion('type', [TickSchema, HostNarrateSchema]);
export const CommandSchema = z.discriminatedUnion('type', [
  ...SeatCommandSchema.options,
  ...HostCommandSchema.options,
  ...SystemCommandSchema.options,
]);
export type SeatCommand = z.infer<typeof SeatCommandSchema>;
export type HostCommand = z.infer<typeof HostCommandSchema>;
export type SystemCommand = z.infer<typeof SystemCommandSchema>;
export type Command = z.infer<typeof CommandSchema>;
export type CommandType = Command['type'];

export const SEAT_COMMANDS = SeatCommandSchema.options.map((o) => o.shape.type.value);
export const HOST_COMMANDS = HostCommandSchema.options.map((o) => o.shape.type.value);
export const SYSTEM_COMMANDS = SystemCommandSchema.options.map((o) => o.shape.type.value);

/** Who sends a command: a seat (authenticated by the server), the host, or the server itself (TICK, HOST_NARRATE). */
export const ActorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('seat'), seat: RefSchema }).strict(),
  z.object({ kind: z.literal('host') }).strict(),
  z.object({ kind: z.literal('system') }).strict(),
]);
export type Actor = z.infer<typeof ActorSchema>;

/** A command as the engine receives it: who, what, and when (epoch ms from the server's clock). */
export const EnvelopeSchema = z
  .object({ actor: ActorSchema, command: CommandSchema, at: EpochMsSchema })
  .strict();
export type Envelope = z.infer<typeof EnvelopeSchema>;

/** One accepted command in the event log. Replaying the log from the game's init reproduces the game. */
export const LogEntrySchema = z
  .object({ seq: z.number().int().min(1), at: EpochMsSchema, actor: ActorSchema, command: CommandSchema })
  .strict();
export type LogEntry = z.infer<typeof LogEntrySchema>;
