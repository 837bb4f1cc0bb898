import { renderPrompt } from '@jubensha/agents';
import { describe, expect, it } from 'vitest';
import { median, pickSamples } from './report.js';
import type { Intent } from './row.js';
import type { Scored } from './summary.js';

const scored = (lang: 'zh' | 'en', intent: Intent, asked: string | null, reply: string): Scored => ({
  row: {
    id: reply,
    split: 'heldout',
    lang,
    intent,
    messages: renderPrompt({
      language: lang,
      name: 'A',
      profile: 'p',
      voice: null,
      lines: [],
      intent,
      target: null,
      claim: null,
      facts: [],
      speech: asked ? { name: 'B', text: asked } : null,
      budget: 1200,
    }),
    reply: '',
    check: { entities: [], mustNotReveal: [], claim: null },
  },
  reply,
  score: { grounded: null, intentFollowed: true, intentMiss: '', leaked: [], languageMatches: true },
});

describe('median', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('pickSamples', () => {
  it('prefers answers to a question, one per intent, per language', () => {
    const samples = pickSamples(
      [
        scored('zh', 'statement', null, '陈述'),
        scored('zh', 'fact', '你在哪？', '一'),
        scored('zh', 'fact', '你在哪？', '二'),
        scored('zh', 'cover', '你去哪了？', '三'),
        scored('en', 'ask', 'Why?', 'Who?'),
      ],
      3,
    );
    expect(samples.map((s) => `${s.lang} ${s.intent} ${s.reply}`)).toEqual([
      'zh fact 一',
      'zh cover 三',
      'zh statement 陈述',
      'en ask Who?',
    ]);
    expect(samples[0]!.asked).toBe('[ASKED] B: <<你在哪？>>');
    expect(samples[2]!.asked).toBe('-');
  });
});
