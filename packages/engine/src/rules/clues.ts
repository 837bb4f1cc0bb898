import type { SeatCommand } from '@jubensha/protocol';
import { foundClue } from '../context.js';
import type { Rule } from './rule.js';

type Cmd<T> = Extract<SeatCommand, { type: T }>;

// Another seat's clue answers UNKNOWN_CLUE, like a clue nobody found: the error must not tell
// anyone that a card exists in someone else's hand.
export const publishClue: Rule<Cmd<'PUBLISH_CLUE'>> = ({ ctx, cmd, seat }) => {
  const f = foundClue(ctx, cmd.clue);
  if (!f || f.seat !== seat) return 'UNKNOWN_CLUE';
  if (f.published) return 'ALREADY_PUBLISHED';
  f.published = true;
  return undefined;
};

/** Records the choice to keep a clue private (it may still be published later). */
export const keepClue: Rule<Cmd<'KEEP_CLUE'>> = ({ ctx, cmd, seat }) => {
  const f = foundClue(ctx, cmd.clue);
  if (!f || f.seat !== seat) return 'UNKNOWN_CLUE';
  if (f.published) return 'ALREADY_PUBLISHED';
  if (f.kept) return 'ALREADY_DONE';
  f.kept = true;
  return undefined;
};
