import { describe, expect, it } from 'vitest';
import { StopStringFilter } from './stop-strings.js';

describe('StopStringFilter', () => {
  it('cuts at a stop string split across pushes and holds back possible starts', () => {
    const filter = new StopStringFilter(['</say>', '\n\n']);
    expect(filter.push('Hello </')).toBe('Hello ');
    expect(filter.push('sa')).toBe('');
    expect(filter.push('y> rest')).toBe('');
    expect(filter.stopped).toBe(true);
    expect(filter.push('more')).toBe('');
    expect(filter.flush()).toBe('');
  });

  it('releases held text when it turns out not to be a stop', () => {
    const filter = new StopStringFilter(['凶手是']);
    expect(filter.push('我知道凶手')).toBe('我知道');
    expect(filter.push('不是我')).toBe('凶手不是我');
    expect(filter.push('，凶')).toBe('，');
    expect(filter.flush()).toBe('凶');
  });

  it('picks the earliest of several stops', () => {
    const filter = new StopStringFilter(['b', 'a']);
    expect(filter.push('xxabyy')).toBe('xx');
  });

  it('passes everything through without stops', () => {
    const filter = new StopStringFilter([]);
    expect(filter.push('abc')).toBe('abc');
    expect(filter.flush()).toBe('');
  });
});
