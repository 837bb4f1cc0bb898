import type { TimelineEvent } from '../../schema/story-file.js';
import type { Rule } from '../context.js';

const MINUTES_PER_DAY = 24 * 60;

function minutes(day: number, clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return day * MINUTES_PER_DAY + (h ?? 0) * 60 + (m ?? 0);
}

/** An instant takes its whole minute, so two instants in the same minute at different places conflict. */
function interval(event: TimelineEvent): [number, number] {
  const start = minutes(event.day, event.at);
  return [
    start,
    event.until === undefined ? start + 1 : Math.max(minutes(event.day, event.until), start + 1),
  ];
}

function placeOf(event: TimelineEvent): string | undefined {
  if (event.location !== undefined) return `location:${event.location}`;
  if (event.place === undefined) return undefined;
  return `place:${(event.place.en ?? event.place.zh ?? '').trim().toLowerCase()}`;
}

/** The true timeline never puts one person in two places at overlapping times. */
export const checkTimeline: Rule = ({ story, report }) => {
  story.timeline.forEach((event, i) => {
    if (event.until !== undefined && event.until < event.at) {
      report(
        'TIMELINE_INTERVAL',
        ['timeline', i, 'until'],
        `the event ends (${event.until}) before it starts (${event.at})`,
      );
    }
  });
  story.timeline.forEach((event, j) => {
    const place = placeOf(event);
    if (place === undefined) return;
    const [start, end] = interval(event);
    for (let i = 0; i < j; i++) {
      const earlier = story.timeline[i];
      if (earlier === undefined) continue;
      const otherPlace = placeOf(earlier);
      if (otherPlace === undefined || otherPlace === place) continue;
      const [s, e] = interval(earlier);
      if (!(s < end && start < e)) continue;
      for (const who of event.who.filter((w) => earlier.who.includes(w))) {
        report(
          'TIMELINE_CONFLICT',
          ['timeline', j, 'who', event.who.indexOf(who)],
          `${who} is here at day ${event.day} ${event.at} and elsewhere at the same time (timeline[${i}], day ${earlier.day} ${earlier.at})`,
        );
      }
    }
  });
};
