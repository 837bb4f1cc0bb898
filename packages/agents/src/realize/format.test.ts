import { describe, expect, it } from 'vitest';
import { sayTitle } from './format.js';

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
