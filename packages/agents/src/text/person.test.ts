import { describe, expect, it } from 'vitest';
import { firstPerson } from './person.js';

describe('script text into the speaker’s first person', () => {
  it('English: you → I / me, your → my; quoted speech keeps its persons', () => {
    expect(
      firstPerson('At 9:05 you finished as Chuntao and went off. No one in the wings looked at you.', 'en'),
    ).toBe('At 9:05 I finished as Chuntao and went off. No one in the wings looked at me.');
    expect(firstPerson('You stand under the stairs. Uncle Chen is your teacher’s partner.', 'en')).toBe(
      'I stand under the stairs. Uncle Chen is my teacher’s partner.',
    );
    expect(firstPerson('He said, "you must go."', 'en')).toBe('He said, "you must go."');
    expect(firstPerson('You were in the wings and you are tired.', 'en')).toBe(
      'I was in the wings and I am tired.',
    );
  });

  it('Chinese: 你 → 我, 你们 → 我们; quotes untouched', () => {
    expect(firstPerson('你九点零五分下场。陈伯在台上，侧台没人看你。他说：“你快走。”', 'zh')).toBe(
      '我九点零五分下场。陈伯在台上，侧台没人看我。他说：“你快走。”',
    );
  });
});
