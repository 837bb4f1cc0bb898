import { renderPrompt, type PromptParts } from '@jubensha/agents';
import { describe, expect, it } from 'vitest';
import { grounded, intentMiss, languageMatches, leakedPhrases, scoreRow } from './metrics.js';
import type { HeldOutRow, Intent } from './row.js';

const ZH_SECRETS = ['我用火钎打了周德昌', 'I hit Zhou Dechang with the poker'];
const EN_SECRETS = ['I owe He Shufen money', '我欠了何淑芬一大笔钱'];

/** A held-out row as the corpus writes it, its prompt rendered by the agents' own renderer. */
function row(
  lang: 'zh' | 'en',
  intent: Intent,
  o: { target?: string; claim?: string; facts?: string[]; entities?: string[]; asked?: string } = {},
): HeldOutRow {
  const zh = lang === 'zh';
  const parts: PromptParts = {
    language: lang,
    name: zh ? '林晓舟' : 'Shen Qiutang',
    profile: zh ? '茶园的账房，三十岁，做事仔细。' : 'The cook of the inn, forty-two, quick-tempered.',
    voice: null,
    lines: [
      zh
        ? { intent: 'withhold', prompt: null, text: '这是我的私事，跟今晚的事没关系。' }
        : {
            intent: 'withhold',
            prompt: null,
            text: 'That is my own business and has nothing to do with tonight.',
          },
    ],
    intent,
    target: o.target ?? null,
    claim: o.claim ?? null,
    facts: (o.facts ?? []).map((text) => ({ title: null, text })),
    speech: o.asked ? { name: o.target ?? (zh ? '何淑芬' : 'He Shufen'), text: o.asked } : null,
    budget: 1200,
  };
  return {
    id: 't',
    split: 'heldout',
    lang,
    intent,
    messages: renderPrompt(parts),
    reply: '',
    check: {
      entities: o.entities ?? [],
      mustNotReveal: zh ? ZH_SECRETS : EN_SECRETS,
      claim: o.claim ?? null,
    },
  };
}

describe('grounding', () => {
  const fact = row('zh', 'fact', { facts: ['八点四十我在茶厅。'], entities: ['八点四十', '茶厅'] });
  it('needs every entity', () => {
    expect(grounded(fact, '八点四十的时候我在茶厅。')).toBe(true);
    expect(grounded(fact, '八点四十的时候我在书房。')).toBe(false);
  });
  it('ignores case in English only', () => {
    const en = row('en', 'fact', { entities: ['the Study', '9:40'] });
    expect(grounded(en, 'At 9:40 I was in the study.')).toBe(true);
    const zhLatin = row('zh', 'fact', { entities: ['Dr Lin'] });
    expect(grounded(zhLatin, '我见过dr lin。')).toBe(false);
  });
  it('does not count rows without entities', () => {
    expect(grounded(row('zh', 'withhold'), '不说。')).toBeNull();
  });
});

describe('leaks and language', () => {
  it('finds must-not-reveal phrases with the guard’s fuzzy matcher, in either language', () => {
    const r = row('zh', 'deflect');
    expect(leakedPhrases(r, '是我用火钎打了周德昌。')).toEqual([ZH_SECRETS[0]]);
    expect(leakedPhrases(r, 'Fine: I hit Zhou Dechang with the poker.')).toEqual([ZH_SECRETS[1]]);
    expect(leakedPhrases(r, '我没有碰过周德昌。')).toEqual([]);
  });
  it('wants the row’s language', () => {
    expect(languageMatches(row('en', 'fact'), 'I was in the study.')).toBe(true);
    expect(languageMatches(row('en', 'fact'), '我在书房。')).toBe(false);
    expect(languageMatches(row('zh', 'fact'), '')).toBe(false);
  });
});

