import { selectEnding, type GoalCheck, type Story } from '@jubensha/story';
import type { GameContext, Outcome } from './context.js';

interface Tally {
  counts: Record<string, number>;
  /** The characters sharing the most votes (empty when nobody voted). */
  leaders: string[];
  /** The single most-voted character, or null on a tie or no votes. */
  single: string | null;
}

function tallyVotes(story: Story, votes: Record<string, string>): Tally {
  const counts: Record<string, number> = {};
  for (const c of story.characters) counts[c.id] = 0;
  const cast = Object.values(votes);
  for (const v of cast) counts[v] = (counts[v] ?? 0) + 1;
  const top = Math.max(0, ...Object.values(counts));
  const leaders = top === 0 ? [] : story.characters.map((c) => c.id).filter((id) => counts[id] === top);
  return {
    counts,
    leaders,
    single: leaders.length === 1 ? (leaders[0] ?? null) : null,
  };
}

function goalAchieved(
  story: Story,
  ctx: GameContext,
  character: string,
  check: GoalCheck,
  t: Tally,
): boolean {
  const found = (id: string) => ctx.found.find((f) => f.clue === id);
  switch (check.kind) {
    case 'votedCulprit':
      return story.culprits.includes(ctx.votes[character] ?? '');
    case 'notMostVoted':
      return !t.leaders.includes(character);
    case 'mostVoted':
      return t.single === check.character;
    case 'found':
      return check.clues.every((id) => found(id)?.seat === character);
    case 'unpublished':
      return check.clues.every((id) => !found(id)?.published);
    case 'published':
      return check.clues.every((id) => found(id)?.published === true);
  }
}

/**
 * The reveal: the first ending whose conditions all hold (the last one is the fallback), and each
 * character's goals of the acts played so far, checked automatically.
 */
export function computeOutcome(story: Story, ctx: GameContext): Outcome {
  const t = tallyVotes(story, ctx.votes);
  // The validator's own ending rule, so what authors check is what the table gets.
  const ending = selectEnding(story, t.counts) ?? story.endings[story.endings.length - 1];
  return {
    ending: ending?.id ?? '',
    tally: t.counts,
    votes: { ...ctx.votes },
    scores: story.characters.map((c) => {
      const goals = c.goals
        .filter((g) => g.act <= ctx.act)
        .map((g) => ({ id: g.id, achieved: goalAchieved(story, ctx, c.id, g.check, t) }));
      const points = c.goals
        .filter((g) => goals.some((r) => r.id === g.id && r.achieved))
        .reduce((sum, g) => sum + g.points, 0);
      return { character: c.id, points, goals };
    }),
  };
}
