import type { Rule } from '../context.js';

/** Every key clue can be found in some search round; hiddenUntil never waits in a circle. */
export const checkFindability: Rule = ({ story, report, findability }) => {
  const { earliest, cyclic, noRound } = findability;
  story.clues.forEach((clue, i) => {
    const at = ['clues', i];
    if (noRound.has(clue.id)) {
      if (clue.act <= story.acts) {
        report(
          'CLUE_ROUND_MISSING',
          [...at, 'round'],
          `the plan has no search round ${clue.round} in act ${clue.act}`,
        );
      }
    } else if (cyclic.has(clue.id)) {
      report(
        'HIDDEN_UNTIL_CYCLE',
        [...at, 'hiddenUntil'],
        `${clue.id} waits, through hiddenUntil, on itself`,
      );
    } else if (!earliest.has(clue.id) && story.locations.some((l) => l.id === clue.location)) {
      const why =
        'no search round from its own on can reveal it (hiddenUntil, or action points below the location cost)';
      if (clue.kind === 'key')
        report('KEY_CLUE_UNFINDABLE', at, `the key clue ${clue.id} can never be found: ${why}`);
      else report('CLUE_UNFINDABLE', at, `${clue.id} can never be found: ${why}`, { severity: 'warning' });
    }
  });
};
