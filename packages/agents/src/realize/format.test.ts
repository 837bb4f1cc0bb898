import { describe, expect, it } from 'vitest';
import { sayTitle } from './format.js';
import { sentenceCase } from './realize.js';

describe('a clue title inside a sentence', () => {
  it.each([
    ["Qiutang's gold ring", "Qiutang's gold ring"],
    ["He Xiaoyan's practice notebook", "He Xiaoyan's practice notebook"],
    ["Old Lin's notes for the meeting", "Old Lin's notes for the meeting"],
    ['The enamel tea mug', 'the enamel tea mug'],
    ['Footprints on the side stair', 'the footprints on the side stair'],
    ['At the foot of the stairs', 'what lay at the foot of the stairs'],
    ["Today's monitor tape", "today's monitor tape"],
  ])('%s → %s', (title, said) => expect(sayTitle(title, 'en')).toBe(said));

  it('Chinese titles stand as written', () => expect(sayTitle('一颗粉红绒球', 'zh')).toBe('一颗粉红绒球'));
  it('a Chinese title that is a place names what lies there', () =>
    expect(sayTitle('楼梯底下', 'zh')).toBe('楼梯底下的东西'));
});

describe('an English line as said', () => {
  it('starts each sentence with a capital, an alias written lower case included', () => {
    expect(sentenceCase('old Yu, I have said it more than once. from half past eight I sat there.')).toBe(
      'Old Yu, I have said it more than once. From half past eight I sat there.',
    );
    expect(sentenceCase('老俞，我说过了。')).toBe('老俞，我说过了。');
    expect(sentenceCase('At 8:50 the No. 2 notice went out.')).toBe('At 8:50 the No. 2 notice went out.');
  });
});
