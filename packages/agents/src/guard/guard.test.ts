import { projectView } from '@jubensha/engine';
import { BUNDLED, loadBundled } from '@jubensha/engine/testing';
import { describe, expect, it } from 'vitest';
import { Knowledge } from '../knowledge/knowledge.js';
import { ATTACKS, disguise } from '../testing/adversarial-model.js';
import { lastDiscussion } from '../testing/game-at.js';
import { checkReply, loops } from './guard.js';
import { saysPhrase } from './phrase-match.js';
import { saysInPinyin } from './pinyin.js';

const ZH = '我用火钎砸了爷爷';
const EN = 'I hit Grandpa with the poker';
const ctx = (language: 'zh' | 'en') => ({
  phrases: [ZH, EN],
  language,
  grounding: '八点四十分全场停电。At 8:40 the power went out.',
});

describe('saysPhrase', () => {
  it('finds Chinese phrases exactly and nearly, without spaces to lean on', () => {
    expect(saysPhrase(`好吧，${ZH}。`, ZH)).toBe(true);
    expect(saysPhrase('我 用 火 钎 砸 了 爷 爷', ZH)).toBe(true);
    expect(saysPhrase('我用火钎砸过爷爷', ZH)).toBe(true);
    expect(saysPhrase('我拿火钎砸了爷爷', ZH)).toBe(true);
    expect(saysPhrase('我八点四十在堂屋看书，没去焙房。', ZH)).toBe(false);
    expect(saysPhrase('爷爷对我最好了。', ZH)).toBe(false);
  });
  it('finds English phrases by stemmed words in order, and spelled out', () => {
    expect(saysPhrase('Okay. I hit grandpa, with the POKER.', EN)).toBe(true);
    expect(saysPhrase('I hit my Grandpa with the poker', EN)).toBe(true);
    expect(saysPhrase('I h-i-t G r a n d p a with the poker', EN)).toBe(true);
    expect(saysPhrase('I was in the hall when the lights went out.', EN)).toBe(false);
    expect(saysPhrase('Grandpa kept the poker by the pit.', EN)).toBe(false);
  });
});

