import type { ChatMessage, GenerateRequest, LanguageModel } from '@jubensha/llm';
import type { View } from '@jubensha/protocol';
import type { Board } from '../board/board.js';
import { checkReply, type GuardFailure } from '../guard/guard.js';
import { malformation } from '../guard/well-formed.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import type { Plan } from '../policy/plan.js';
import { buildPrompt, stripCopyMarks } from '../prompt/prompt.js';
import type { Language } from '../text/language.js';
import { pick } from '../text/localized.js';
import { parseTimes } from '../understand/times.js';
import { authoredFor, GENERIC } from './lines.js';
import type { SpeechSource } from './memory.js';
import { callNames } from './names.js';

export interface SpeakOptions {
  model: LanguageModel | null;
  view: View;
  board: Board;
  knowledge: Knowledge;
  language: Language;
  plan: Plan;
  /** The plan worded by the realizer: what the model must keep, and the line when it cannot. */
  template: string;
  /**
   * Other wordings of the same plan by the realizer (the template among them). A model that decodes inside
   * choices (`constrainsChoices`) picks one of those that pass every check, so its line cannot garble.
   */
  variants?: string[];
  speech: { from: string; text: string } | null;
  /** Lines this seat said before (an authored line is said once). */
  said: Set<string>;
  budget?: number;
  maxTokens?: number;
  seed?: number;
  roomKey?: string;
  /** A person at the table waits for this line (it answers a human): the model serves it first. */
  urgent?: boolean;
  signal?: AbortSignal;
  /** Sees every prompt built (the gating test reads them). */
  onPrompt?: (messages: ChatMessage[]) => void;
  /**
   * Sees the line while the model writes it, once no check can reject it any more: each piece continues the
   * ones before, and together they begin the returned text (a choice's tokens as decoded; a free reply by
   * whole checked sentences). Authored and realized lines are not handed here: they are whole at once.
   */
  live?: (piece: string) => void;
}

