import type { Story } from '@jubensha/story';
import { eligibleClues } from '../rules/search.js';
import { Driver, HOST, seat, SYSTEM } from './driver.js';

/** Who each seat votes for; null: the seat does not vote (the deadline closes the vote). */
export type VotePlan = Record<string, string | null>;

/**
 * Plays a whole game with every seat cooperative: reads, introduces itself, searches until nothing
 * is left, publishes everything, talks in private, states, votes by `votes`, and goes through the
 * reveal into the debrief. Every command must be accepted.
 */
export function autoplay(story: Story, votes: VotePlan, seed = 7): Driver {
  const d = new Driver(story, { seed, seats: {}, at: 1_700_000_000_000 });
  const seats = () => d.ctx.seats.map((s) => s.id);
  d.must(HOST, { type: 'START' });
  for (let guard = 0; d.phaseKind !== 'debrief'; guard++) {
    if (guard > 10_000) throw new Error('autoplay is stuck');
    const phase = d.phaseKind;
    const before = d.ctx.phase;
    if (phase === 'read') {
      for (const s of seats()) d.must(seat(s), { type: 'FINISH_READING' });
    } else if (phase === 'intro' || (phase === 'discuss' && story.phases[before]?.kind === 'discuss')) {
      for (const s of seats()) d.must(seat(s), { type: 'PUBLIC_MESSAGE', text: `hello from ${s}` });
      const p = story.phases[before];
      if (p?.kind === 'discuss' && p.mode === 'private') {
        const [a, b] = seats() as [string, string];
        d.must(seat(a), { type: 'REQUEST_TALK', with: b });
        const talk = d.ctx.talks[d.ctx.talks.length - 1]?.id ?? '';
        d.must(seat(b), { type: 'ACCEPT_TALK', talk });
        d.must(seat(a), { type: 'PRIVATE_MESSAGE', talk, text: 'between us' });
        d.must(seat(b), { type: 'END_TALK', talk });
      }
      d.must(HOST, { type: 'ADVANCE' });
    } else if (phase === 'search') {
      let searched = false;
      for (const s of seats()) {
        const where = story.locations.find(
          (l) => (d.ctx.actionPoints[s] ?? 0) >= l.cost && eligibleClues(story, d.ctx, s, l.id).length > 0,
        );
        if (!where) continue;
        d.must(seat(s), { type: 'SEARCH', location: where.id });
        searched = true;
        const found = d.ctx.found[d.ctx.found.length - 1];
        if (found && d.phaseKind === 'search') d.must(seat(s), { type: 'PUBLISH_CLUE', clue: found.clue });
        break;
      }
      if (!searched && d.ctx.phase === before) d.must(HOST, { type: 'ADVANCE' });
    } else if (phase === 'statement') {
      const speaker = d.ctx.statementOrder[d.ctx.speakerIndex] ?? '';
      d.must(seat(speaker), { type: 'STATEMENT', text: `statement of ${speaker}` });
    } else if (phase === 'vote') {
      for (const s of seats()) {
        const choice = votes[s];
        if (choice) d.must(seat(s), { type: 'VOTE', character: choice });
      }
      if (d.phaseKind === 'vote') {
        const deadline = d.ctx.deadline;
        if (deadline !== null) d.must(SYSTEM, { type: 'TICK' }, deadline - d.at);
        else d.must(HOST, { type: 'ADVANCE' });
      }
    } else {
      d.must(HOST, { type: 'ADVANCE' });
    }
  }
  return d;
}
