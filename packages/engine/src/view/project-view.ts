import type { View, Viewer } from '@jubensha/protocol';
import type { Story } from '@jubensha/story';
import { EngineError } from '../errors.js';
import type { GameSnapshot } from '../game.js';
import { FRESH, type ProjectionMemo } from './memo.js';
import { hostMessages, progress, table } from './progress.js';
import { revealView } from './reveal.js';
import { seatPrivate } from './seat.js';
import { publicStory } from './public-story.js';

/**
 * One viewer's view, built field by field from an allow-list (never by copying the context).
 * Before the reveal: a seat gets the public story, progress, the table and its own private part;
 * a spectator the public story, progress and the table; the host only the public story and progress.
 * From the reveal on, everyone also gets the table and the whole truth. What the host said to the
 * table goes to every viewer, the host included. `memo` only decides which objects are reused
 * (`ViewProjector`), never what the viewer gets.
 */
export function projectView(
  story: Story,
  snapshot: GameSnapshot,
  viewer: Viewer,
  memo: ProjectionMemo = FRESH,
): View {
  const ctx = snapshot.context;
  let me = null;
  if (viewer.kind === 'seat') {
    me = seatPrivate(story, ctx, viewer.seat, memo);
    if (!me || !ctx.seats.some((s) => s.id === viewer.seat))
      throw new EngineError('UNKNOWN_SEAT', viewer.seat);
  }
  const outcome = ctx.outcome;
  const revealed = outcome !== null;
  return {
    viewer: viewer.kind === 'seat' ? { kind: 'seat', seat: viewer.seat } : { kind: viewer.kind },
    version: ctx.version,
    story: memo.common('story', () => publicStory(story)),
    progress: memo.common('progress', () => progress(ctx)),
    table: viewer.kind !== 'host' || revealed ? memo.common('table', () => table(story, ctx, memo)) : null,
    me,
    reveal: outcome ? memo.common('reveal', () => revealView(story, ctx, outcome)) : null,
    hostMessages: memo.common('host', () => hostMessages(ctx, memo)),
  };
}
