import { describe, expect, it } from 'vitest';
import { sentences } from './localized.js';

describe('sentences', () => {
  it('splits at sentence ends, not after an abbreviation', () => {
    expect(
      sentences(
        'Between amplifier cabinet No. 2 and the wall is a pair of gloves. Mr. Zheng paid at 9 p.m. sharp. He left.',
      ),
    ).toEqual([
      'Between amplifier cabinet No. 2 and the wall is a pair of gloves.',
      'Mr. Zheng paid at 9 p.m. sharp.',
      'He left.',
    ]);
    expect(sentences('我九点在衣箱房。后来去了后院；那时候一个人都没见到！')).toEqual([
      '我九点在衣箱房。',
      '后来去了后院；',
      '那时候一个人都没见到！',
    ]);
  });
});
