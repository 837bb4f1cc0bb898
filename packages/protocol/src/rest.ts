import { z } from 'zod';
import { LIMITS, LocalizedTextSchema, RefSchema } from './common.js';
import { GameErrorSchema } from './errors.js';
import { ControllerSchema } from './views.js';

/**
 * The server's HTTP API (JSON in, JSON out). Every failure answers `ApiErrorSchema` with a fitting
 * HTTP status (400 bad input, 401 bad token, 404 unknown room/story, 409 refused by the rules,
 * 413 too large, 429 rate limited, 503 shutting down). Paths are built by `API_PATHS`.
 */

export const LanguageSchema = z.enum(['zh', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

/** Short, typed by people, never guessed: 8 characters from an alphabet without 0/O, 1/I/L, U. */
export const ROOM_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const ROOM_CODE_LENGTH = 8;
export const RoomCodeSchema = z
  .string()
  .length(ROOM_CODE_LENGTH)
  .regex(new RegExp(`^[${ROOM_CODE_ALPHABET}]+$`));

/** Opaque random tokens (base64url); the server keeps only their hashes. */
export const TokenSchema = z
  .string()
  .min(16)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/);

export const API_PATHS = {
  stories: '/api/stories',
  rooms: '/api/rooms',
  room: (code: string) => `/api/rooms/${encodeURIComponent(code)}`,
  seat: (code: string, seat: string) =>
    `/api/rooms/${encodeURIComponent(code)}/seats/${encodeURIComponent(seat)}`,
  /** The web app's page for joining a room: what the host shares. */
  invite: (code: string) => `/join/${encodeURIComponent(code)}`,
} as const;

/** A seat as the box tells it: the character's name and public profile. */
export const SeatProfileSchema = z
  .object({ seat: RefSchema, name: LocalizedTextSchema, profile: LocalizedTextSchema })
  .strict();
export type SeatProfile = z.infer<typeof SeatProfileSchema>;

/** What the story list shows before anyone plays: nothing a seat may not know. */
export const StorySummarySchema = z
  .object({
    id: RefSchema,
    title: LocalizedTextSchema,
    blurb: LocalizedTextSchema,
    languages: z.array(LanguageSchema),
    genre: z.string(),
    durationMinutes: z.number().int(),
    contentWarnings: z.array(LocalizedTextSchema),
    seats: z.array(SeatProfileSchema),
  })
  .strict();
export type StorySummary = z.infer<typeof StorySummarySchema>;

/** GET /api/stories */
export const ListStoriesResponseSchema = z.object({ stories: z.array(StorySummarySchema) }).strict();
export type ListStoriesResponse = z.infer<typeof ListStoriesResponseSchema>;

/** How much the AI host helps a stuck table: 0 no hints, 1 nudges, 2 also names a place still worth a search. */
export const HintLevelSchema = z.union([z.literal(0), z.literal(1), z.literal(2)]);
export type HintLevel = z.infer<typeof HintLevelSchema>;
export const DEFAULT_HINT_LEVEL: HintLevel = 1;

/**
 * How this server's AI characters speak: through a configured language model, or only the lines the
 * story's author wrote (no model configured). Clients say so where AI seats play.
 */
export const AiVoicesSchema = z.enum(['model', 'authored-lines']);
export type AiVoices = z.infer<typeof AiVoicesSchema>;

/**
 * POST /api/rooms. `seats`: who plays each seat (seat id = character id); seats left out are AI. At least one human seat
 * is not required (an all-AI table is how authors test a story).
 */
export const CreateRoomRequestSchema = z
  .object({
    storyId: RefSchema,
    language: LanguageSchema,
    // A list, not a record: a `__proto__` seat key would vanish silently from a parsed record.
    seats: z
      .array(z.object({ seat: RefSchema, controller: ControllerSchema }).strict())
      .max(10)
      .refine((l) => new Set(l.map((s) => s.seat)).size === l.length, 'a seat is listed twice'),
    /** The AI host's hints (default `DEFAULT_HINT_LEVEL`). */
    hintLevel: HintLevelSchema.optional(),
  })
  .strict();
export type CreateRoomRequest = z.infer<typeof CreateRoomRequestSchema>;

/** The host token is shown once: the host's browser keeps it; the server keeps its hash. */
export const CreateRoomResponseSchema = z
  .object({
    roomId: RefSchema,
    code: RoomCodeSchema,
    hostToken: TokenSchema,
    /** Path of the web app's join page for this room (prefix it with the server's public URL). */
    invitePath: z.string(),
  })
  .strict();
export type CreateRoomResponse = z.infer<typeof CreateRoomResponseSchema>;

export const RoomSeatSchema = z
  .object({
    seat: RefSchema,
    /** The character's name (public). */
    character: LocalizedTextSchema,
    controller: ControllerSchema,
    /** A human took it (a name is set). */
    taken: z.boolean(),
    /** The display name of the human who took it; null if not taken. */
    name: z.string().nullable(),
    /** A socket holding this seat's token is connected. */
    online: z.boolean(),
  })
  .strict();
export type RoomSeat = z.infer<typeof RoomSeatSchema>;

/** GET /api/rooms/:code (rate limited per address). */
export const RoomInfoSchema = z
  .object({
    roomId: RefSchema,
    code: RoomCodeSchema,
    storyId: RefSchema,
    title: LocalizedTextSchema,
    language: LanguageSchema,
    status: z.enum(['lobby', 'playing', 'finished']),
    hostOnline: z.boolean(),
    seats: z.array(RoomSeatSchema),
    /** How the AI seats speak on this server. */
    aiVoices: AiVoicesSchema,
  })
  .strict();
export type RoomInfo = z.infer<typeof RoomInfoSchema>;

/** POST /api/rooms/:code/seats/:seat: take a free human seat under a display name. */
export const TakeSeatRequestSchema = z
  .object({
    name: z
      .string()
      .max(LIMITS.displayName)
      .refine((s) => s.trim().length > 0, 'must not be blank'),
  })
  .strict();
export type TakeSeatRequest = z.infer<typeof TakeSeatRequestSchema>;

/** The seat token is shown once: the player's browser keeps it to reconnect to this seat. */
export const TakeSeatResponseSchema = z
  .object({ roomId: RefSchema, seat: RefSchema, seatToken: TokenSchema, version: z.number().int().min(0) })
  .strict();
export type TakeSeatResponse = z.infer<typeof TakeSeatResponseSchema>;

export const ApiErrorSchema = z.object({ error: GameErrorSchema }).strict();
export type ApiError = z.infer<typeof ApiErrorSchema>;
