import { projectView } from '@jubensha/engine';
import { loadBundled } from '@jubensha/engine/testing';
import { LlmError, type GenerationStream, type LanguageModel } from '@jubensha/llm';
import { describe, expect, it } from 'vitest';
import { Knowledge } from '../knowledge/knowledge.js';
import { lastDiscussion } from '../testing/game-at.js';
import { ScriptedModel, textStream } from '../testing/scripted-model.js';
import { speak } from './speak.js';

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

describe('speak', async () => {
  const story = await loadBundled('rain-tea-hills');
  const view = projectView(story, lastDiscussion(story), { kind: 'seat', seat: 'lin-xiaozhou' });
  const knowledge = new Knowledge(view, 'zh');
  const claim = view.me?.character.cover?.[0];
  const choice = {
    intent: 'cover' as const,
    facts: [],
    claim: claim ? { id: claim.id, text: claim.text.zh ?? '' } : null,
    target: null,
  };

  it('a failing model costs the line, not the game: the authored line is spoken', async () => {
    const out = await speak({
      model: new FailingModel(),
      view,
      knowledge,
      language: 'zh',
      choice,
      speech: null,
      said: new Set(),
    });
    expect(out.failures).toEqual(['error']);
    expect(out.source).toBe('authored');
    expect(out.text).toBe(claim?.text.zh);
  });

  it('a model reply that passes the guard is spoken as generated', async () => {
    const out = await speak({
      model: new ScriptedModel(),
      view,
      knowledge,
      language: 'zh',
      choice,
      speech: null,
      said: new Set(),
    });
    expect(out).toMatchObject({ source: 'model', failures: [], text: claim?.text.zh });
    expect(out.tokens.prompt).toBeGreaterThan(0);
  });

  it('a model reply naming a person or place of the story its prompt never mentioned falls back to the authored line', async () => {
    let prompt = '';
    await speak({
      ...base(),
      model: new ScriptedModel(),
      onPrompt: (m) => (prompt = m.map((x) => x.content).join('\n')),
    });
    const places = [...story.characters, ...story.locations].map((x) => x.name.zh ?? '');
    const stranger = places.find((n) => n && !prompt.includes(n));
    expect(stranger).toBeDefined();
    const out = await speak({ ...base(), model: new FixedModel(`我看见${stranger}从那边过来。`) });
    expect(out.failures).toEqual(['grounding', 'grounding']);
    expect(out.source).toBe('authored');
  });

  it('strips the copy marks a model writes before the guard and the table', async () => {
    const text = claim?.text.zh ?? '';
    const out = await speak({ ...base(), model: new FixedModel(`好，我回答你：⟦${text}⟧`) });
    expect(out).toMatchObject({ source: 'model', failures: [], text: `好，我回答你：${text}` });
  });

  function base() {
    return { view, knowledge, language: 'zh' as const, choice, speech: null, said: new Set<string>() };
  }
});
