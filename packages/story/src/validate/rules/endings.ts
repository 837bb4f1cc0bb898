import { selectEnding } from '../../endings/select-ending.js';
import type { Rule } from '../context.js';

/**
 * The last ending is the fallback (no conditions), and every ending is chosen by some distribution of votes:
 * every seat votes for one character, so all multisets of seat-count votes over the characters are tried
 * (462 for six seats).
 */
export const checkEndings: Rule = ({ story, report }) => {
  const last = story.endings.length - 1;
  const fallback = story.endings[last];
  if (fallback && Object.keys(fallback.when).length > 0) {
    report(
      'ENDING_FALLBACK',
      ['endings', last, 'when'],
      'the last ending is the fallback: give it no conditions',
    );
  }
  const ids = story.characters.map((c) => c.id);
  const reached = new Set<string>();
  const tally: Record<string, number> = {};
  const enumerate = (from: number, left: number) => {
    if (left === 0) {
      const ending = selectEnding(story, tally);
      if (ending) reached.add(ending.id);
      return;
    }
    for (let i = from; i < ids.length; i++) {
      const id = ids[i] as string;
      tally[id] = (tally[id] ?? 0) + 1;
      enumerate(i, left - 1);
      tally[id] -= 1;
    }
  };
  enumerate(0, ids.length);
  story.endings.forEach((ending, i) => {
    if (!reached.has(ending.id)) {
      report(
        'ENDING_UNREACHABLE',
        ['endings', i],
        `no vote leads to the ending ${ending.id}: its conditions never hold where no earlier ending applies`,
        {
          severity: 'warning',
        },
      );
    }
  });
};
