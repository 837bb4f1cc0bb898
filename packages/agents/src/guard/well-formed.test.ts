import { describe, expect, it } from 'vitest';
import { malformation } from './well-formed.js';

const zh = { language: 'zh' as const, selfNames: ['林家栋', '家栋'] };
const en = { language: 'en' as const, selfNames: ['Lin Jiadong', 'Jiadong'] };

describe('well-formed speech', () => {
  it.each([
    ['我是林秀禾， of it的女儿。', 'script'],
    ['我是周远山，今 is private的事，我比周远山，焙茶的。', 'script'],
    ['货舱里装的是瓷器和桐油，货舱里装的是瓷器和桐油，货舱里装的是我哥。', 'repeat'],
    ['我说过了，我爸从不跟我说说对，保持角色。', 'echo'],
    ['我怀疑韩启明，因为舵工老秦塞在舵轮底下的字条线索说，去今晚这场戏，我 for for。', 'script'],
    ['林家栋，那是私事，请别再问了。', 'self-address'],
    ['我九点在焙房，', 'incomplete'],
    ['他说“九点在焙房。', 'incomplete'],
  ])('zh: %s → %s', (text, kind) => expect(malformation(text, zh)?.kind).toBe(kind));

  it.each([
    ['Luo A\uFFFD, what do you make of all this yourself?', 'replacement-char'],
    ['Lin Jiadong, that is private. Please do not ask again.', 'self-address'],
    [
      'I told you about the roasting house door and I told you about the roasting house door again.',
      'repeat',
    ],
    ['Answer with the CLAIM, naturally, and add nothing.', 'echo'],
    ['I was in the hall 我 at nine.', 'script'],
    ['At nine I was in the', 'incomplete'],
  ])('en: %s → %s', (text, kind) => expect(malformation(text, en)?.kind).toBe(kind));

  it.each([
    '九点零五分到九点一刻，我在侧台与棚面。',
    '我不同意。我不觉得是德叔。要我说更可疑的是何小燕：何小燕说“九点零五分下场以后，我一直站在侧台边看师父唱”，可一颗粉红绒球上写着：戏班里只有丫鬟春桃的头饰缀这种粉红绒球。',
    '哈哈，我也这么想。',
  ])('good zh passes: %s', (text) => expect(malformation(text, zh)).toBeNull());

  it.each([
    'From 8:59 to 9:01 I was in dressing room 1, then until 9:21 in the wardrobe room.',
    "On the back, in Qiutang's pencil: not a cent touched. On the back of the photo: summer 1961.",
    'Uncle De, where were you when it happened? Can anyone vouch for you?',
  ])('good en passes: %s', (text) => expect(malformation(text, en)).toBeNull());

  it('an introduction may open with the speaker’s own name', () => {
    expect(
      malformation('Lin Jiadong, eldest son. I came up to talk my father round.', {
        ...en,
        introduction: true,
      }),
    ).toBeNull();
  });
});
