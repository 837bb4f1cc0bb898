import type { PromptParts } from '@jubensha/agents';
import { describe, expect, it } from 'vitest';
import { markCopies } from './marks.js';

const parts = (o: Partial<PromptParts>): PromptParts => ({
  language: 'en',
  name: 'Lin Xiaozhou',
  profile: 'A tea picker.',
  voice: null,
  lines: [],
  intent: 'accuse',
  target: null,
  claim: null,
  facts: [],
  speech: null,
  budget: 1200,
  ...o,
});

describe('markCopies', () => {
  it('marks the target wherever it stands and a fact copied from its start', () => {
    const p = parts({
      target: 'Cao Rouni',
      facts: [{ title: 'Cuff', text: 'Cao Rouni’s cuff is dusty. It was clean at noon.' }],
    });
    expect(markCopies('I suspect Cao Rouni. Cao Rouni’s cuff is dusty.', p)).toBe(
      'I suspect ⟨Cao Rouni⟩. ⟦Cao Rouni’s cuff is dusty.⟧',
    );
  });

  it('takes the longest copy first, so a shorter fact’s chance match inside it does not split it', () => {
    const p = parts({
      facts: [
        { title: null, text: 'The workers’ shed was locked at nine, and nobody had the key.' },
        { title: null, text: 'Her cuff is smeared with dust found only in the workers’ shed.' },
      ],
    });
    expect(markCopies('Look: her cuff is smeared with dust found only in the workers’ shed.', p)).toBe(
      'Look: ⟦her cuff is smeared with dust found only in the workers’ shed.⟧',
    );
  });

  it('marks a fact’s title, the profile’s name in an introduction', () => {
    const p = parts({ intent: 'intro', facts: [{ title: '白晓峰', text: '六十四岁，火车站的扳道工。' }] });
    expect(markCopies('我叫白晓峰，六十四岁，火车站的扳道工。', p)).toBe(
      '我叫⟪白晓峰⟫，⟦六十四岁，火车站的扳道工。⟧',
    );
    const clue = parts({ facts: [{ title: 'The torn ledger', text: 'Two pages are missing.' }] });
    expect(markCopies('Look at the torn ledger.', clue)).toBe('Look at ⟪the torn ledger⟫.');
    // A fact that starts with its title's words: the title, not a copy ending mid-clause.
    const window = parts({
      facts: [{ title: 'The window of the inn', text: 'The window of the inn was open.' }],
    });
    expect(markCopies('What does the window of the inn tell us?', window)).toBe(
      'What does ⟪the window of the inn⟫ tell us?',
    );
  });

  it('marks a clipped copy and the claim, and leaves short chance matches alone', () => {
    const p = parts({
      language: 'zh',
      claim: '19:30以后我一直在水塔，没出过门。',
      facts: [{ title: null, text: '我看见了。' }],
    });
    expect(markCopies('我再说一遍，19:30以后我一直在水塔。', p)).toBe(
      '我再说一遍，⟦19:30以后我一直在水塔⟧。',
    );
    expect(markCopies('我看', p)).toBe('我看');
    expect(markCopies('The end.', parts({ facts: [{ title: null, text: 'The end of it all.' }] }))).toBe(
      'The end.',
    );
  });
});
