import { projectView } from '@jubensha/engine';
import { loadBundled } from '@jubensha/engine/testing';
import { describe, expect, it } from 'vitest';
import { lastDiscussion, withClues } from '../testing/game-at.js';
import { incidentAlibi, seatState } from '../testing/seat-state.js';
import type { Plan } from '../policy/plan.js';
import { claimCore, gist, realize } from './realize.js';

describe('gist: the sentence of a clue that says most', () => {
  it.each([
    ['zh', /信封|两万元/, /^青间角落/],
    ['en', /envelope|twenty thousand/i, /^Under the pillow/],
  ] as const)(
    '%s: a one-sentence clue that opens with where it lies says what lies there',
    async (language, what, where) => {
      const story = await loadBundled('rain-tea-hills');
      const seat = 'he-shufen';
      const base = projectView(story, lastDiscussion(story), { kind: 'seat', seat });
      const view = withClues(story, base, ['cash-envelope'], seat);
      const { board } = seatState(view, language, null);
      const clue = board.clues.find((c) => c.id === 'cash-envelope');
      expect(clue).toBeDefined();
      const g = gist(clue!, board, language === 'zh' ? 30 : 16);
      expect(g).toMatch(what);
      expect(g).not.toMatch(where);
    },
  );
});

describe('claimCore: a claim told again', () => {
  it('is its first sentence, ending as a sentence ends', () => {
    expect(
      claimCore(
        'After my exit at 9:05 I stood at the edge of the wings watching my teacher until the curtain at 9:15; then I went back to dressing room 2.',
        'en',
      ),
    ).toBe(
      'After my exit at 9:05 I stood at the edge of the wings watching my teacher until the curtain at 9:15.',
    );
    expect(claimCore('九点零五分下场以后，我一直站在侧台边看师父唱；九点一刻落幕才回二号房。', 'zh')).toBe(
      '九点零五分下场以后，我一直站在侧台边看师父唱。',
    );
    // A first sentence too short to stand for the claim: the whole claim.
    expect(claimCore('No. I was there. All evening, in the hall.', 'en')).toBe(
      'No. I was there. All evening, in the hall.',
    );
  });
});

describe('realize: a whole line just heard', () => {
  it('is worded again from the next places in the lists', async () => {
    const story = await loadBundled('last-curtain');
    const view = projectView(story, lastDiscussion(story), { kind: 'seat', seat: 'luo-dechang' });
    const { board } = seatState(view, 'zh', null);
    const plan = incidentAlibi(board);
    const ctx = { board, said: new Set<string>(), rng: () => 0, voice: 0 };
    const first = realize(plan, { ...ctx, heard: new Set<string>() });
    const again = realize(plan, { ...ctx, heard: new Set([first]) });
    expect(again).not.toBe(first);
    expect(again).toMatch(/我/);
  });
});

describe('realize: a question about a thing of the one asked', () => {
  it.each([
    ['en', /\byour work diary\b/i, /Shen Man's work diary/],
    ['zh', /你的工作日志|你的工作日记|你的/, /沈曼的/],
  ] as const)('%s: says "your", not their name to their face', async (language, your, theirs) => {
    const story = await loadBundled('rain-tea-hills');
    const seat = 'he-shufen';
    const base = projectView(story, lastDiscussion(story), { kind: 'seat', seat });
    const view = withClues(story, base, ['work-diary'], seat);
    const { board } = seatState(view, language, null);
    const clue = board.clues.find((c) => c.id === 'work-diary');
    expect(clue).toBeDefined();
    const lines = [0, 1, 2, 3].map((voice) =>
      realize(
        {
          act: 'ask',
          to: 'shen-man',
          answers: null,
          topic: 'ask:work-diary',
          intent: 'ask',
          question: { act: 'about', clue: clue! },
        },
        { board, said: new Set(), rng: () => 0, voice },
      ),
    );
    // What the clue itself says is quoted as written; the title the seat words is "your".
    for (const line of lines.filter((l) => !/clue says|线索里说|写着“/.test(l)))
      expect(line).not.toMatch(theirs);
    expect(lines.some((l) => your.test(l))).toBe(true);
  });
});

describe('realize: what a clue suggests, said to the one it ties to', () => {
  it('says "you"', async () => {
    const story = await loadBundled('last-curtain');
    const seat = 'su-bowen';
    const base = projectView(story, lastDiscussion(story), { kind: 'seat', seat });
    const view = withClues(story, base, ['pompom'], seat);
    const { board } = seatState(view, 'zh', null);
    const clue = board.clues.find((c) => c.id === 'pompom');
    expect(clue).toBeDefined();
    const tied = Object.entries(clue!.ties).sort((a, b) => b[1] - a[1])[0]?.[0];
    expect(tied).toBeDefined();
    const plan: Plan = {
      act: 'clue',
      to: tied!,
      answers: null,
      topic: 'clue:pompom',
      intent: 'fact',
      clues: [clue!],
    };
    const lines = [0, 1, 2].map((voice) => realize(plan, { board, said: new Set(), rng: () => 0, voice }));
    for (const line of lines) expect(line).toMatch(/你脱不了关系|指向你|你得解释/);
  });
});

describe('a clue shared', () => {
  it.each([
    ['zh', '青间里的枕头', /^我(?:刚|说一下，我)?在青间找到了一样东西：/],
    [
      'en',
      'A pillow in the withering room',
      /^(?:I found|In my search I found) something in the withering room: /,
    ],
  ] as const)(
    '%s: a title that names its own place is not found in that place',
    async (language, title, said) => {
      const bundled = await loadBundled('rain-tea-hills');
      // Another id: what is built per story (the lexicon, the readings) is cached by it.
      const story = {
        ...bundled,
        id: `${bundled.id}-titled-${language}`,
        clues: bundled.clues.map((c) =>
          c.id === 'cash-envelope' ? { ...c, title: { ...c.title, [language]: title } } : c,
        ),
      };
      const seat = 'he-shufen';
      const view = withClues(
        story,
        projectView(story, lastDiscussion(story), { kind: 'seat', seat }),
        ['cash-envelope'],
        seat,
      );
      const { board } = seatState(view, language, null);
      const clue = board.clues.find((c) => c.id === 'cash-envelope');
      expect(clue).toBeDefined();
      const plan: Plan = { ...incidentAlibi(board), act: 'share', topic: 'share', clues: [clue!] };
      const text = realize(plan, { board, said: new Set(), rng: () => 0 });
      expect(text).toMatch(said);
      // Whichever lead is taken, "something" is said once ("Something I found: something" was heard).
      for (const r of [0, 0.4, 0.7, 0.99])
        expect(realize(plan, { board, said: new Set(), rng: () => r })).not.toMatch(
          /^something I found: something/i,
        );
    },
  );
});