describe('intent followed', () => {
  it('cover: tells the claim', () => {
    const r = row('zh', 'cover', {
      claim: '九点半以后我一直在账房，没出过门。',
      entities: ['九点半', '账房'],
    });
    expect(intentMiss(r, '九点半以后我一直待在账房。')).toBe('');
    expect(intentMiss(r, '这个我不想说。')).toBe('claim not told');
  });

  it('withhold: declines with no phrase, no figure and no copied example', () => {
    const r = row('zh', 'withhold', { target: '何淑芬', asked: '你为什么恨周德昌？' });
    expect(intentMiss(r, '那是我自己的事，请别再问了。')).toBe('');
    expect(intentMiss(r, '')).toBe('empty');
    expect(intentMiss(r, '好吧，我用火钎打了周德昌。')).toBe('says a must-not-reveal phrase');
    expect(intentMiss(r, '九点半的事我不想说。')).toBe('states a time or number');
    expect(intentMiss(r, '何淑芬，这是我的私事，跟今晚的事没关系。')).toBe('copies the card or an example');
    expect(intentMiss(r, '我只是茶园的账房，做事仔细。')).toBe('copies the card or an example');
    const en = row('en', 'withhold', { target: 'He Shufen', asked: 'Why do you owe money?' });
    expect(intentMiss(en, 'I would rather keep that to myself, He Shufen.')).toBe('');
    expect(intentMiss(en, 'I saw it at half past nine, but no more.')).toBe('states a time or number');
    expect(intentMiss(en, 'He Shufen, that is my own business and has nothing to do with tonight.')).toBe(
      'copies the card or an example',
    );
  });

  it('ask: a question naming the target when there is one', () => {
    const r = row('en', 'ask', { target: 'He Shufen' });
    expect(intentMiss(r, 'Shufen, where were you at nine?')).toBe('');
    expect(intentMiss(r, 'He Shufen, where were you at nine.')).toBe('not a question');
    expect(intentMiss(r, 'Where were you at nine?')).toBe('does not name the target');
    expect(intentMiss(row('zh', 'ask', { target: '周德昌（德叔）' }), '德叔，你那晚去哪了？')).toBe('');
    expect(intentMiss(row('zh', 'ask'), '你那晚去哪了？')).toBe('');
  });

  it('accuse and statement: name the target and stay grounded', () => {
    const r = row('en', 'accuse', { target: 'He Shufen', entities: ['study', '9:40'] });
    expect(intentMiss(r, 'He Shufen, the study clock stopped at 9:40. Explain that.')).toBe('');
    expect(intentMiss(r, 'Someone stopped the study clock at 9:40.')).toBe('does not name the target');
    expect(intentMiss(r, 'He Shufen did it, I am sure.')).toBe('not grounded');
    const s = row('zh', 'statement', { target: '何淑芬', entities: ['书房'] });
    expect(intentMiss(s, '我认为是何淑芬，她袖口上有书房的灰。')).toBe('');
    expect(intentMiss(s, '我认为是周远山，他袖口上有书房的灰。')).toBe('does not name the target');
  });

  it('fact and intro: grounded', () => {
    const r = row('en', 'intro', { entities: ['cook'] });
    expect(intentMiss(r, 'I am Shen Qiutang, the cook here.')).toBe('');
    expect(intentMiss(r, 'I am Shen Qiutang.')).toBe('not grounded');
    expect(intentMiss(row('zh', 'fact'), '')).toBe('empty');
  });

  it('deflect: a denial with no phrase and no figure the prompt lacks', () => {
    const r = row('en', 'deflect', { target: 'Lin Xiaozhou', facts: ['The clock stopped at 9:40.'] });
    expect(intentMiss(r, 'I did nothing. Look at the clock that stopped at 9:40.')).toBe('');
    expect(intentMiss(r, 'I was in the kitchen at half past nine.')).toBe(
      'states a time or number not in the prompt',
    );
    expect(intentMiss(r, 'I owe He Shufen money, so what?')).toBe('says a must-not-reveal phrase');
    expect(intentMiss(r, '  ')).toBe('empty');
  });
});

describe('scoreRow', () => {
  it('puts the four checks together', () => {
    const r = row('zh', 'fact', { facts: ['八点四十我在茶厅。'], entities: ['茶厅'] });
    expect(scoreRow(r, 'I was in the tea hall.')).toEqual({
      grounded: false,
      intentFollowed: false,
      intentMiss: 'not grounded',
      leaked: [],
      languageMatches: false,
    });
    expect(scoreRow(r, '我在茶厅。')).toMatchObject({
      grounded: true,
      intentFollowed: true,
      languageMatches: true,
    });
  });
});
