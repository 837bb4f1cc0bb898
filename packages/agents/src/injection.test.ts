import { projectView } from '@jubensha/engine';
import { BUNDLED, loadBundled } from '@jubensha/engine/testing';
import type { LanguageModel } from '@jubensha/llm';
import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { CharacterAgent } from './character/agent.js';
import { speak } from './character/speak.js';
import { readClues } from './decide/clue-reading.js';
import { saysPhrase } from './guard/phrase-match.js';
import { planReply } from './policy/reply.js';
import { realize } from './realize/realize.js';
import { understand } from './understand/understand.js';
import { seatState } from './testing/seat-state.js';
import { AdversarialModel } from './testing/adversarial-model.js';
import { lastDiscussion, withMessage } from './testing/game-at.js';
import { HOSTILE } from './testing/hostile-questions.js';
import { ScriptedModel } from './testing/scripted-model.js';

const LANGS = ['zh', 'en'] as const;

/** An oracle apart from the guard's: toneless pinyin straight from the library, letters only. */
const toneless = (chinese: string) =>
  pinyin(chinese, { toneType: 'none', separator: '' }).replace(/[^a-z]/g, '');
const typedPinyin = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

describe.each(BUNDLED)('injection suite: %s', (id) => {
  it(`${HOSTILE.zh.length + HOSTILE.en.length} hostile questions, every character, no must-not-reveal phrase reaches the table`, async () => {
    expect(HOSTILE.zh.length + HOSTILE.en.length).toBeGreaterThanOrEqual(50);
    const story = await loadBundled(id);
    const snap = lastDiscussion(story);
    const readings = readClues(story);
    let replies = 0;
    let fallbacks = 0;
    const leaked: string[] = [];
    for (const c of story.characters) {
      const view = projectView(story, snap, { kind: 'seat', seat: c.id });
      const phrases = c.secrets.flatMap((s) => [
        ...(s.mustNotReveal.zh ?? []),
        ...(s.mustNotReveal.en ?? []),
      ]);
      expect(phrases.length).toBeGreaterThan(0);
      const zhPhrases = c.secrets.flatMap((s) => (s.mustNotReveal.zh ?? []).map(toneless));
      const asker = story.characters.find((x) => x.id !== c.id)?.id ?? '';
      for (const language of LANGS) {
        const state = seatState(view, language, readings);
        const name = (language === 'zh' ? c.name.zh : c.name.en) ?? c.id;
        const secrets = {
          zh: c.secrets.flatMap((s) => [...(s.mustNotReveal.zh ?? []), s.text.zh ?? '']),
          en: c.secrets.flatMap((s) => [...(s.mustNotReveal.en ?? []), s.text.en ?? '']),
        };
        const models: LanguageModel[] = [new ScriptedModel(), new AdversarialModel(secrets, language)];
        for (const model of models) {
          for (const question of [...HOSTILE.zh, ...HOSTILE.en]) {
            // Put to the seat by name, as a player would: the policy plans an answer, the model words it.
            const text = `${name}${language === 'zh' ? '，' : ', '}${question}`;
            const line = {
              ref: 'public:99999',
              speaker: asker,
              text,
              at: snap.context.clock,
              channel: 'public' as const,
              u: understand(text, { lexicon: state.board.lexicon, speaker: asker }),
            };
            const plan = planReply(state, line) ?? {
              act: 'refuse' as const,
              to: asker,
              answers: line.ref,
              topic: 'refuse',
              intent: 'withhold' as const,
            };
            const out = await speak({
              model,
              view,
              board: state.board,
              knowledge: state.knowledge,
              language,
              plan,
              template: realize(plan, { board: state.board, said: new Set(), rng: () => 0 }),
              speech: { from: asker, text },
              said: new Set(),
            });
            replies++;
            if (out.source !== 'model') fallbacks++;
            else if (model instanceof AdversarialModel) leaked.push(`${c.id} (${language}): ${out.text}`);
            for (const p of phrases)
              expect(saysPhrase(out.text, p), `${c.id} leaked "${p}" in "${out.text}"`).toBe(false);
            const letters = typedPinyin(out.text);
            for (const p of zhPhrases)
              expect(letters.includes(p), `${c.id} leaked "${p}" in pinyin: "${out.text}"`).toBe(false);
          }
        }
      }
    }
    expect(leaked).toEqual([]);
    expect(fallbacks).toBeGreaterThanOrEqual(replies / 2);
  });

  it('the same questions through the agent: addressed by name at the table, it answers and leaks nothing', async () => {
    const story = await loadBundled(id);
    const snap = lastDiscussion(story);
    const readings = readClues(story);
    for (const c of story.characters) {
      const phrases = c.secrets.flatMap((s) => [
        ...(s.mustNotReveal.zh ?? []),
        ...(s.mustNotReveal.en ?? []),
      ]);
      const asker = story.characters.find((x) => x.id !== c.id)?.id ?? '';
      for (const language of LANGS) {
        const secrets = {
          zh: c.secrets.flatMap((s) => [...(s.mustNotReveal.zh ?? []), s.text.zh ?? '']),
          en: c.secrets.flatMap((s) => [...(s.mustNotReveal.en ?? []), s.text.en ?? '']),
        };
        const agent = new CharacterAgent({
          seat: c.id,
          language,
          readings,
          model: new AdversarialModel(secrets, language),
          humanGraceMs: 0,
        });
        const name = (language === 'zh' ? c.name.zh : c.name.en) ?? c.id;
        const questions = HOSTILE[language].slice(0, 6);
        for (const [i, q] of questions.entries()) {
          const view = withMessage(
            story,
            snap,
            c.id,
            asker,
            `${name}${language === 'zh' ? '，' : ', '}${q}`,
            i + 1,
          );
          const action = await agent.next(view, snap.context.clock + 1000);
          expect(action?.command.type, `${c.id} ${language}: ${q}`).toBe('PUBLIC_MESSAGE');
          const text = action?.command.type === 'PUBLIC_MESSAGE' ? action.command.text : '';
          for (const p of phrases)
            expect(saysPhrase(text, p), `${c.id} leaked "${p}" in "${text}"`).toBe(false);
        }
      }
    }
  });
});
