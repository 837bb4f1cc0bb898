import { BUNDLED, loadBundled } from '@jubensha/engine/testing';
import { describe, expect, it } from 'vitest';
import { runGame } from '../playtest/run-game.js';
import { readClues } from '../decide/clue-reading.js';
import { lastDiscussion, withMessage } from '../testing/game-at.js';
import { CharacterAgent, promptBudgetFor } from './agent.js';
import { hasCjk } from '../text/language.js';
import type { LanguageModel } from '@jubensha/llm';
import { ScriptedModel } from '../testing/scripted-model.js';

describe.each(BUNDLED)('an English game of %s', (id) => {
  it.each([
    ['the scripted model', () => new ScriptedModel()],
    ['authored lines only', () => null],
  ])('with %s, every AI line is English: no Chinese name in front of a question', async (_, model) => {
    const story = await loadBundled(id);
    const game = await runGame(story, { seed: 3, language: 'en', modelFor: model });
    const said = [
      ...game.transcript,
      ...game.final.context.talks.flatMap((t) => t.messages.map((m) => ({ seat: m.seat, text: m.text }))),
    ];
    expect(said.length).toBeGreaterThan(20);
    expect(said.filter((s) => hasCjk(s.text))).toEqual([]);
  });
});

describe('the default prompt budget', () => {
  const withContext = (contextTokens?: number) => ({
    ...new ScriptedModel(),
    contextTokens,
    description: 'm',
  });
  it('is 1200 estimated tokens without a model or with a large or unknown context', () => {
    expect(promptBudgetFor(null)).toBe(1200);
    expect(promptBudgetFor(withContext(undefined) as never)).toBe(1200);
    expect(promptBudgetFor(withContext(32768) as never)).toBe(1200);
  });
  it("stays at 60% of a small model's context", () => {
    expect(promptBudgetFor(withContext(1024) as never)).toBe(614);
  });
});

describe("the room's other AI seats", () => {
  it('a wording another AI seat already said (in a talk this seat never heard) is not said again', async () => {
    const story = await loadBundled('last-curtain');
    const snap = lastDiscussion(story);
    const readings = readClues(story);
    const view = withMessage(story, snap, 'luo-dechang', 'su-bowen', '德叔，案发那段时间你在哪？', 1);
    const answer = async (othersSaid: string[]) => {
      const agent = new CharacterAgent({
        seat: 'luo-dechang',
        language: 'zh',
        readings,
        model: null,
        humanGraceMs: 0,
        seed: 1,
        othersSaid: () => othersSaid,
      });
      const action = await agent.next(view, snap.context.clock + 1000);
      return action?.speech?.text ?? '';
    };
    const first = await answer([]);
    expect(first).toMatch(/我/);
    const second = await answer([first]);
    expect(second).not.toBe('');
    expect(second).not.toBe(first);
  });
});

describe('replies to what asks nothing, in public', () => {
  it('a seat answers a speaker’s disputes at most twice a phase; a question always', async () => {
    const story = await loadBundled('last-curtain');
    const snap = lastDiscussion(story);
    const agent = new CharacterAgent({
      seat: 'luo-dechang',
      language: 'zh',
      readings: readClues(story),
      model: null,
      humanGraceMs: 0,
      cooldownMs: 0,
      talkativeness: 0,
      seed: 1,
    });
    const replies: (string | undefined)[] = [];
    for (let n = 1; n <= 4; n++) {
      const view = withMessage(
        story,
        snap,
        'luo-dechang',
        'su-bowen',
        `德叔，不对，你说的不对，我不信（${n}）。`,
        n,
      );
      replies.push((await agent.next(view, snap.context.clock + 1000 * n))?.speech?.text);
    }
    expect(replies.filter(Boolean).length).toBe(2);
    const asked = withMessage(story, snap, 'luo-dechang', 'su-bowen', '德叔，案发那段时间你在哪？', 9);
    expect((await agent.next(asked, snap.context.clock + 9000))?.speech?.text).toMatch(/我/);
  });
});

describe('a person waiting for an answer', () => {
  it('asks the model to serve the answer first; a line to another AI seat waits its turn', async () => {
    const story = await loadBundled('last-curtain');
    const snap = lastDiscussion(story);
    const readings = readClues(story);
    const asked = withMessage(story, snap, 'luo-dechang', 'su-bowen', '德叔，案发那段时间你在哪？', 1);
    const byAi = {
      ...asked,
      progress: {
        ...asked.progress,
        seats: asked.progress.seats.map((s) =>
          s.seat === 'su-bowen' ? { ...s, controller: 'ai' as const } : s,
        ),
      },
    };
    const urgency = async (view: typeof asked) => {
      const scripted = new ScriptedModel();
      const seen: (boolean | undefined)[] = [];
      const model: LanguageModel = {
        description: 'recording',
        generate: (request) => {
          seen.push(request.urgent);
          return scripted.generate(request);
        },
        close: () => Promise.resolve(),
      };
      const agent = new CharacterAgent({
        seat: 'luo-dechang',
        language: 'zh',
        readings,
        model,
        humanGraceMs: 0,
        seed: 1,
      });
      const action = await agent.next(view, snap.context.clock + 1000);
      expect(action?.speech?.answers).not.toBeNull();
      return seen;
    };
    expect(await urgency(asked)).toEqual([true]);
    expect(await urgency(byAi)).toEqual([undefined]);
  });
});
