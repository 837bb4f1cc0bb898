/**
 * Evaluates a model folder on held-out corpus rows the way the agents use it (issue 8): grounding, intent
 * followed, must-not-reveal leaks before any guard, reply language, perplexity of the corpus replies, speed.
 * The rules are in eval/metrics.ts and README.md ("Evaluation").
 *
 *   npx tsx scripts/model/evaluate.ts --model <dir> --heldout <rows.jsonl> [--limit N] [--out <json>]
 */
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { stripCopyMarks } from '@jubensha/agents';
import { createLanguageModel, resolveLlmConfig, type GenerationStats } from '@jubensha/llm';
import { scoreRow } from './eval/metrics.js';
import { perplexity } from './eval/nll.js';
import {
  median,
  metricsTable,
  pickSamples,
  speedLines,
  targetLines,
  type SpeedSummary,
} from './eval/report.js';
import { ReplyScorer } from './eval/reply-scorer.js';
import { readRows, type HeldOutRow } from './eval/row.js';
import { meets, summarizeGroups, TARGETS, type Metric, type Scored } from './eval/summary.js';

const { values } = parseArgs({
  options: {
    model: { type: 'string' },
    heldout: { type: 'string' },
    limit: { type: 'string' },
    out: { type: 'string' },
  },
});
const limit = values.limit === undefined ? undefined : Number(values.limit);
if (!values.model || !values.heldout || (limit !== undefined && !(Number.isInteger(limit) && limit > 0))) {
  console.error('usage: evaluate.ts --model <dir> --heldout <rows.jsonl> [--limit N] [--out <json>]');
  process.exit(2);
}
const modelDir = values.model;
const rows = await readRows(values.heldout, limit);

// The agents' request (packages/agents/src/character/speak.ts), first attempt: greedy, 120 tokens, the same stops.
const model = await createLanguageModel(
  resolveLlmConfig({ JUBENSHA_LLM: 'onnx', JUBENSHA_MODEL_DIR: modelDir }),
);
if (!model) throw new Error('no model');
const loadStart = os.loadavg();
const scored: Scored[] = [];
const stats: GenerationStats[] = [];
const started = performance.now();
for (const [i, row] of rows.entries()) {
  const stream = model.generate({
    messages: row.messages,
    maxTokens: 120,
    temperature: 0,
    stop: ['\n[', '<<'],
    // The agents key the cache by seat and act, i.e. by system message: the same key here.
    prefixCacheKey: createHash('sha256')
      .update(row.messages.find((m) => m.role === 'system')?.content ?? '')
      .digest('hex')
      .slice(0, 16),
  });
  let reply = '';
  for await (const chunk of stream) reply += chunk;
  // As the agents do (speak.ts): the copy marks never reach the table.
  reply = stripCopyMarks(reply);
  stats.push(await stream.stats);
  scored.push({ row, reply, score: scoreRow(row, reply) });
  if (process.stderr.isTTY) process.stderr.write(`\rgenerating ${i + 1}/${rows.length}`);
}
const generationSeconds = (performance.now() - started) / 1000;
const loadEnd = os.loadavg();
await model.close();
if (process.stderr.isTTY) process.stderr.write('\n');

// Perplexity after generation, so the two never compete for the cores.
const scorer = await ReplyScorer.load(modelDir);
const nlls: { row: HeldOutRow; nll: number; tokens: number }[] = [];
let tooLong = 0;
for (const row of rows) {
  const s = await scorer.score(row);
  if (s) nlls.push({ row, ...s });
  else tooLong++;
}
await scorer.close();
const ppl = {
  all: perplexity(nlls),
  zh: perplexity(nlls.filter((n) => n.row.lang === 'zh')),
  en: perplexity(nlls.filter((n) => n.row.lang === 'en')),
  replyTokens: nlls.reduce((n, x) => n + x.tokens, 0),
  skippedTooLong: tooLong,
};

const groups = summarizeGroups(scored);
const all = groups['all'];
if (!all) throw new Error('no rows');
const speed: SpeedSummary = {
  decodeTokensPerSecond: median(stats.filter((s) => s.completionTokens >= 2).map((s) => s.tokensPerSecond)),
  timeToFirstTokenMs: median(stats.map((s) => s.timeToFirstTokenMs)),
  promptTokens: median(stats.map((s) => s.promptTokens)),
  cachedPromptShare:
    stats.reduce((n, s) => n + s.promptTokens, 0) === 0
      ? null
      : stats.reduce((n, s) => n + s.cachedPromptTokens, 0) / stats.reduce((n, s) => n + s.promptTokens, 0),
  cores: os.cpus().length,
  loadAverage: { start: loadStart, end: loadEnd },
};
const samples = pickSamples(scored, 4);
const verdicts = Object.fromEntries((Object.keys(TARGETS) as Metric[]).map((m) => [m, meets(all, m)]));

const fmt = (v: number | null) => (v === null ? '-' : v.toFixed(2));
console.log(`model ${modelDir} (${model.description}); ${rows.length} held-out rows from ${values.heldout}`);
console.log('');
for (const line of metricsTable(groups)) console.log(line);
console.log('');
for (const line of targetLines(all)) console.log(line);
console.log('');
console.log(
  `perplexity of the corpus replies ${fmt(ppl.all)} (zh ${fmt(ppl.zh)}, en ${fmt(ppl.en)}; ${ppl.replyTokens} reply tokens` +
    `${tooLong ? `, ${tooLong} rows longer than the context skipped` : ''})`,
);
for (const line of speedLines(speed)) console.log(line);
console.log(`${generationSeconds.toFixed(1)} s for ${rows.length} generations`);
console.log('');
console.log('samples:');
for (const s of samples) console.log(`[${s.lang}] ${s.intent}\n  ${s.asked}\n  → ${s.reply || '(empty)'}`);

if (values.out) {
  const report = {
    model: modelDir,
    description: model.description,
    heldout: values.heldout,
    rows: rows.length,
    at: new Date().toISOString(),
    targets: TARGETS,
    verdicts,
    groups,
    perplexity: ppl,
    speed: { ...speed, generationSeconds },
    samples,
    replies: scored.map((s) => ({
      id: s.row.id,
      lang: s.row.lang,
      intent: s.row.intent,
      reply: s.reply,
      ...s.score,
    })),
  };
  await writeFile(values.out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nwrote ${values.out}`);
}
