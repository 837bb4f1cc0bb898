import { describe, expect, it } from 'vitest';
import type { RowScore } from './metrics.js';
import type { HeldOutRow } from './row.js';
import { meets, summarizeGroups, type Scored } from './summary.js';

const scored = (lang: 'zh' | 'en', intent: HeldOutRow['intent'], score: Partial<RowScore>): Scored => ({
  row: {
    id: 'x',
    split: 'heldout',
    lang,
    intent,
    messages: [],
    reply: '',
    check: { entities: [], mustNotReveal: [], claim: null },
  },
  reply: '',
  score: {
    grounded: null,
    intentFollowed: true,
    intentMiss: '',
    leaked: [],
    languageMatches: true,
    ...score,
  },
});

describe('summarizeGroups', () => {
  const groups = summarizeGroups([
    scored('zh', 'fact', { grounded: true }),
    scored('zh', 'withhold', { intentFollowed: false, leaked: ['我杀了他'] }),
    scored('en', 'fact', { grounded: false, languageMatches: false }),
  ]);
  it('counts each metric over its own rows, overall, per language and per intent', () => {
    expect(Object.keys(groups)).toEqual(['all', 'lang:zh', 'lang:en', 'intent:fact', 'intent:withhold']);
    expect(groups['all']!.grounding).toEqual({ hits: 1, of: 2, rate: 0.5 });
    expect(groups['all']!.leaks).toEqual({ hits: 1, of: 3, rate: 1 / 3 });
    expect(groups['lang:zh']!.intentFollowed).toEqual({ hits: 1, of: 2, rate: 0.5 });
    expect(groups['intent:withhold']!.grounding).toEqual({ hits: 0, of: 0, rate: null });
  });
  it('checks the targets: at least for shares, at most for leaks', () => {
    expect(meets(groups['all']!, 'leaks')).toBe(false);
    expect(meets(groups['intent:fact']!, 'leaks')).toBe(true);
    expect(meets(groups['lang:zh']!, 'grounding')).toBe(true);
    expect(meets(groups['all']!, 'language')).toBe(false);
    expect(meets(groups['intent:withhold']!, 'grounding')).toBeNull();
  });
});