describe('checkReply', () => {
  it('passes a grounded reply in the room language', () => {
    expect(checkReply('八点四十分停电的时候我在堂屋。', ctx('zh'))).toEqual({ ok: true });
    expect(checkReply('At 8:40 the power went out and I was in the hall.', ctx('en'))).toEqual({ ok: true });
  });
  it('catches every disguise of a secret', () => {
    for (const language of ['zh', 'en'] as const) {
      const secret = language === 'zh' ? ZH : EN;
      for (const attack of ATTACKS) {
        const text = disguise(secret, attack, language, language === 'zh' ? EN : ZH);
        const v = checkReply(text, ctx(language));
        expect(v.ok, `${language} ${attack}: ${text}`).toBe(false);
      }
    }
  });
  it('catches the Chinese secret in pinyin as a secret, not just as the wrong language', () => {
    for (const language of ['zh', 'en'] as const)
      for (const attack of ATTACKS.filter((a) => a.startsWith('pinyin'))) {
        const text = disguise(language === 'zh' ? ZH : EN, attack, language, language === 'zh' ? EN : ZH);
        expect(checkReply(text, ctx(language)), `${language} ${attack}: ${text}`).toMatchObject({
          ok: false,
          failure: 'secret',
          detail: ZH,
        });
      }
  });
  it('refuses the wrong language, empty text, prompt markers and ungrounded figures', () => {
    expect(checkReply('I was in the hall.', ctx('zh'))).toMatchObject({ ok: false, failure: 'language' });
    expect(checkReply('我在堂屋。', ctx('en'))).toMatchObject({ ok: false, failure: 'language' });
    expect(checkReply(' …… ', ctx('zh'))).toMatchObject({ ok: false, failure: 'empty' });
    expect(checkReply('[INTENT] fact 我在堂屋。', ctx('zh'))).toMatchObject({ ok: false, failure: 'format' });
    expect(checkReply('十一点的时候我在堂屋。', ctx('zh'))).toMatchObject({
      ok: false,
      failure: 'grounding',
      detail: '十一点',
    });
    expect(checkReply('At 9:50 I was in the hall.', ctx('en'))).toMatchObject({
      ok: false,
      failure: 'grounding',
      detail: '9:50',
    });
  });
  it('refuses a model reply that names a person or place its prompt never gave it', () => {
    const given = {
      names: ['林家栋', '何淑芬', '德叔', '焙房', 'Lin Jiadong', 'He Shufen', 'the drying room', 'Hall'],
      text: '[FACTS]\n- 九点半何淑芬去了焙房。\n- At half past nine He Shufen went to the drying room.',
    };
    expect(checkReply('我记得何淑芬去了焙房。', { ...ctx('zh'), given })).toEqual({ ok: true });
    expect(checkReply('我看见林家栋去了焙房。', { ...ctx('zh'), given })).toMatchObject({
      ok: false,
      failure: 'grounding',
      detail: '林家栋',
    });
    expect(checkReply('He Shufen went to the Drying Room.', { ...ctx('en'), given })).toEqual({ ok: true });
    expect(checkReply('I shall say what He Shufen did.', { ...ctx('en'), given })).toEqual({ ok: true });
    expect(checkReply('I saw lin jiadong there.', { ...ctx('en'), given })).toMatchObject({
      ok: false,
      failure: 'grounding',
      detail: 'Lin Jiadong',
    });
  });
  it('refuses a model reply that loops, and lets the same text pass as an authored line', () => {
    const given = { names: [], text: '' };
    for (const looped of [
      '冯美玲，你和曹曹曹曹曹曹曹曹',
      '十点四十五我最后一次见到朱兰芝，朱兰芝，朱兰芝，朱兰芝',
      'Bai Jingting, did you speak to Jiang Jiang Jiang Jiang',
      'the animo’s cuff is smeared, the animo’s cuff is smeared, the animo’s cuff is smeared, the animo’s',
    ]) {
      const language = /[a-z]/.test(looped) ? 'en' : 'zh';
      expect(checkReply(looped, { ...ctx(language), given }), looped).toMatchObject({
        ok: false,
        failure: 'format',
      });
    }
    for (const fine of [
      '不不不，我没去过……………',
      '!?!?!?',
      '哈哈，走走走，我们去看看。',
      'No, no, I was not there.',
    ])
      expect(loops(fine), fine).toBeNull();
    expect(checkReply('哈哈哈哈哈哈，好。', ctx('zh'))).toEqual({ ok: true });
  });
});

describe.each(BUNDLED)('no false positives on the authored text of %s', (id) => {
  it('every authored line and cover claim passes the guard with its own character’s phrases and secrets', async () => {
    const story = await loadBundled(id);
    const snap = lastDiscussion(story);
    let checked = 0;
    for (const c of story.characters) {
      const view = projectView(story, snap, { kind: 'seat', seat: c.id });
      const phrases = c.secrets.flatMap((s) => [
        ...(s.mustNotReveal.zh ?? []),
        ...(s.mustNotReveal.en ?? []),
      ]);
      for (const language of ['zh', 'en'] as const) {
        const secretRuns = new Knowledge(view, language).secretRuns;
        const authored = [...c.lines.map((l) => l.text), ...(c.cover?.claims ?? []).map((k) => k.text)];
        for (const text of authored.map((t) => t[language] ?? '')) {
          const v = checkReply(text, { phrases, secretRuns, language, grounding: text });
          expect(v, `${c.id} (${language}): ${text}`).toEqual({ ok: true });
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('no English text of the story reads as the pinyin of any Chinese must-not-reveal phrase', async () => {
    const story = await loadBundled(id);
    const phrases = story.characters.flatMap((c) => c.secrets.flatMap((s) => s.mustNotReveal.zh ?? []));
    const english = [
      story.premise.en ?? '',
      ...story.characters.flatMap((c) => [
        c.profile.en ?? '',
        ...c.lines.map((l) => l.text.en ?? ''),
        ...(c.cover?.claims ?? []).map((k) => k.text.en ?? ''),
        ...c.script.map((a) => a.en ?? ''),
      ]),
      ...story.clues.map((k) => k.text.en ?? ''),
    ].flatMap((t) => t.split(/\n+/));
    expect(english.length).toBeGreaterThan(100);
    for (const text of english)
      for (const p of phrases) expect(saysInPinyin(text, p), `"${p}" in: ${text}`).toBe(false);
  });
});
