import type { SeatCommand } from '@jubensha/protocol';
import type { Clue, Story } from '@jubensha/story';
import { foundClue, type GameContext } from '../context.js';
import { pick } from '../rng.js';
import type { Rule } from './rule.js';

/**
 * The clues a seat could turn up at a location right now: not found yet, its (act, round) reached,
 * its hiddenUntil conditions met, and findable by this seat's character.
 */
export function eligibleClues(story: Story, ctx: GameContext, seat: string, location: string): Clue[] {
  return story.clues.filter((c) => {
    if (c.location !== location || foundClue(ctx, c.id)) return false;
    if (c.act > ctx.act || (c.act === ctx.act && c.round > ctx.round)) return false;
    if (c.hiddenUntil?.found?.some((id) => !foundClue(ctx, id))) return false;
    if (c.hiddenUntil?.published?.some((id) => !foundClue(ctx, id)?.published)) return false;
    return !c.findableBy || c.findableBy.includes(seat);
  });
}

export const search: Rule<Extract<SeatCommand, { type: 'SEARCH' }>> = ({ story, ctx, cmd, seat, now }) => {
  const location = story.locations.find((l) => l.id === cmd.location);
  if (!location) return 'UNKNOWN_LOCATION';
  const points = ctx.actionPoints[seat] ?? 0;
  if (points < location.cost) return 'NO_ACTION_POINTS';
  const eligible = eligibleClues(story, ctx, seat, location.id);
  if (eligible.length === 0) return 'LOCATION_EXHAUSTED';
  const { item, state } = pick(eligible, ctx.rng);
  ctx.rng = state;
  ctx.actionPoints[seat] = points - location.cost;
  ctx.found.push({ clue: item.id, seat, at: now, published: false, kept: false });
  return undefined;
};
