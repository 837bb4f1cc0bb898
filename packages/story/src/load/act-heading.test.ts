import { describe, expect, it } from 'vitest';
import { actHeading, parseActHeading, parseDebriefHeading } from './act-heading.js';
import { lineOfOffset, splitSections } from './markdown-sections.js';

describe('act headings', () => {
  it('reads English and Chinese act headings, and writes what it reads', () => {
    expect(parseActHeading('Act 2')).toEqual({ act: 2, language: 'en' });
    expect(parseActHeading('act 3')).toEqual({ act: 3, language: 'en' });
    expect(parseActHeading('第二幕')).toEqual({ act: 2, language: 'zh' });
    expect(parseActHeading('第 9 幕')).toEqual({ act: 9, language: 'zh' });
    expect(parseActHeading('第1幕')).toEqual({ act: 1, language: 'zh' });
    expect(parseActHeading('Act Two')).toBeUndefined();
    expect(parseActHeading('Notes')).toBeUndefined();
    for (let act = 1; act <= 9; act++) {
      expect(parseActHeading(actHeading(act, 'zh'))).toEqual({ act, language: 'zh' });
      expect(parseActHeading(actHeading(act, 'en'))).toEqual({ act, language: 'en' });
    }
    expect(parseDebriefHeading('English')).toBe('en');
    expect(parseDebriefHeading('中文')).toBe('zh');
    expect(parseDebriefHeading('Français')).toBeUndefined();
  });
});

describe('splitSections', () => {
  it('splits at level-2 headings only, outside code fences, with file lines', () => {
    const md = [
      '# Title',
      '',
      '## Act 1',
      '',
      'First line.',
      '### A note',
      'Second.',
      '```',
      '## not a heading',
      '```',
      '## Act 2',
      'x',
    ].join('\n');
    const sections = splitSections(md, 5);
    expect(sections.map((s) => [s.heading, s.line, s.textLine])).toEqual([
      ['Act 1', 7, 9],
      ['Act 2', 15, 16],
    ]);
    expect(sections[0]!.text).toBe('First line.\n### A note\nSecond.\n```\n## not a heading\n```');
    expect(lineOfOffset(sections[0]!, sections[0]!.text.indexOf('Second'))).toBe(11);
  });
});
