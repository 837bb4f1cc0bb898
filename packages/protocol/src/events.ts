import { z } from 'zod';
import { EpochMsSchema, RefSchema } from './common.js';
import { GameErrorSchema } from './errors.js';
import { ChatMessageSchema, ViewSchema } from './views.js';
import { ViewChangeSchema } from './view-patch.js';

/** The answer to every command: the new game version, or why nothing changed. */
export const CommandAckSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), version: z.number().int().min(0) }).strict(),
  z.object({ ok: z.literal(false), error: GameErrorSchema }).strict(),
]);
export type CommandAck = z.infer<typeof CommandAckSchema>;

/** Where a chat line goes: the public table or one private talk. */
export const ChannelSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('public') }).strict(),
  z.object({ kind: z.literal('talk'), talk: RefSchema }).strict(),
]);
export type Channel = z.infer<typeof ChannelSchema>;

/**
 * Everything the server pushes to one connection. A client gets `view` on (re)connect, then
 * `update`s that apply to the version it holds (`from`); on a gap it asks for a full view.
 * `chat_chunk`/`chat_end` stream an AI seat's speech while it is generated; the line itself
 * becomes part of the game only when the seat's command is accepted (and shows up in a view).
 * `finished` tells every connection the host ended the game.
 */
export const ServerEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('view'), view: ViewSchema }).strict(),
  z
    .object({
      type: z.literal('update'),
      from: z.number().int().min(0),
      version: z.number().int().min(0),
      changes: z.array(ViewChangeSchema),
    })
    .strict(),
  z.object({ type: z.literal('chat'), channel: ChannelSchema, message: ChatMessageSchema }).strict(),
  z
    .object({
      type: z.literal('chat_chunk'),
      stream: RefSchema,
      seat: RefSchema,
      channel: ChannelSchema,
      index: z.number().int().min(0),
      text: z.string(),
    })
    .strict(),
  z
    .object({
      type: z.literal('chat_end'),
      stream: RefSchema,
      seat: RefSchema,
      channel: ChannelSchema,
      /** false when the speech was cut off (guard, error, timeout): clients drop the partial text. */
      completed: z.boolean(),
    })
    .strict(),
  z.object({ type: z.literal('error'), error: GameErrorSchema }).strict(),
  /**
   * The host ended the game (moving on from the last phase): the room takes no more commands; the
   * views it sent, the reveal and the debrief among them, stay readable.
   */
  z.object({ type: z.literal('finished'), at: EpochMsSchema }).strict(),
]);
export type ServerEvent = z.infer<typeof ServerEventSchema>;
