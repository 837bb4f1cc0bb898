import { median, readingLoad } from '../../stats/reading-load.js';
import type { Rule } from '../context.js';

/** Warns when one seat must read more than twice what the median seat reads: that player would hold the table up. */
export const checkReadingLoad: Rule = ({ story, report }) => {
  const loads = readingLoad(story);
  for (const language of story.languages) {
    const seats = loads.filter((l) => l.language === language);
    const typical = median(seats.map((s) => s.total));
    for (const seat of seats) {
      if (typical > 0 && seat.total > 2 * typical) {
        const index = story.characters.findIndex((c) => c.id === seat.character);
        report(
          'READING_LOAD_HIGH',
          ['characters', index, 'script', 0, language],
          `${seat.character} reads ${seat.total} ${language === 'zh' ? 'characters' : 'words'} (${seat.minutes.toFixed(1)} min), more than twice the median ${typical}`,
          { severity: 'warning' },
        );
      }
    }
  }
};