export interface Spoken {
  text: string;
  source: SpeechSource;
  /** Every check failure on the way, model replies and other candidates alike. */
  failures: GuardFailure[];
  tokens: { prompt: number; completion: number };
  /** Model time for this line, ms (0 without a model). */
  modelMs: number;
  /** Candidates that did not pass, and why (for diagnosis; never shown to players). */
  rejected: { text: string; why: string }[];
  /** With choices: how many there were, and whether the model took the seat's own wording (the first). */
  choice?: { of: number; own: boolean };
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

/** A line with the story's names, places, clue words and times blanked out: what is left is its own wording. */
function maskStory(text: string, board: Board): string {
  const spans = [
    ...board.lexicon.find(text).map((m) => [m.index, m.index + m.text.length] as const),
    ...parseTimes(text, board.lexicon.frame).map((t) => [t.index, t.index + t.text.length] as const),
  ];
  let out = text;
  for (const [a, b] of spans.sort((x, y) => y[0] - x[0])) out = `${out.slice(0, a)}qq${out.slice(b)}`;
  return out;
}

/** Whether a model's reply keeps what the plan says: every story name, place, clue and time of the template, a question as a question. */
function keepsPlan(reply: string, template: string, board: Board): boolean {
  const ids = (t: string) => new Set(board.lexicon.find(t).map((m) => `${m.kind}:${m.id}`));
  const want = ids(template);
  const got = ids(reply);
  for (const id of want) if (!got.has(id)) return false;
  const times = (t: string) => parseTimes(t, board.lexicon.frame).map((m) => `${m.span.from}-${m.span.to}`);
  const replyTimes = new Set(times(reply));
  if (times(template).some((t) => !replyTimes.has(t))) return false;
  if (/[?？]\s*$/.test(template) && !/[?？]/.test(reply)) return false;
  return reply.length >= template.length * 0.5;
}

const FUNCTION_WORDS = new Set(
  "a an the and or but of to in on at for by with from as is are was were be been am i you he she it we they me him her us them my your his its our their this that these those do did does what who whom which when where why how not no yes so if then than there here have has had will would can could should may might must just about into over out up down all any some one too very well oh ah look let let's i'm i'd i'll i've you're don't didn't wasn't isn't it's that's there's".split(
    ' ',
  ),
);

/** A verdict or a vote belongs to the statement: a model that writes one into another move has lost the plan. */
const VERDICT = /我的结论是|我投|my verdict|i vote/i;

/**
 * The first word of a model's line that is in neither its prompt nor the plan's wording (Chinese: a pair of
 * characters side by side; English: a word, common function words aside), or a verdict where the plan has none:
 * a small model that strays from what it was given writes words of its own ("理们投何小燕的行什么").
 */
export function strayWording(reply: string, given: string, template: string): string | null {
  if (VERDICT.test(reply) && !VERDICT.test(template)) return reply.match(VERDICT)?.[0] ?? null;
  const allowed = `${given}\n${template}`;
  for (const run of reply.match(/[\u3400-\u9fff]+/g) ?? [])
    for (let i = 0; i + 1 < run.length; i++) {
      const pair = run.slice(i, i + 2);
      if (!allowed.includes(pair)) return pair;
    }
  const words = new Set((allowed.toLowerCase().match(/[a-z]+(?:'[a-z]+)?/g) ?? []).map((w) => w));
  for (const w of reply.toLowerCase().match(/[a-z]+(?:'[a-z]+)?/g) ?? [])
    if (!words.has(w) && !FUNCTION_WORDS.has(w)) return w;
  return null;
}

/**
 * Where the last closed sentence of a growing reply ends: after its stop (and any closing quote) with more
 * text already written behind it, so the sentence can no longer grow; 0 when none is closed yet. An English
 * full stop counts only before a space ("3.5", "Mr.Li" are not ends).
 */
export function closedSentences(text: string): number {
  let end = 0;
  for (const m of text.matchAll(/[。！？!?…]+[”’"」』)）]*|\.+[”’")]*(?=\s)/g)) {
    const after = (m.index ?? 0) + m[0].length;
    if (after < text.length) end = after;
  }
  return end;
}

/**
 * One line of speech for a plan: an authored line of the character's where one fits the plan (its
 * introduction, a question to the same person), else the model's wording if it passes the guard, is
 * well-formed and keeps every span of the plan, else the realizer's template, else a generic line. Nothing
 * reaches the caller unguarded, so streaming to the table starts only after the guard.
 */
export async function speak(o: SpeakOptions): Promise<Spoken> {
  const failures: GuardFailure[] = [];
  const tokens = { prompt: 0, completion: 0 };
  const names = storyNames(o.view);
  const grounding = [
    o.knowledge.corpus,
    ...(o.view.me?.character.lines ?? []).map((l) => pick(l.text, o.language)),
    o.speech?.text ?? '',
    ...names,
  ].join('\n');
  const guard = {
    phrases: o.knowledge.phrases,
    secretRuns: o.knowledge.secretRuns,
    language: o.language,
    grounding,
  };
  const formed = {
    language: o.language,
    selfNames: callNames(o.view, o.board.seat),
    introduction: o.plan.act === 'intro',
  };
  const rejected: Spoken['rejected'] = [];
  // Secret text is looked for in a line's own wording: the story's names, places and times are public, and a
  // secret's run of them ("我在一号化妆间") is no secret.
  const passes = (
    text: string,
    extra: Partial<Parameters<typeof checkReply>[1]> = {},
    form = true,
    // A wording offered to the model and failed is not a line that failed: it is only left out.
    record = true,
  ) => {
    const fail = (failure: GuardFailure, why: string) => {
      if (!record) return false;
      failures.push(failure);
      rejected.push({ text, why });
      return false;
    };
    const verdict = checkReply(text, { ...guard, secretRuns: new Set(), ...extra });
    if (!verdict.ok) return fail(verdict.failure, `${verdict.failure}: ${verdict.detail}`);
    // Every reading of the rest (decoded, reversed, pinyin) against the secret runs, as the guard reads.
    const masked = maskStory(text, o.board);
    const runs = checkReply(masked, {
      phrases: [],
      secretRuns: o.knowledge.secretRuns,
      language: o.language,
      grounding: masked,
    });
    if (!runs.ok && runs.failure === 'secret') return fail('secret', 'secret: secret text');
    const bad = form ? malformation(text, formed) : null;
    if (bad) return fail('format', `${bad.kind}: ${bad.detail}`);
    return true;
  };
  // The realizer's line is made of the board's own spans: its times are grounded by construction, and its
  // story names and times are public, so secret text is looked for in the rest (a script sentence it quotes).
  // A run the template repeats because the story's own text does ('16:30 turned four baskets', '19:30 turned
  // four baskets') is the author's, not a loop.
  const authorsRepeat = (t: string) => {
    const bad = malformation(t, formed);
    return bad?.kind === 'repeat' && o.knowledge.corpus.includes(bad.detail);
  };
  const realizedPasses = (t: string, record = true) =>
    passes(t, { grounding: `${grounding}\n${t}` }, !authorsRepeat(t), record);
  let modelMs = 0;

  const authored = authoredFor(o.view, o.plan, o.speech?.text ?? null, o.language, o.said);
  if (authored && passes(authored))
    return { text: authored, source: 'authored', failures, tokens, modelMs, rejected };

  // The prompt both paths build: the table (who speaks, to whom, what was said, the cover claim) and the facts.
  const prompt = (facts: Parameters<typeof buildPrompt>[0]['choice']['facts']) => {
    const messages = buildPrompt({
      view: o.view,
      language: o.language,
      choice: {
        intent: o.plan.intent === 'cover' ? 'cover' : 'fact',
        facts,
        claim:
          o.plan.intent === 'cover' && o.plan.claim ? { id: o.plan.claim.id, text: o.plan.claim.text } : null,
        target: o.plan.to,
      },
      speech: o.speech,
      budget: o.budget ?? 1200,
    });
    o.onPrompt?.(messages);
    return messages;
  };
  // One generation, its tokens and model time counted; `onChunk` returning false ends it early.
  const generate = async (
    model: LanguageModel,
    request: GenerateRequest,
    onChunk?: (chunk: string) => boolean,
  ): Promise<string> => {
    const stream = model.generate({
      ...request,
      temperature: 0,
      seed: o.seed ?? 0,
      prefixCacheKey: `${o.view.me?.seat ?? ''}:${o.view.progress.act}`,
      ...(o.roomKey ? { roomKey: o.roomKey } : {}),
      ...(o.urgent ? { urgent: true } : {}),
      ...(o.signal ? { signal: o.signal } : {}),
    });
    let text = '';
    let ended = false;
    for await (const chunk of stream) {
      text += chunk;
      if (onChunk && !onChunk(chunk)) {
        ended = true;
        break;
      }
    }
    if (ended) {
      // Ended on purpose: the cancelled run may settle its stats later, or never; they are not waited for.
      stream.stats.catch(() => undefined);
      return text;
    }
    const stats = await stream.stats;
    tokens.prompt += stats.promptTokens;
    tokens.completion += stats.completionTokens;
    modelMs += stats.totalMs;
    return text;
  };

  // A wording this seat has said before is no choice: when every list ran out the realizer repeats itself.
  const choices = o.model?.constrainsChoices
    ? [...new Set([o.template, ...(o.variants ?? [])])].filter(
        (v) => v && !o.said.has(v) && realizedPasses(v, false),
      )
    : [];
  if (o.model && choices.length >= 2) {
    // The plan's content is in every choice; the prompt leaves the wording to the model.
    // Every choice passed every check, so the tokens can reach the table as they come.
    let shown = '';
    const live = o.live;
    // A backend that strays from the choices (a fault) shows nothing past them.
    const show = live
      ? (piece: string) => {
          if (!choices.some((c) => c.startsWith(shown + piece))) return true;
          shown += piece;
          live(piece);
          return true;
        }
      : undefined;
    const chosen = (text: string): Spoken => ({
      text,
      source: 'model',
      failures,
      tokens,
      modelMs,
      rejected,
      choice: { of: choices.length, own: text === choices[0] },
    });
    try {
      const text = await generate(o.model, { messages: prompt([]), choices }, show);
      // Constrained decoding writes a choice exactly; anything else is a backend fault, and the template speaks.
      if (choices.includes(text)) return chosen(text);
      failures.push('format');
      rejected.push({ text, why: 'not one of the choices' });
    } catch (error) {
      if (o.signal?.aborted) throw error;
      failures.push('error');
    }
    // Cut off after the table saw its start: the choice it began ends it, as nothing shown is taken back.
    const begun = shown ? choices.find((c) => c.startsWith(shown)) : undefined;
    if (begun) return chosen(begun);
  } else if (o.model && !o.model.constrainsChoices) {
    const messages = prompt(
      o.plan.intent === 'cover'
        ? []
        : [{ id: 'plan', kind: 'script', text: o.template, secret: null, ref: null }],
    );
    const given = { names, text: messages.map((m) => m.content).join('\n') };
    // A lie is told in its own words every time: a model's retelling would be a second story.
    const claim = o.plan.intent === 'cover' ? (o.plan.claim?.text ?? '').replace(/[。.!！]+$/, '') : '';
    const extra = { given, grounding: `${grounding}\n${given.text}` };
    // A reply, or the part of it written so far: it fails a check (said why when `record`), it does not keep
    // the plan (yet), or it may be said.
    const judge = (text: string, record: boolean): 'fails' | 'short' | 'ok' => {
      if (!passes(text, extra, true, record)) return 'fails';
      if (!keepsPlan(text, o.template, o.board) || (claim && !text.includes(claim))) return 'short';
      const stray = strayWording(text, given.text, o.template);
      if (stray === null) return 'ok';
      if (record) {
        failures.push('format');
        rejected.push({ text, why: `wording: ${stray}` });
      }
      return 'fails';
    };
    // A closed run of sentences goes to the table once it may be said; one that fails after it ends the line.
    let raw = '';
    let shown = '';
    let cut = false;
    const live = o.live;
    const onChunk = live
      ? (chunk: string): boolean => {
          raw += chunk;
          const text = stripCopyMarks(raw).trimStart();
          const end = closedSentences(text);
          if (end <= shown.length) return true;
          const prefix = text.slice(0, end);
          const verdict = judge(prefix, shown !== '');
          // Nothing shown yet: the whole reply is judged when it is done, as without a live table.
          if (verdict === 'fails' && shown !== '') cut = true;
          if (verdict !== 'ok') return !cut;
          live(prefix.slice(shown.length));
          shown = prefix;
          return true;
        }
      : undefined;
    const said = (text: string): Spoken => ({ text, source: 'model', failures, tokens, modelMs, rejected });
    try {
      let text = await generate(
        o.model,
        { messages, maxTokens: o.maxTokens ?? 160, stop: ['\n[', '<<'] },
        onChunk,
      );
      text = stripCopyMarks(text).trim();
      if (cut) return said(shown);
      // What the prompt gave the model (the plan's own wording among it) is grounded for it.
      const verdict = judge(text, true);
      if (verdict === 'ok') return said(text);
      if (verdict === 'short') {
        failures.push('grounding');
        rejected.push({ text, why: 'does not keep the plan' });
      }
    } catch (error) {
      // A model that fails (too long a prompt, a dead server, a cancelled run) costs the model's wording only.
      if (o.signal?.aborted) throw error;
      failures.push('error');
    }
    // The sentences the table already saw passed every check: the line ends with them.
    if (shown) return said(shown);
  }
  // The one fresh wording, where the seat's own would say a line again.
  const template = choices.length === 1 && o.said.has(o.template) ? (choices[0] ?? o.template) : o.template;
  if (template && realizedPasses(template))
    return { text: template, source: 'template', failures, tokens, modelMs, rejected };
  return { text: GENERIC[o.plan.intent][o.language], source: 'generic', failures, tokens, modelMs, rejected };
}
