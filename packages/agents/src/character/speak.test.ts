import { projectView } from '@jubensha/engine';
import { loadBundled } from '@jubensha/engine/testing';
import { LlmError, type GenerateRequest, type GenerationStream, type LanguageModel } from '@jubensha/llm';
import { describe, expect, it } from 'vitest';
import { realize } from '../realize/realize.js';
import { lastDiscussion } from '../testing/game-at.js';
import { ScriptedModel, textStream } from '../testing/scripted-model.js';
import { incidentAlibi, seatState } from '../testing/seat-state.js';
import { closedSentences, speak } from './speak.js';

/** A backend that fails every request, as a model does with too long a prompt. */
class FailingModel implements LanguageModel {
  readonly description = 'failing';
  generate(): GenerationStream {
    const stats = Promise.reject(new LlmError('CONTEXT_TOO_LONG', 'prompt too long'));
    stats.catch(() => undefined);
    return {
      stats,
      [Symbol.asyncIterator]: async function* () {
        yield* [];
        throw new LlmError('CONTEXT_TOO_LONG', 'prompt too long');
      },
    };
  }
  close() {
    return Promise.resolve();
  }
}

/** A backend that always says the same line. */
class FixedModel implements LanguageModel {
  readonly description = 'fixed';
  constructor(private readonly line: string) {}
  generate(): GenerationStream {
    return textStream(this.line, 10);
  }
  close() {
    return Promise.resolve();
  }
}

/** A backend that decodes inside choices, as the ONNX one does: it says the choice `pick` takes. */
class ChoosingModel implements LanguageModel {
  readonly description = 'choosing';
  readonly constrainsChoices = true;
  offered: string[][] = [];
  constructor(private readonly pick: (choices: string[]) => string) {}
  generate(request: GenerateRequest): GenerationStream {
    this.offered.push(request.choices ?? []);
    return textStream(this.pick(request.choices ?? []), 10);
  }
  close() {
    return Promise.resolve();
  }
}

