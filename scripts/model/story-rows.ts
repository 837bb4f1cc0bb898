/**
 * Evaluation rows from a hand-written story (not corpus rows): the prompts the agents send a model that writes
 * freely, collected from all-AI games of the story, with what a reply must keep.
 *
 *   npx tsx scripts/model/story-rows.ts --story tests/eval-stories/on-air --out /tmp/on-air-rows.jsonl [--seeds 1,2,3]
 *     [--context 1024]
 *   npx tsx scripts/model/evaluate.ts --model models/default --heldout /tmp/on-air-rows.jsonl --out …
 *
 * Each game is played in zh and en with a backend that gives no logits (as an OpenAI-compatible server), so
 * the agents take the free path: the prompt carries the plan's wording as a fact (or the cover claim), and the
 * row's reply is that wording. The backend answers with the plan's wording itself, so the games go on as the
 * realizer would play them; no model is needed to collect the rows. What a reply must keep (check.entities)
 * is every person, place and time of the plan's wording (of the claim, for a cover line); the seat's
 * must-not-reveal phrases come from its script. The evaluation story is never in any training corpus.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { stripCopyMarks } from '../../packages/agents/src/prompt/prompt.js';
import { runGame } from '../../packages/agents/src/playtest/run-game.js';
import { readPrompt, textStream } from '../../packages/agents/src/testing/scripted-model.js';
import type {
  GenerateRequest,
  GenerationStream,
  LanguageModel,
} from '../../packages/llm/src/language-model.js';
import { loadStory, type Story } from '../../packages/story/src/index.js';
import type { HeldOutRow } from './eval/row.js';

const { values } = parseArgs({
  options: {
    story: { type: 'string' },
    out: { type: 'string' },
    seeds: { type: 'string', default: '1' },
    // The context of the model to be evaluated: the agents size their prompts under it (the bundled model's).
    context: { type: 'string', default: '1024' },
  },
});
if (!values.story || !values.out) {
  console.error('usage: story-rows.ts --story <dir> --out <rows.jsonl> [--seeds 1,2]');
  process.exit(2);
}
const { story, diagnostics } = await loadStory(path.resolve(values.story));
if (!story) throw new Error(`the story does not load: ${diagnostics.map((d) => d.message).join('; ')}`);

/** The story's people and places as a reply may name them (full names and bracketed aliases), one language. */
function names(s: Story, lang: 'zh' | 'en'): string[] {
  const texts = [
    ...s.characters.map((c) => c.name[lang] ?? ''),
    ...s.locations.map((l) => l.name[lang] ?? ''),
  ];
  return [...new Set(texts.flatMap((t) => [t, ...t.split(/[（）()]/)]).map((t) => t.trim()))]
    .filter((t) => t.length >= 2)
    .sort((a, b) => b.length - a.length);
}

const TIME =
  /\d{1,2}[:：]\d{2}|[零一二三四五六七八九十两]{1,3}点(?:[零一二三四五六七八九十]{1,3}分|半|一刻|三刻)?/g;

/** Every name and time of a text, longest names first, a name inside a longer one found once. */
function entitiesOf(text: string, known: string[]): string[] {
  const found: string[] = [];
  let rest = text;
  for (const n of known)
    if (rest.includes(n)) {
      found.push(n);
      rest = rest.split(n).join(' ');
    }
  return [...found, ...(text.match(TIME) ?? [])];
}

const rows: HeldOutRow[] = [];

/** A backend with no logits that records each request as a row and answers with the plan's own wording. */
class Collecting implements LanguageModel {
  readonly description = 'collecting';
  readonly constrainsChoices = false;
  readonly contextTokens = Number(values.context);
  constructor(
    private readonly seat: string,
    private readonly lang: 'zh' | 'en',
    private readonly tag: string,
  ) {}
  generate(request: GenerateRequest): GenerationStream {
    const read = readPrompt(request);
    const claim = read.claim ? stripCopyMarks(read.claim).trim() : null;
    const plan = read.facts.map((f) => stripCopyMarks(f).trim()).join(' ');
    const reply = read.intent === 'cover' ? (claim ?? '') : plan;
    const me = story?.characters.find((c) => c.id === this.seat);
    if (reply && request.messages && me && story)
      rows.push({
        id: `${this.tag}-${rows.length}`,
        split: 'story',
        lang: this.lang,
        intent: read.intent === 'cover' ? 'cover' : 'fact',
        messages: request.messages,
        reply,
        check: {
          entities: entitiesOf(reply, names(story, this.lang)),
          mustNotReveal: me.secrets.flatMap((s) => [
            ...(s.mustNotReveal.zh ?? []),
            ...(s.mustNotReveal.en ?? []),
          ]),
          claim,
        },
      });
    return textStream(reply, 0);
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

for (const seed of values.seeds.split(',').map(Number))
  for (const language of ['zh', 'en'] as const)
    await runGame(story, {
      seed,
      language,
      modelFor: (seat) => new Collecting(seat, language, `${story.id}-${seed}-${language}`),
    });
await writeFile(values.out, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
const by = (lang: string) => rows.filter((r) => r.lang === lang).length;
console.log(`${rows.length} rows (zh ${by('zh')}, en ${by('en')}) → ${values.out}`);
