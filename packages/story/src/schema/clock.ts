/**
 * The story's clock. A night often runs past midnight, so an hour may go past 23 ('24:10' is ten past midnight
 * of the next day) and an `until` earlier than its `at` ends on the next day: 23:00 until 00:10 lasts 70
 * minutes. Every reader (validator, engine, agents) compares times as minutes from day 0's midnight.
 */
export const MINUTES_PER_DAY = 24 * 60;

/** Hours 00–47: the night's own day and the one after it, as the timetables of a long night write them. */
export const CLOCK_PATTERN = /^([0-3]\d|4[0-7]):[0-5]\d$/;

export const CLOCK_MESSAGE =
  'a time is HH:MM on a 24-hour clock, e.g. 21:40; after midnight use 24:10 (or day: 1 with 00:10)';

/**
 * An end earlier than its start is read as the next day only while the whole span stays under this: 23:00
 * until 00:10 is a night's event, 15:00 until 14:00 is a typo, not a 23-hour one.
 */
export const MAX_ROLLOVER_MINUTES = 12 * 60;

/** Minutes after the midnight that starts the clock's day; '24:10' is 1450. */
export function clockMinutes(clock: string): number {
  const [h = 0, m = 0] = clock.split(':').map(Number);
  return h * 60 + m;
}

/** A clock of minutes after midnight, past 23 for the next day: 1450 is '24:10'. */
export function formatClock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  return `${String(h).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Whether `until` is on the next day: earlier than `at` on the clock, by a span a night can hold. */
export function rollsOver(at: string, until: string): boolean {
  const start = clockMinutes(at);
  const end = clockMinutes(until);
  const next = end + MINUTES_PER_DAY;
  return end < start && next >= start && next - start <= MAX_ROLLOVER_MINUTES;
}

/**
 * Where a time lies, in minutes from day 0's midnight: `from` its start, `to` its end (equal for an instant).
 * `to` is below `from` only for an end before the start that is no rollover (TIMELINE_INTERVAL).
 */
export function timeSpan(time: { day: number; at: string; until?: string | undefined }): {
  from: number;
  to: number;
} {
  const from = time.day * MINUTES_PER_DAY + clockMinutes(time.at);
  if (time.until === undefined) return { from, to: from };
  const to = time.day * MINUTES_PER_DAY + clockMinutes(time.until);
  return { from, to: rollsOver(time.at, time.until) ? to + MINUTES_PER_DAY : to };
}

/**
 * The same time with a rolled-over `until` written on the extended clock (23:00 until 00:10 → until 24:10),
 * so a reader that adds `until` to the day, as `at` is, gets the next day without knowing the rule.
 */
export function withExtendedUntil<T extends { at: string; until?: string | undefined }>(time: T): T {
  if (time.until === undefined || !rollsOver(time.at, time.until)) return time;
  return { ...time, until: formatClock(clockMinutes(time.until) + MINUTES_PER_DAY) };
}
