import { applyCommand, createGame, projectView, type GameSnapshot } from '@jubensha/engine';
import type { View } from '@jubensha/protocol';
import type { Story } from '@jubensha/story';

/** A game moved by the host to the last public discussion (every act read), and a seat's view of it. */
export function lastDiscussion(story: Story, seed = 1): GameSnapshot {
  let at = 1_700_000_000_000;
  let snap = createGame(story, { seed, seats: {}, at });
  const last = story.phases.reduce((n, p, i) => (p.kind === 'discuss' && p.mode === 'public' ? i : n), -1);
  for (const command of [
    { type: 'START' as const },
    ...Array.from({ length: last + 1 }, () => ({ type: 'ADVANCE' as const })),
  ]) {
    if (snap.context.phase === last) break;
    const r = applyCommand(story, snap, { actor: { kind: 'host' }, command, at: (at += 1000) });
    if (!r.ok) throw new Error(`${command.type} refused: ${r.error.code}`);
    snap = r.snapshot;
  }
  return snap;
}

/** The seat's view with one more public message in it, as if `from` (played by a person) had just said `text`. */
export function withMessage(
  story: Story,
  snap: GameSnapshot,
  seat: string,
  from: string,
  text: string,
  n: number,
): View {
  const view = projectView(story, snap, { kind: 'seat', seat });
  const at = snap.context.clock + n;
  return {
    ...view,
    version: view.version + n,
    progress: {
      ...view.progress,
      seats: view.progress.seats.map((s) => (s.seat === from ? { ...s, controller: 'human' as const } : s)),
    },
    table: view.table
      ? { ...view.table, chat: [...view.table.chat, { n: 10_000 + n, seat: from, text, at }] }
      : null,
  };
}

/** The view with these clues published (found by `by`, or by the seat itself when `by` is the seat). */
export function withClues(story: Story, view: View, ids: string[], by: string): View {
  const cards = story.clues
    .filter((c) => ids.includes(c.id))
    .map((c) => ({
      id: c.id,
      location: c.location,
      title: c.title,
      text: c.text,
      foundBy: by,
      foundAt: 1,
      published: true,
      kept: false,
    }));
  const me = view.me;
  return {
    ...view,
    version: view.version + 1,
    table: view.table ? { ...view.table, publishedClues: [...view.table.publishedClues, ...cards] } : null,
    me: me && by === me.seat ? { ...me, clues: [...me.clues, ...cards] } : me,
  };
}
