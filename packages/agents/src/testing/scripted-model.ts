import type { GenerateRequest, GenerationStats, GenerationStream, LanguageModel } from '@jubensha/llm';
import { LlmError } from '@jubensha/llm';
import { estimateTokens } from '../prompt/tokens.js';
import { hash, seeded } from '../text/random.js';

/** Reads the sections of a prompt in the agents' format (README, "Prompt format"). */
export function readPrompt(request: GenerateRequest): {
  language: 'zh' | 'en';
  intent: string;
  facts: string[];
  claim: string | null;
  asked: string | null;
  target: string | null;
  examples: { intent: string; text: string }[];
  all: string;
} {
  const all = request.messages ? request.messages.map((m) => m.content).join('\n') : (request.prompt ?? '');
  const lines = all.split('\n');
  const after = (label: string) =>
    lines
      .find((l) => l.startsWith(label))
      ?.slice(label.length)
      .trim() ?? null;
  const factsAt = lines.indexOf('[FACTS]');
  const facts: string[] = [];
  if (factsAt >= 0)
    for (const l of lines.slice(factsAt + 1))
      if (l.startsWith('- ')) facts.push(l.slice(2));
      else break;
  const exAt = lines.indexOf('[EXAMPLES]');
  const examples: { intent: string; text: string }[] = [];
  if (exAt >= 0)
    for (const l of lines.slice(exAt + 1)) {
      if (!l.startsWith('- ')) break;
      const parts = l.slice(2).split(' | ');
      examples.push({ intent: parts[0] ?? '', text: parts.slice(2).join(' | ') });
    }
  return {
    language: /只用中文回答/.test(all) ? 'zh' : 'en',
    intent: after('[INTENT]') ?? 'fact',
    facts,
    claim: after('[CLAIM]'),
    asked: after('[ASKED]'),
    target: after('[TARGET]'),
    examples,
    all,
  };
}

/** A generation whose text is known up front, streamed in small chunks with real stats. */
export function textStream(text: string, promptTokens: number, signal?: AbortSignal): GenerationStream {
  const chunks = [...text].reduce<string[]>((out, ch, i) => {
    if (i % 6 === 0) out.push(ch);
    else out[out.length - 1] += ch;
    return out;
  }, []);
  let resolve!: (s: GenerationStats) => void;
  let reject!: (e: unknown) => void;
  const stats = new Promise<GenerationStats>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  stats.catch(() => undefined);
  return {
    stats,
    async *[Symbol.asyncIterator]() {
      for (const c of chunks) {
        if (signal?.aborted) {
          reject(new LlmError('CANCELLED', 'aborted'));
          return;
        }
        yield c;
      }
      const completion = estimateTokens(text);
      resolve({
        promptTokens,
        completionTokens: completion,
        cachedPromptTokens: 0,
        timeToFirstTokenMs: 0,
        totalMs: 0,
        tokensPerSecond: 0,
        finishReason: 'stop',
      });
    },
  };
}

/**
 * A deterministic stand-in for a well-behaved small model: it does what the prompt's intent says
 * with the material the prompt gives (the facts, the claim, the examples), in the prompt's language,
 * with seeded variation in wording. It is a real LanguageModel: agents cannot tell it from another.
 */
export class ScriptedModel implements LanguageModel {
  readonly description = 'scripted:follows-the-prompt';
  calls = 0;

  generate(request: GenerateRequest): GenerationStream {
    this.calls++;
    const p = readPrompt(request);
    const rng = seeded((request.seed ?? 0) ^ hash(p.all));
    const one = <T>(xs: T[]): T | undefined => xs[Math.floor(rng() * xs.length)];
    const zh = p.language === 'zh';
    const example = one(p.examples.filter((e) => e.intent === p.intent))?.text;
    const fact = p.facts[0]?.replace(/^[^:：]{1,24}[:：]\s*/, '') ?? null;
    let text: string;
    switch (p.intent) {
      case 'cover':
        text = p.claim ?? example ?? (zh ? '我说过了。' : 'I told you already.');
        break;
      case 'withhold':
        text = example ?? (zh ? '这是我的私事，恕我不多说。' : "That's private, and I'd rather not say.");
        break;
      case 'ask':
        text =
          example ?? (zh ? '你当时在哪里？有人能证明吗？' : 'Where were you then? Can anyone confirm it?');
        break;
      case 'deflect':
        text = example ?? (zh ? '不是我，我们还是看线索吧。' : "It wasn't me; let's go back to the clues.");
        break;
      case 'accuse':
      case 'statement':
        text = fact
          ? zh
            ? `我怀疑${p.target ?? '有人'}。${fact}`
            : `I suspect ${p.target ?? 'someone'}. ${fact}`
          : (example ?? (zh ? '我还拿不准是谁。' : "I'm not sure who it is yet."));
        break;
      case 'intro':
        text = example ?? fact ?? (zh ? '大家好。' : 'Hello, everyone.');
        break;
      default:
        text = fact
          ? zh
            ? `我记得：${fact}`
            : `What I know: ${fact}`
          : (example ?? (zh ? '我不清楚。' : "I don't know."));
    }
    return textStream(text, estimateTokens(p.all), request.signal);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
