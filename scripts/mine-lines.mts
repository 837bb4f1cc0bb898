/**
 * Mines model candidates from all-AI games for the well-formedness fixtures (issue 14.1).
 *
 *   npx tsx scripts/mine-lines.mts <story dir> <zh|en> <seed> [model spec] >> candidates.jsonl
 *
 * Each line printed is one model candidate: {text, language, story, seat, act, source, why}, where why is
 * 'accepted' for a line that reached the table, the rejection reason from `Spoken.rejected`, or 'unknown'
 * when the candidate's speech never reached the table (its plan was worded again without the model).
 */
import { basename } from 'node:path';
import {
  createLanguageModel,
  resolveLlmConfig,
  type GenerateRequest,
  type LanguageModel,
} from '@jubensha/llm';
import { loadStory } from '@jubensha/story';
import { CharacterAgent } from '../packages/agents/src/character/agent.js';
import { runGame } from '../packages/agents/src/playtest/run-game.js';
import { stripCopyMarks } from '../packages/agents/src/prompt/prompt.js';

const [dir, lang, seedArg, spec] = process.argv.slice(2);
if (!dir || (lang !== 'zh' && lang !== 'en'))
  throw new Error('usage: mine-lines.mts <story dir> <zh|en> [seed]');
const story = basename(dir);
const { story: loaded } = await loadStory(dir);
if (!loaded) throw new Error(`story ${dir} does not load`);

const modelDir = (spec ?? 'onnx:models/default').replace(/^onnx:/, '');
const base = await createLanguageModel(resolveLlmConfig(process.env, { backend: 'onnx', modelDir }));

/** Model candidates per seat since its last accepted line. */
const pending = new Map<string, string[]>();
const emit = (o: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(o)}\n`);

const orig = CharacterAgent.prototype.accepted;
CharacterAgent.prototype.accepted = function (view, action, at) {
  const s = action.speech;
  const mine = pending.get(this.seat) ?? [];
  pending.set(this.seat, []);
  for (const text of mine) {
    const why =
      s && s.source === 'model' && s.text === text
        ? 'accepted'
        : (s?.rejected.find((r) => r.text === text)?.why ?? 'unknown');
    emit({
      text,
      language: lang,
      story,
      seat: this.seat,
      act: s?.act ?? null,
      source: s?.source ?? null,
      why,
    });
  }
  return orig.call(this, view, action, at);
};

const wrap = (seat: string): LanguageModel => ({
  description: base.description,
  ...(base.contextTokens !== undefined ? { contextTokens: base.contextTokens } : {}),
  close: () => Promise.resolve(),
  generate(request: GenerateRequest) {
    const stream = base.generate(request);
    let text = '';
    return {
      stats: stream.stats,
      async *[Symbol.asyncIterator]() {
        for await (const chunk of stream) {
          text += chunk;
          yield chunk;
        }
        const list = pending.get(seat) ?? [];
        list.push(stripCopyMarks(text).trim());
        pending.set(seat, list);
      },
    };
  },
});

await runGame(loaded, { seed: Number(seedArg ?? 1), language: lang, modelFor: (seat) => wrap(seat) });
for (const [seat, list] of pending)
  for (const text of list)
    emit({ text, language: lang, story, seat, act: null, source: null, why: 'unknown' });
await base.close();
