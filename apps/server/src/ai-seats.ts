import type { Command, CommandAck, ServerEvent, View } from '@jubensha/protocol';
import type { SeatMemory } from '@jubensha/storage';
import type { Story } from '@jubensha/story';

/**
 * The seam for AI characters (issue 7 plugs agents in here). After every accepted command the room
 * hands each AI seat its own projected view, exactly what a human in that seat would see. An agent
 * answers by submitting ordinary commands for its seat; they take the same queue, the same engine
 * rules and the same store as a human's. Speech streamed while it is generated goes out through
 * `stream` as `chat_chunk`/`chat_end` events; only the accepted command makes it part of the game.
 */
export interface AiSeatContext {
  roomId: string;
  story: Story;
  language: 'zh' | 'en';
  seat: string;
  view: View;
  /** Sends a command as this seat (and only this seat) through the room's queue. */
  submit(command: Command): Promise<CommandAck>;
  /** Pushes a streamed speech event to every connection that may see the channel. */
  stream(event: Extract<ServerEvent, { type: 'chat_chunk' | 'chat_end' }>): void;
  /**
   * Stores what the AI of this seat remembers (a JSON object: its claims ledger), replacing what was
   * stored before. Returns at once; the write never waits in the room's queue and a failure is logged.
   */
  saveMemory(memory: object): void;
}

export interface AiSeats {
  /** Called after each accepted command (and once when a room opens) for each seat an AI plays. */
  onView(ctx: AiSeatContext): void;
  /**
   * Called when a room is loaded (a restart), before its first `onView`, with the memories its AI seats
   * saved: so that they go on with the stories they told.
   */
  restoreMemories?(roomId: string, memories: readonly SeatMemory[]): void;
  /** The room closes (shutdown, game over): stop any work for it. */
  onRoomClosed(roomId: string): void;
}

/** Until agents exist, AI seats do nothing: the engine treats them as ready and deadlines move the game. */
export const idleAiSeats: AiSeats = {
  onView: () => undefined,
  onRoomClosed: () => undefined,
};
