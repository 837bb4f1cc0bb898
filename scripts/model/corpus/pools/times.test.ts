import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.js';
import { eveningTimes, timeForms } from './times.js';

describe('times', () => {
  it('says a time the ways people at the table do, in both languages', () => {
    expect(timeForms(21 * 60 + 30)).toEqual({
      zh: ['21:30', '九点半'],
      en: ['9:30', '21:30', 'half past nine'],
    });
    expect(timeForms(22 * 60 + 15).zh).toContain('十点一刻');
    expect(timeForms(22 * 60 + 15).en).toContain('a quarter past ten');
    expect(timeForms(20 * 60 + 40).zh).toContain('八点四十');
    expect(timeForms(20 * 60 + 40).en).toContain('twenty to nine');
    expect(timeForms(19 * 60 + 5).zh).toContain('七点零五');
    expect(timeForms(23 * 60 + 45).en).toContain('a quarter to twelve');
  });

  it('draws distinct sorted evening times', () => {
    const times = eveningTimes(new Rng(1), 16);
    expect(new Set(times).size).toBe(16);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(19 * 60);
    expect(Math.max(...times)).toBeLessThan(24 * 60);
  });
});
