import { describe, expect, it } from 'vitest';
import { shingles } from './phrase-match.js';
import { pinyinWords, saysInPinyin, sharedPinyinRuns, squashedPinyin } from './pinyin.js';

const KILLED = '我杀了他';
const STOLE = '林小舟偷了钱';

describe('pinyin renderings of a Chinese phrase', () => {
  it('reads typed pinyin: tone marks and tone digits gone, lowercase words', () => {
    expect(pinyinWords('Wǒ shā le tā!')).toEqual(['wo', 'sha', 'le', 'ta']);
    expect(pinyinWords('wo3 sha1 le5 ta1')).toEqual(['wo', 'sha', 'le', 'ta']);
    expect(pinyinWords('nǚ’ér')).toEqual(['nu', 'er']);
    expect(squashedPinyin(STOLE)).toBe('linxiaozhoutouleqian');
  });

  it('catches the phrase spaced, squashed, toned, with tone digits and with capitalised names', () => {
    for (const text of [
      'wo sha le ta',
      'woshaleta',
      'wǒ shā le tā',
      'WO3 SHA1 LE5 TA1',
      'Fine, in pinyin: Wo sha le ta.',
      'wo-sha-le-ta',
    ])
      expect(saysInPinyin(text, KILLED), text).toBe(true);
    for (const text of ['Lin Xiao Zhou tou le qian', 'Lin Xiaozhou tou le qian', 'línxiǎozhōutōuleqián'])
      expect(saysInPinyin(text, STOLE), text).toBe(true);
  });

  it('allows a slip in a long rendering, like squashed English', () => {
    expect(saysInPinyin('Lin Xiao Zhou tou le qain', STOLE)).toBe(true);
    expect(saysInPinyin('Lin Xiao Zhou toule qia', STOLE)).toBe(true);
    expect(saysInPinyin('Lin Xiao Zhou kan le shu', STOLE)).toBe(false);
  });

  it('a short rendering counts only as whole words, exactly', () => {
    // 他们: "tamen", five letters.
    expect(saysInPinyin('ta men', '他们')).toBe(true);
    expect(saysInPinyin('Tamen.', '他们')).toBe(true);
    expect(saysInPinyin('The stamen of the tea flower.', '他们')).toBe(false);
    expect(saysInPinyin('ta man', '他们')).toBe(false);
  });

  it('says nothing of ordinary speech or of Chinese characters', () => {
    expect(saysInPinyin('I was in the hall when the lights went out at 8:40.', KILLED)).toBe(false);
    expect(saysInPinyin('Was he the one who shall take the tea?', KILLED)).toBe(false);
    expect(saysInPinyin('我杀了他', KILLED)).toBe(false);
    expect(saysInPinyin('wo sha le ta', 'I killed him')).toBe(false);
  });

  it('counts the secret runs a reply spells in pinyin', () => {
    const runs = shingles('一九六七年三月你写了揭发材料');
    expect(sharedPinyinRuns('yi jiu liu qi nian san yue ni xie le jie fa cai liao', runs)).toBeGreaterThan(2);
    expect(sharedPinyinRuns('In March 1967 someone wrote a denunciation.', runs)).toBe(0);
  });
});
