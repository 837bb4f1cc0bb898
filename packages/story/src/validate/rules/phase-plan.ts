import type { Rule } from '../context.js';

/**
 * The plan the engine turns into its state machine: read act 1 first, acts and rounds in order, statements
 * before the one vote, then exactly reveal and debrief.
 */
export const checkPhasePlan: Rule = ({ story, report }) => {
  const phases = story.phases;
  const first = phases[0];
  if (first?.kind !== 'read' || first.act !== 1) {
    report('PHASE_START', ['phases', 0], 'the phase plan must start with { kind: read, act: 1 }');
  }
  let act = 0;
  let round = 0;
  phases.forEach((phase, i) => {
    if (phase.kind === 'read') {
      if (phase.act !== act + 1) {
        report(
          'PHASE_ACT_ORDER',
          ['phases', i, 'act'],
          `read act ${phase.act} comes where act ${act + 1} is due`,
        );
      }
      act = phase.act;
      round = 0;
    }
    if (phase.kind === 'search') {
      if (phase.round !== round + 1) {
        report(
          'PHASE_ROUND_ORDER',
          ['phases', i, 'round'],
          `search round ${phase.round} comes where round ${round + 1} of act ${act} is due`,
        );
      }
      round = phase.round;
    }
  });

  const votes = phases.flatMap((p, i) => (p.kind === 'vote' ? [i] : []));
  if (votes.length !== 1) {
    report(
      'PHASE_VOTE_COUNT',
      votes.length === 0 ? ['phases'] : ['phases', votes[1] ?? 0],
      `the plan has ${votes.length} votes; it needs exactly one`,
    );
  }
  const vote = votes[0];
  if (vote === undefined) return;
  phases.forEach((p, i) => {
    if (p.kind === 'statement' && i > vote) {
      report('PHASE_STATEMENT_AFTER_VOTE', ['phases', i], 'final statements come before the vote');
    }
  });
  const reveals = phases.flatMap((p, i) => (p.kind === 'reveal' ? [i] : []));
  if (phases[vote + 1]?.kind !== 'reveal' || reveals.length !== 1) {
    const at = reveals.find((i) => i !== vote + 1) ?? vote;
    report('PHASE_REVEAL_AFTER_VOTE', ['phases', at], 'the vote must be followed directly by the one reveal');
  }
  const last = phases.length - 1;
  const debriefs = phases.flatMap((p, i) => (p.kind === 'debrief' ? [i] : []));
  if (phases[last]?.kind !== 'debrief' || phases[last - 1]?.kind !== 'reveal' || debriefs.length !== 1) {
    report(
      'PHASE_DEBRIEF_LAST',
      ['phases', last],
      'the plan must end with the one debrief, right after the reveal',
    );
  }
};