describe('speak', async () => {
  const story = await loadBundled('last-curtain');
  // Uncle De tells where he was at the incident: two movements of his own, times and places from the timeline.
  const view = projectView(story, lastDiscussion(story), { kind: 'seat', seat: 'luo-dechang' });
  const state = seatState(view, 'zh', null);
  const board = state.board;
  const plan = incidentAlibi(board);
  const template = realize(plan, { board, said: new Set(), rng: () => 0 });
  const base = () => ({
    view,
    board,
    knowledge: state.knowledge,
    language: 'zh' as const,
    plan,
    template,
    speech: null,
    said: new Set<string>(),
  });

  it('the template is the alibi on the board: when and where, in the first person', () => {
    expect(plan.movements?.length).toBeGreaterThan(0);
    expect(template).toMatch(/我在/);
    expect(template).toMatch(/一号化妆间|衣箱房/);
  });

  it('a failing model costs the wording only: the realizer’s line is spoken', async () => {
    const out = await speak({ ...base(), model: new FailingModel() });
    expect(out.failures).toEqual(['error']);
    expect(out).toMatchObject({ source: 'template', text: template });
  });

  it('a model that decodes inside choices picks among the wordings that pass every check, and only them', async () => {
    const other = realize(plan, { board, said: new Set(), rng: () => 0, voice: 3 });
    expect(other).not.toBe(template);
    const garbled = `${template}我 for for。`;
    const model = new ChoosingModel((c) => c[c.length - 1] ?? '');
    const out = await speak({ ...base(), model, variants: [template, other, garbled, other] });
    expect(model.offered).toEqual([[template, other]]);
    expect(out).toMatchObject({ source: 'model', text: other, failures: [] });
    // A wording the seat said before is not offered again; the one fresh wording speaks in place of a repeat.
    const third = realize(plan, { board, said: new Set(), rng: () => 0, voice: 1 });
    const again = new ChoosingModel((c) => c[0] ?? '');
    const repeat = await speak({
      ...base(),
      said: new Set([template]),
      model: again,
      variants: [template, other],
    });
    expect(again.offered).toEqual([]);
    expect(repeat).toMatchObject({ source: 'template', text: other });
    expect(new Set([template, other, third]).size).toBe(3);
    {
      const fresh = new ChoosingModel((c) => c[0] ?? '');
      await speak({ ...base(), said: new Set([other]), model: fresh, variants: [template, other, third] });
      expect(fresh.offered).toEqual([[template, third]]);
    }
    // One wording left is no choice: the template speaks and the model is not asked.
    const alone = new ChoosingModel((c) => c[0] ?? '');
    expect(await speak({ ...base(), model: alone, variants: [template, garbled] })).toMatchObject({
      source: 'template',
      text: template,
    });
    expect(alone.offered).toEqual([]);
    // A backend that says anything else broke its promise: the template speaks.
    const liar = new ChoosingModel(() => '我什么都不知道。');
    const lied = await speak({ ...base(), model: liar, variants: [template, other] });
    expect(lied).toMatchObject({ source: 'template', text: template });
    expect(lied.rejected.map((r) => r.why)).toEqual(['not one of the choices']);
  });

  it('a model reply that keeps every span of the plan is spoken as generated', async () => {
    const out = await speak({ ...base(), model: new FixedModel(`好，我说。${template}`) });
    expect(out).toMatchObject({ source: 'model', failures: [], text: `好，我说。${template}` });
    const scripted = await speak({ ...base(), model: new ScriptedModel() });
    expect(scripted.tokens.prompt).toBeGreaterThan(0);
  });

  it('a model reply that drops a time or a place of the plan is replaced by the template', async () => {
    const out = await speak({ ...base(), model: new FixedModel('那会儿我在忙自己的事，没注意别的。') });
    expect(out.source).toBe('template');
    expect(out.rejected.map((r) => r.why)).toContain('does not keep the plan');
  });

  it('a model reply naming a person or place of the story its prompt never mentioned is replaced', async () => {
    let prompt = '';
    await speak({
      ...base(),
      model: new ScriptedModel(),
      onPrompt: (m) => (prompt = m.map((x) => x.content).join('\n')),
    });
    const names = [...story.characters, ...story.locations].map((x) => x.name.zh ?? '');
    const stranger = names.find((n) => n && !prompt.includes(n));
    expect(stranger).toBeDefined();
    const out = await speak({
      ...base(),
      model: new FixedModel(`${template}我还看见${stranger}从那边过来。`),
    });
    expect(out.failures).toContain('grounding');
    expect(out.source).toBe('template');
  });

  it('a garbled model reply (English words inside Chinese) never reaches the table', async () => {
    const out = await speak({ ...base(), model: new FixedModel(`${template} of it的事。`) });
    expect(out.source).toBe('template');
    expect(out.rejected[0]?.why).toMatch(/^script/);
  });

  it('a model reply in words of its own, or with a verdict the plan has none of, is replaced', async () => {
    for (const reply of [`${template}理们投的行什么？`, `我的结论是这样。${template}`]) {
      const out = await speak({ ...base(), model: new FixedModel(reply) });
      expect(out.source).toBe('template');
      expect(out.rejected[0]?.why).toMatch(/^wording/);
    }
  });

  it('strips the copy marks a model writes before the guard and the table', async () => {
    const out = await speak({ ...base(), model: new FixedModel(`⟦${template}⟧`) });
    expect(out).toMatchObject({ source: 'model', failures: [], text: template });
  });

  it('streams a choice as the model decodes it; a backend off the choices shows nothing', async () => {
    const other = realize(plan, { board, said: new Set(), rng: () => 0, voice: 3 });
    const pieces: string[] = [];
    const model = new ChoosingModel((c) => c[1] ?? '');
    const out = await speak({ ...base(), model, variants: [template, other], live: (p) => pieces.push(p) });
    expect(out).toMatchObject({ source: 'model', text: other });
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(other);
    const shown: string[] = [];
    const liar = new ChoosingModel(() => '我什么都不知道。');
    const lied = await speak({
      ...base(),
      model: liar,
      variants: [template, other],
      live: (p) => shown.push(p),
    });
    expect(lied).toMatchObject({ source: 'template', text: template });
    expect(shown).toEqual([]);
  });

  it('streams a free reply by checked sentences, and ends the line where a later sentence fails', async () => {
    expect(template).toMatch(/。$/);
    const stranger = [...story.characters]
      .map((x) => x.name.zh ?? '')
      .find((n) => n && !template.includes(n));
    const reply = `${template}我还看见${stranger ?? ''}从那边过来。再说一句。`;
    const pieces: string[] = [];
    const out = await speak({ ...base(), model: new FixedModel(reply), live: (p) => pieces.push(p) });
    // The template's sentence passed and was shown; the next one names a person the prompt never gave.
    expect(pieces.join('')).toBe(template);
    expect(out).toMatchObject({ source: 'model', text: template });
    expect(out.failures).toContain('grounding');
    // Without a table watching, the same reply is judged whole and replaced.
    expect(await speak({ ...base(), model: new FixedModel(reply) })).toMatchObject({ source: 'template' });
    // A first sentence that fails shows nothing, and the realizer speaks.
    const nothing: string[] = [];
    const garbled = await speak({
      ...base(),
      model: new FixedModel(`我 for for。${template}`),
      live: (p) => nothing.push(p),
    });
    expect(nothing).toEqual([]);
    expect(garbled).toMatchObject({ source: 'template', text: template });
    // A reply that passes whole: what was shown begins it (its last sentence comes with the whole line).
    const good: string[] = [];
    const whole = await speak({
      ...base(),
      model: new FixedModel(`好，我说。${template}`),
      live: (p) => good.push(p),
    });
    expect(whole).toMatchObject({ source: 'model', text: `好，我说。${template}` });
    expect(whole.text.startsWith(good.join(''))).toBe(true);
  });
});

describe('closedSentences', () => {
  it('ends after a stop with text behind it, closing quotes included; an English stop only before a space', () => {
    expect(closedSentences('我在后台。然后')).toBe(5);
    expect(closedSentences('我在后台。')).toBe(0);
    expect(closedSentences('他说：“走了。”然后')).toBe(8);
    expect(closedSentences('It was 3.5 metres. Then')).toBe(18);
    expect(closedSentences('Ask Mr.Li')).toBe(0);
  });
});
