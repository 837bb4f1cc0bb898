import type { LanguageModel } from '@jubensha/llm';
import type { ChatMessage } from '@jubensha/llm';
import type { View } from '@jubensha/protocol';
import { checkReply, type GuardFailure } from '../guard/guard.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import type { IntentChoice } from '../policy/intent.js';
import { buildPrompt, stripCopyMarks } from '../prompt/prompt.js';
import type { Language } from '../text/language.js';
import { pick } from '../text/localized.js';
import { authoredLines, GENERIC } from './lines.js';
import type { SpeechSource } from './memory.js';

export interface SpeakOptions {
  model: LanguageModel | null;
  view: View;
  knowledge: Knowledge;
  language: Language;
  choice: IntentChoice;
  speech: { from: string; text: string } | null;
  /** Lines this seat said before (an authored line is not repeated while another fits). */
  said: Set<string>;
  budget?: number;
  maxTokens?: number;
  seed?: number;
  roomKey?: string;
  signal?: AbortSignal;
  /** Sees every prompt built (the gating test reads them). */
  onPrompt?: (messages: ChatMessage[]) => void;
}

export interface Spoken {
  text: string;
  source: SpeechSource;
  /** Every guard failure on the way, model replies and authored candidates alike. */
  failures: GuardFailure[];
  tokens: { prompt: number; completion: number };
  /** Model time for this line, ms (0 without a model). */
  modelMs: number;
}

/**
 * One line of speech: the model's reply if it passes the guard, else a second try, else the authored
 * line for the intent, else a generic one. Nothing reaches the caller unguarded, so streaming to the
 * table starts only after the guard (a leak cannot be half-shown and then taken back).
 */
export async function speak(o: SpeakOptions): Promise<Spoken> {
  const failures: GuardFailure[] = [];
  const tokens = { prompt: 0, completion: 0 };
  const grounding = [
    o.knowledge.corpus,
    ...(o.view.me?.character.lines ?? []).map((l) => pick(l.text, o.language)),
    o.speech?.text ?? '',
    ...o.view.story.characters.map((c) => `${c.name.zh ?? ''} ${c.name.en ?? ''}`),
    ...o.view.story.locations.map((l) => `${l.name.zh ?? ''} ${l.name.en ?? ''}`),
  ].join('\n');
  const guard = {
    phrases: o.knowledge.phrases,
    secretRuns: o.knowledge.secretRuns,
    language: o.language,
    grounding,
  };
  let modelMs = 0;
  if (o.model) {
    const messages = buildPrompt({
      view: o.view,
      language: o.language,
      choice: o.choice,
      speech: o.speech,
      budget: o.budget ?? 1200,
    });
    o.onPrompt?.(messages);
    // A model reply may name only the people and places its prompt gave it (the same for both attempts).
    const modelGuard = {
      ...guard,
      given: { names: storyNames(o.view), text: messages.map((m) => m.content).join('\n') },
    };
    for (let attempt = 0; attempt < 2; attempt++) {
      let text = '';
      try {
        const stream = o.model.generate({
          messages,
          maxTokens: o.maxTokens ?? 120,
          temperature: attempt === 0 ? 0 : 0.7,
          seed: (o.seed ?? 0) + attempt,
          stop: ['\n[', '<<'],
          prefixCacheKey: `${o.view.me?.seat ?? ''}:${o.view.progress.act}`,
          ...(o.roomKey ? { roomKey: o.roomKey } : {}),
          ...(o.signal ? { signal: o.signal } : {}),
        });
        for await (const chunk of stream) text += chunk;
        text = stripCopyMarks(text);
        const stats = await stream.stats;
        tokens.prompt += stats.promptTokens;
        tokens.completion += stats.completionTokens;
        modelMs += stats.totalMs;
      } catch (error) {
        // A model that fails (too long a prompt, a dead server, a cancelled run) costs the line, never the game.
        if (o.signal?.aborted) throw error;
        failures.push('error');
        break;
      }
      const verdict = checkReply(text, modelGuard);
      if (verdict.ok)
        return {
          text: text.trim(),
          source: attempt === 0 ? 'model' : 'regenerated',
          failures,
          tokens,
          modelMs,
        };
      failures.push(verdict.failure);
    }
  }
  // Authored lines can fail too (a claim already contradicted, a language the room does not speak).
  const lenient = {
    ...guard,
    grounding:
      guard.grounding + '\n' + authoredLines(o.view, o.choice, null, o.language, new Set()).join('\n'),
  };
  for (const line of authoredLines(o.view, o.choice, o.speech?.text ?? null, o.language, o.said)) {
    const verdict = checkReply(line, lenient);
    if (verdict.ok) return { text: line, source: 'authored', failures, tokens, modelMs };
    failures.push(verdict.failure);
  }
  return { text: GENERIC[o.choice.intent][o.language], source: 'generic', failures, tokens, modelMs };
}

/** The story's people and places as a reply could name them: full names and each bracketed alias, zh and en. */
function storyNames(view: View): string[] {
  const texts = [
    ...view.story.characters.flatMap((c) => [c.name.zh ?? '', c.name.en ?? '']),
    ...view.story.locations.flatMap((l) => [l.name.zh ?? '', l.name.en ?? '']),
  ];
  return [...new Set(texts.flatMap((t) => [t, ...t.split(/[（）()]/)]).map((t) => t.trim()))].filter(
    (t) => t.length >= 2,
  );
}
