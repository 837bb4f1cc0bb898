import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createLanguageModel, resolveLlmConfig, type LanguageModel, type LlmSettings } from '@jubensha/llm';
import { loadStory } from '@jubensha/story';
import { ScriptedModel } from '../testing/scripted-model.js';
import { runPlaytest } from './playtest.js';
import { htmlReport, markdownReport, summaryLines } from './report.js';

export const PLAYTEST_USAGE = `usage:
  jubensha playtest <story dir> [--runs N] [--seed S] [--lang zh|en] [--model M] [--out dir] [--blind-clues] [--no-talk]
    plays N whole games with every seat AI and writes report.md, report.json, report.html and transcript.jsonl
    --blind-clues  agents never read the author's clue readings (pointsTo, contradicts): clue texts and talk only
    --no-talk      nobody speaks: agents search, publish and vote
    --model  env (default: JUBENSHA_LLM and friends; the bundled models/default when unset) | none (authored lines only)
             | scripted (the deterministic test model) | onnx:<model dir> | openai:<model>@<base url>`;

export interface PlaytestIo {
  out(line: string): void;
  err(line: string): void;
  /** Progress drawing (a terminal's stderr); may ignore it. */
  progress(text: string): void;
}

export const processPlaytestIo: PlaytestIo = {
  out: (l) => process.stdout.write(`${l}\n`),
  err: (l) => process.stderr.write(`${l}\n`),
  progress: (t) => {
    if (process.stderr.isTTY) process.stderr.write(`\r${t}`);
  },
};

export function progressBar(done: number, total: number, width = 30): string {
  const full = total === 0 ? width : Math.round((done / total) * width);
  return `[${'#'.repeat(full)}${'-'.repeat(width - full)}] ${done}/${total}`;
}

async function modelFrom(spec: string): Promise<LanguageModel | null> {
  if (spec === 'none') return null;
  if (spec === 'scripted') return new ScriptedModel();
  let settings: LlmSettings = {};
  if (spec.startsWith('onnx:')) settings = { backend: 'onnx', modelDir: spec.slice(5) };
  else if (spec.startsWith('openai:')) {
    const [model, baseUrl] = spec.slice(7).split('@');
    settings = { backend: 'openai', ...(model ? { model } : {}), ...(baseUrl ? { baseUrl } : {}) };
  } else if (spec !== 'env') throw new Error(`unknown --model ${spec}`);
  return createLanguageModel(resolveLlmConfig(process.env, settings));
}

/** `jubensha playtest …`: returns the exit code (2: bad usage, 1: the story does not load). */
export async function playtestCommand(argv: string[], io: PlaytestIo = processPlaytestIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        runs: { type: 'string', default: '5' },
        seed: { type: 'string', default: '1' },
        lang: { type: 'string' },
        model: { type: 'string', default: 'env' },
        out: { type: 'string' },
        'blind-clues': { type: 'boolean' },
        'no-talk': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    io.err(`${(e as Error).message}\n${PLAYTEST_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(PLAYTEST_USAGE);
    return 0;
  }
  const runs = Number(values.runs);
  const seed = Number(values.seed);
  const dir = positionals[0];
  if (!dir || !Number.isInteger(runs) || runs < 1 || runs > 1000 || !Number.isInteger(seed)) {
    io.err(`a story folder, --runs 1..1000 and an integer --seed are needed\n${PLAYTEST_USAGE}`);
    return 2;
  }
  const { story, diagnostics } = await loadStory(path.resolve(dir));
  if (!story) {
    for (const d of diagnostics.filter((x) => x.severity === 'error').slice(0, 10))
      io.err(`${d.code} ${d.message}`);
    return 1;
  }
  const language = values.lang ?? story.languages[0] ?? 'zh';
  if (language !== 'zh' && language !== 'en') {
    io.err(`--lang is zh or en\n${PLAYTEST_USAGE}`);
    return 2;
  }
  let model: LanguageModel | null;
  try {
    model = await modelFrom(values.model);
  } catch (e) {
    io.err(`${(e as Error).message}\n${PLAYTEST_USAGE}`);
    return 2;
  }
  try {
    const report = await runPlaytest(story, {
      runs,
      seed,
      language,
      model,
      ...(values['blind-clues'] ? { blindClues: true } : {}),
      ...(values['no-talk'] ? { noTalk: true } : {}),
      onProgress: (done, total) => io.progress(progressBar(done, total) + (done === total ? '\n' : '')),
    });
    const out = path.resolve(values.out ?? `playtest-${story.id}`);
    await mkdir(out, { recursive: true });
    const { transcript, ...rest } = report;
    await writeFile(path.join(out, 'report.json'), JSON.stringify(rest, null, 2));
    await writeFile(
      path.join(out, 'transcript.jsonl'),
      transcript.map((l) => JSON.stringify(l)).join('\n') + '\n',
    );
    await writeFile(path.join(out, 'report.md'), markdownReport(report));
    await writeFile(path.join(out, 'report.html'), htmlReport(report));
    for (const l of summaryLines(report)) io.out(l);
    io.out(`report: ${path.join(out, 'report.html')} (also report.md, report.json, transcript.jsonl)`);
    return 0;
  } finally {
    await model?.close();
  }
}
