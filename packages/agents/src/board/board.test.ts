import { describe, expect, it } from 'vitest';
import { ownAccount } from './board.js';

describe('ownAccount: the account a line gives of its speaker', () => {
  it('starts after the frame it was told in, so it is quoted back as the account itself', () => {
    expect(ownAccount('我说说我那段时间的行踪：八点五十九分到九点零一分，我在一号化妆间。')).toBe(
      '八点五十九分到九点零一分，我在一号化妆间。',
    );
    expect(ownAccount('Let me tell you where I was: I was in the wardrobe room from nine.')).toBe(
      'I was in the wardrobe room from nine.',
    );
    // A colon inside the account is kept: no frame before it.
    expect(ownAccount('我在衣箱房：熨霞帔，一直到九点。')).toBe('我在衣箱房：熨霞帔，一直到九点。');
  });

  it('leaves out quotes, reported speech and what was found', () => {
    expect(ownAccount('小燕说她在侧台。')).toBeNull();
    expect(ownAccount('我在后院找到了烟头。')).toBeNull();
    expect(ownAccount('他说“我在包厢”，可我九点在二楼。')).toBe('他说，可我九点在二楼。');
  });
});
