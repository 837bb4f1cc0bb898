import { describe, expect, it } from 'vitest';
import { clock, parseTimes, placeOnClock } from './times.js';

/** An evening story: the bare hours are placed near these. */
const FRAME = [20 * 60, 21 * 60, 22 * 60];

const read = (text: string) =>
  parseTimes(text, FRAME).map((t) => `${clock(t.span.from)}-${clock(t.span.to)}${t.span.approx ? '~' : ''}`);

describe('clock times zh + en', () => {
  it.each([
    ['德叔，九点左右你在哪？', ['21:00-21:00~']],
    ['你九点到九点半在干嘛', ['21:00-21:30']],
    ['九点多的时候有人进过一号房吗', ['21:00-21:59~']],
    ['晚上九点一刻', ['21:15-21:15']],
    ['八点四十分停电', ['20:40-20:40']],
    ['差五分十点', ['21:55-21:55']],
    ['快十点的时候', ['21:45-22:00~']],
    ['九点零五分下场', ['21:05-21:05']],
    ['9点05', ['21:05-21:05']],
    ['那么八点半以后呢', ['20:30-21:30~']],
    ['九点和九点半之间', ['21:00-21:30']],
    ['where were you at nine', ['21:00-21:00']],
    ['between 9 and 9:30', ['21:00-21:30']],
    ['a quarter to nine', ['20:45-20:45']],
    ['twenty past nine', ['21:20-21:20']],
    ['around ten', ['22:00-22:00~']],
    ['half nine', ['21:30-21:30']],
    ['9pm', ['21:00-21:00']],
    ['nine thirty', ['21:30-21:30']],
    ['from nine to ten', ['21:00-22:00']],
    ['ten to ten', ['21:50-21:50']],
  ])('%s', (text, want) => expect(read(text)).toEqual(want));

  it('minutes past with no hour take the hour said before them', () => {
    expect(read('from nine to twenty past')).toEqual(['21:00-21:20']);
    expect(read('left at 9:10 and only went in at quarter past')).toEqual(['21:10-21:10', '21:15-21:15']);
    expect(read('你九点十分就离开了，一刻以后才进去')).toEqual(['21:10-21:10', '21:15-22:15~']);
    expect(read('一刻钟以后')).toEqual([]);
  });

  it('a stretch kept up until a time is a period; a late return is two times', () => {
    expect(read('我八点五十上台，一直唱到九点一刻落幕')).toEqual(['20:50-21:15']);
    expect(read('I went on at 8:50 and sang until the curtain at 9:15')).toEqual(['20:50-21:15']);
    expect(read('went out at 8:42 and didnt come back till 9:08')).toEqual(['20:42-20:42', '20:08-21:08~']);
  });

  it('"2am" after a night is the small hours of the next day', () => {
    expect(parseTimes('the report came back at 2am', FRAME)[0]?.span.from).toBe(26 * 60);
    expect(parseTimes('at 9am', FRAME)[0]?.span.from).toBe(9 * 60);
  });

  it('numbers that are not times are not read as times', () => {
    expect(read('有一点线索')).toEqual([]);
    expect(read('我有两点疑问')).toEqual([]);
    expect(read('I smoked seven cigarettes')).toEqual([]);
  });

  it('a day part decides; small hours come after midnight', () => {
    expect(placeOnClock(1, 30, 'small-hours', FRAME)).toBe(25 * 60 + 30);
    expect(placeOnClock(9, 0, 'morning', FRAME)).toBe(9 * 60);
    expect(read('凌晨一点半')).toEqual(['1:30-1:30']);
    expect(parseTimes('凌晨一点半', FRAME)[0]?.span.from).toBe(25 * 60 + 30);
  });
});
