import type { View, Viewer } from '@jubensha/protocol';
import type { Story } from '@jubensha/story';
import { EngineError } from '../errors.js';
import type { GameSnapshot } from '../game.js';
import { hostMessages, progress, table } from './progress.js';
import { revealView } from './reveal.js';
import { seatPrivate } from './seat.js';
import { publicStory } from './public-story.js';

/**
 * One viewer's view, built field by field from an allow-list (never by copying the context).
 * Before the reveal: a seat gets the public story, progress, the table and its own private part;
 * a spectator the public story, progress and the table; the host only the public story and progress.
 * From the reveal on, everyone also gets the table and the whole truth. What the host said to the
 * table goes to every viewer, the host included.
 */
export function projectView(story: Story, snapshot: GameSnapshot, viewer: Viewer): View {
  const ctx = snapshot.context;
  let me = null;
  if (viewer.kind === 'seat') {
    me = seatPrivate(story, ctx, viewer.seat);
    if (!me || !ctx.seats.some((s) => s.id === viewer.seat))
      throw new EngineError('UNKNOWN_SEAT', viewer.seat);
  }
  const revealed = ctx.outcome !== null;
  return {
    viewer: viewer.kind === 'seat' ? { kind: 'seat', seat: viewer.seat } : { kind: viewer.kind },
    version: ctx.version,
    story: publicStory(story),
    progress: progress(ctx),
    table: viewer.kind !== 'host' || revealed ? table(story, ctx) : null,
    me,
    reveal: ctx.outcome ? revealView(story, ctx, ctx.outcome) : null,
    hostMessages: hostMessages(ctx),
  };
}
