import type { Rule } from '../context.js';

/** Only characters with a cover story may lie, so every culprit needs one. */
export const checkCover: Rule = ({ story, report }) => {
  story.characters.forEach((character, i) => {
    if (story.culprits.includes(character.id) && !character.cover) {
      report(
        'CULPRIT_NO_COVER',
        ['characters', i, 'cover'],
        `the culprit ${character.id} needs a cover story to lie with`,
      );
    }
  });
};
