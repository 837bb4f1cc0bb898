import type { Story } from '../schema/story.js';

/** A search phase of the plan, with the act it belongs to (the act of the latest read before it). */
export interface SearchRound {
  /** Index of the phase in the plan. */
  phase: number;
  act: number;
  round: number;
  actionPoints: number;
}

export function searchRounds(story: Pick<Story, 'phases'>): SearchRound[] {
  let act = 0;
  const rounds: SearchRound[] = [];
  story.phases.forEach((phase, index) => {
    if (phase.kind === 'read') act = phase.act;
    if (phase.kind === 'search') {
      rounds.push({ phase: index, act, round: phase.round, actionPoints: phase.actionPoints });
    }
  });
  return rounds;
}
