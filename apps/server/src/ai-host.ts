import type { GameSnapshot } from '@jubensha/engine';
import type { CommandAck, HintLevel, HostMessageKind, View } from '@jubensha/protocol';
import type { Story } from '@jubensha/story';

/**
 * The seam for the AI host (issue 7 plugs @jubensha/agents' HostDriver in here). After every accepted
 * command, and when a room opens, the room hands the host its view: the public story, progress, what
 * the host said so far, and the reveal once it came; never a seat's private part. The host answers
 * with lines for the whole table, which the room sends as the system's HOST_NARRATE through its queue.
 */
export interface AiHostContext {
  roomId: string;
  language: 'zh' | 'en';
  /** The room's hint setting, chosen when it was created. */
  hintLevel: HintLevel;
  view: View;
  /** Locations that still hide an unfound key clue (for the hint that names a place), no clue text. */
  unfoundKeyLocations: string[];
  /** Says a line to the table: HOST_NARRATE as the system actor, stored like any command. */
  narrate(line: { kind: HostMessageKind; text: string }): Promise<CommandAck>;
}

export interface AiHost {
  onHostView(ctx: AiHostContext): void;
  /** The room closes (shutdown, game over): stop any work for it. */
  onRoomClosed(roomId: string): void;
}

/** Without agents (JUBENSHA_AI_SEATS=idle, the server's own tests) nobody narrates. */
export const silentAiHost: AiHost = {
  onHostView: () => undefined,
  onRoomClosed: () => undefined,
};

/** Where key clues nobody has found yet lie, each location once, in story order. */
export function unfoundKeyLocations(story: Story, snapshot: GameSnapshot): string[] {
  const found = new Set(snapshot.context.found.map((f) => f.clue));
  const where = story.clues.filter((c) => c.kind === 'key' && !found.has(c.id)).map((c) => c.location);
  return story.locations.map((l) => l.id).filter((id) => where.includes(id));
}
