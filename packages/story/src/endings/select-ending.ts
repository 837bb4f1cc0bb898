import type { Ending, EndingCondition } from '../schema/story-file.js';

/** Votes per character id (characters with no vote may be left out). */
export type VoteTally = Readonly<Record<string, number>>;

/**
 * The ending a vote leads to: the first ending whose conditions all hold (the validator guarantees the last one
 * has none, so with a valid story this always returns an ending). Pure; the engine and the validator share it.
 */
export function selectEnding(
  story: { endings: readonly Ending[]; culprits: readonly string[] },
  tally: VoteTally,
): Ending | undefined {
  return story.endings.find((ending) => endingApplies(ending.when, story.culprits, tally));
}

export function endingApplies(when: EndingCondition, culprits: readonly string[], tally: VoteTally): boolean {
  const counts = Object.entries(tally).filter(([, n]) => n > 0);
  const cast = counts.reduce((sum, [, n]) => sum + n, 0);
  const most = Math.max(0, ...counts.map(([, n]) => n));
  const top = counts.filter(([, n]) => n === most).map(([id]) => id);
  const single = top.length === 1 ? top[0] : undefined;
  if (when.mostVoted !== undefined) {
    const holds =
      when.mostVoted === 'tie'
        ? top.length > 1
        : when.mostVoted === 'culprit'
          ? single !== undefined && culprits.includes(single)
          : when.mostVoted === 'innocent'
            ? single !== undefined && !culprits.includes(single)
            : single === when.mostVoted;
    if (!holds) return false;
  }
  if (when.culpritShare !== undefined) {
    const culpritVotes = counts.filter(([id]) => culprits.includes(id)).reduce((sum, [, n]) => sum + n, 0);
    const share = cast === 0 ? 0 : culpritVotes / cast;
    if (when.culpritShare.gt !== undefined && !(share > when.culpritShare.gt)) return false;
    if (when.culpritShare.lte !== undefined && !(share <= when.culpritShare.lte)) return false;
  }
  return true;
}
