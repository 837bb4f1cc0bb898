import { z } from 'zod';
// Before any schema below is built (see the module).
import './no-eval.js';

/**
 * Protocol ids are plain strings: the web client never sees the story format, so seat, character,
 * clue, location and talk ids are opaque here (the engine checks that they exist).
 */
export const RefSchema = z.string().min(1).max(64);
export type Ref = z.infer<typeof RefSchema>;

/** Text per language, as stories carry it. */
export const LocalizedTextSchema = z
  .object({ zh: z.string().optional(), en: z.string().optional() })
  .strict();
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** Epoch milliseconds, supplied by the server (the engine never reads a clock). */
export const EpochMsSchema = z.number().int().min(0).max(8.64e15);

/** Length caps: they bound what one seat can push onto every other seat's screen and into the log. */
export const LIMITS = {
  displayName: 40,
  publicMessage: 500,
  privateMessage: 500,
  statement: 3000,
  /** A debrief line names an AI's goals and every lie it told, with the truth behind each. */
  hostMessage: 4000,
  extendMinutes: 60,
} as const;
