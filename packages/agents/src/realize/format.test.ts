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
  ])('%s → %s', (title, said) => expect(sayTitle(title, 'en')).toBe(said));

  it('Chinese titles stand as written', () => expect(sayTitle('一颗粉红绒球', 'zh')).toBe('一颗粉红绒球'));
});
