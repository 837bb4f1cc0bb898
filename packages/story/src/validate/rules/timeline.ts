import { formatClock, MAX_ROLLOVER_MINUTES, MINUTES_PER_DAY, timeSpan } from '../../schema/clock.js';
import type { StoryTime, TimelineEvent } from '../../schema/story-file.js';
import type { Rule } from '../context.js';

/** An instant takes its whole minute, so two instants in the same minute at different places conflict. */
function interval(event: TimelineEvent): [number, number] {
  const { from, to } = timeSpan(event);
  return [from, Math.max(to, from + 1)];
}

function placeOf(event: TimelineEvent): string | undefined {
  if (event.location !== undefined) return `location:${event.location}`;
  if (event.place === undefined) return undefined;
  return `place:${(event.place.en ?? event.place.zh ?? '').trim().toLowerCase()}`;
}

/** The true timeline never puts one person in two places at overlapping times. */
export const checkTimeline: Rule = ({ story, report }) => {
  const checkInterval = (time: StoryTime | TimelineEvent, path: (string | number)[]) => {
    const { from, to } = timeSpan(time);
    if (to >= from) return;
    // An earlier end is the next day only within a night's span: past it the likelier mistake is a typo.
    report(
      'TIMELINE_INTERVAL',
      [...path, 'until'],
      `the event ends (${time.until ?? ''}) before it starts (${time.at}); an earlier end is read as the next day only within ${MAX_ROLLOVER_MINUTES / 60} hours: if it really ends the next day, write until: '${formatClock(to - time.day * MINUTES_PER_DAY + MINUTES_PER_DAY)}'`,
    );
  };
  if (story.incident) checkInterval(story.incident, ['incident']);
  story.timeline.forEach((event, i) => checkInterval(event, ['timeline', i]));
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
