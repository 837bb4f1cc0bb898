import { describe, expect, it } from 'vitest';
import { clockMinutes, formatClock, rollsOver, timeSpan, withExtendedUntil } from './clock.js';
import { TimelineEventSchema } from './story-file.js';

const event = (at: string, until?: string) => ({
  at,
  ...(until === undefined ? {} : { until }),
  who: ['bob'],
  what: { en: 'x' },
});

describe('the story clock across midnight', () => {
  it('reads hours past 23 as the next day', () => {
    expect(clockMinutes('24:10')).toBe(1450);
    expect(timeSpan({ day: 0, at: '25:30' })).toEqual({ from: 1530, to: 1530 });
    expect(timeSpan({ day: 1, at: '01:30' })).toEqual(timeSpan({ day: 0, at: '25:30' }));
    expect(formatClock(1450)).toBe('24:10');
  });

  it('reads an until earlier than at as the next day within a night, not a typo over twelve hours', () => {
    expect(rollsOver('23:00', '00:10')).toBe(true);
    expect(timeSpan({ day: 0, at: '23:00', until: '00:10' })).toEqual({ from: 1380, to: 1450 });
    expect(timeSpan({ day: 0, at: '24:10', until: '00:30' })).toEqual({ from: 1450, to: 1470 });
    expect(rollsOver('15:00', '14:00')).toBe(false);
    expect(timeSpan({ day: 0, at: '15:00', until: '14:00' }).to).toBeLessThan(900);
    expect(withExtendedUntil({ at: '23:00', until: '00:10' })).toEqual({ at: '23:00', until: '24:10' });
    expect(withExtendedUntil({ at: '21:00', until: '22:00' })).toEqual({ at: '21:00', until: '22:00' });
  });

  it('accepts 24:10 and 25:30 and says how to write a bad time', () => {
    expect(TimelineEventSchema.safeParse(event('24:10', '25:30')).success).toBe(true);
    expect(TimelineEventSchema.safeParse(event('23:00', '00:10')).success).toBe(true);
    for (const bad of ['9:30', '48:00', '21:60']) {
      const result = TimelineEventSchema.safeParse(event(bad));
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/use 24:10 \(or day: 1/);
    }
  });
});
