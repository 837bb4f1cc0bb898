import type { Story } from '@jubensha/story';
import type { VotePlan } from './autoplay.js';

/**
 * Vote patterns that between them reach every kind of ending condition: everyone on one character,
 * a culprit against one innocent at every split, a culprit against scattered votes, and no votes.
 */
export function votePlans(story: Story): VotePlan[] {
  const seats = story.characters.map((c) => c.id);
  const culprit = story.culprits[0] ?? '';
  const innocents = seats.filter((s) => !story.culprits.includes(s));
  const plan = (pick: (i: number) => string | null): VotePlan =>
    Object.fromEntries(seats.map((s, i) => [s, pick(i)]));
  const plans: VotePlan[] = [plan(() => null)];
  for (const c of seats) plans.push(plan(() => c));
  for (let m = 0; m <= seats.length; m++) {
    for (const i of innocents) plans.push(plan((k) => (k < m ? culprit : i)));
    plans.push(plan((k) => (k < m ? culprit : (innocents[k % innocents.length] ?? null))));
  }
  return plans;
}
