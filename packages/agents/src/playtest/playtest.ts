import type { LanguageModel } from '@jubensha/llm';
import type { Story } from '@jubensha/story';
import type { GuardFailure } from '../guard/guard.js';
import type { Language } from '../text/language.js';
import { runGame, type GameResult, type TranscriptLine } from './run-game.js';
import { talkMetrics, type TalkMetrics } from './talk-metrics.js';

export interface PlaytestOptions {
  runs: number;
  seed: number;
  language: Language;
  model: LanguageModel | null;
  onProgress?: (done: number, total: number) => void;
  /** Agents read clue texts only, never the author's readings. */
  blindClues?: boolean;
  /** Nobody speaks. */
  noTalk?: boolean;
}

/** What the author reads: how the games went, summed over the runs. */
export interface PlaytestReport {
  story: { id: string; title: string };
  model: string;
  language: Language;
  runs: number;
  seed: number;
  endings: Record<string, number>;
  /** Mean clues found per search phase, in plan order. */
  cluesPerRound: { phase: number; act: number; round: number; mean: number }[];
  routes: Record<string, number>;
  /** Votes per character over all runs. */
  votes: Record<string, number>;
  /** Share of innocent seats' votes that went to a culprit. */
  voteAccuracy: number;
  culpritSelfVotes: number;
  /** Cover claims told over all runs. */
  lies: number;
  guard: {
    lines: number;
    checked: number;
    failures: Partial<Record<GuardFailure, number>>;
    fallbacks: number;
  };
  /** Mean simulated minutes per phase, in plan order. */
  phaseMinutes: { phase: number; kind: string; minutes: number }[];
  tokens: { prompt: number; completion: number };
  /** Wall-clock milliseconds per AI line, model time included (a measurement of this machine). */
  msPerLine: number;
  /** AI lines by where their wording came from, over all runs. */
  sources: Record<TranscriptLine['source'], number>;
  /** Model time of the lines the model worded: median and 90th percentile, ms. */
  modelMsPerLine: { median: number; p90: number; lines: number };
  /** Lines the model chose among wordings, the mean number offered, and how many times it took the seat's own. */
  choices: { lines: number; own: number; meanOffered: number };
  /** Ablations the games ran with. */
  ablations: { blindClues: boolean; noTalk: boolean };
  /** What a player meets at the table: answers, repeats, case content, lies, what the vote followed. */
  talk: TalkMetrics;
  games: Omit<GameResult, 'final' | 'narration' | 'transcript'>[];
  /** The first game's table talk and host narration, to read. */
  sample: { transcript: GameResult['transcript']; narration: GameResult['narration'] };
  /** Every utterance of every game (written to transcript.jsonl, not to report.json). */
  transcript: TranscriptLine[];
}

/** Plays `runs` all-AI games with seeds seed, seed+1, … and sums them up. */
export async function runPlaytest(story: Story, o: PlaytestOptions): Promise<PlaytestReport> {
  const games: GameResult[] = [];
  const started = performance.now();
  o.onProgress?.(0, o.runs);
  for (let i = 0; i < o.runs; i++) {
    games.push(
      await runGame(story, {
        seed: o.seed + i,
        language: o.language,
        modelFor: () => o.model,
        game: i + 1,
        ...(o.blindClues ? { blindClues: true } : {}),
        ...(o.noTalk ? { noTalk: true } : {}),
      }),
    );
    o.onProgress?.(i + 1, o.runs);
  }
  const elapsed = performance.now() - started;
  const count = <T extends string>(xs: T[]) =>
    xs.reduce<Record<string, number>>((m, x) => ((m[x] = (m[x] ?? 0) + 1), m), {});
  let innocent = 0;
  let right = 0;
  let selfVotes = 0;
  for (const g of games)
    for (const [voter, choice] of Object.entries(g.votes)) {
      if (story.culprits.includes(voter)) {
        if (voter === choice) selfVotes++;
        continue;
      }
      innocent++;
      if (story.culprits.includes(choice)) right++;
    }
  const failures: Partial<Record<GuardFailure, number>> = {};
  for (const g of games)
    for (const [k, v] of Object.entries(g.guard.failures))
      failures[k as GuardFailure] = (failures[k as GuardFailure] ?? 0) + v;
  const lines = games.reduce((n, g) => n + g.lines, 0);
  const first = games[0];
  return {
    story: { id: story.id, title: (o.language === 'zh' ? story.title.zh : story.title.en) ?? story.id },
    model: o.model?.description ?? 'none (authored lines only)',
    language: o.language,
    runs: o.runs,
    seed: o.seed,
    endings: count(games.map((g) => g.ending ?? 'none')),
    cluesPerRound: (first?.cluesPerRound ?? []).map((r, i) => ({
      phase: r.phase,
      act: r.act,
      round: r.round,
      mean: games.reduce((n, g) => n + (g.cluesPerRound[i]?.found ?? 0), 0) / games.length,
    })),
    routes: Object.fromEntries(
      story.evidenceRoutes.map((r) => [
        r.id,
        games.filter((g) => g.routes.find((x) => x.id === r.id)?.completed).length,
      ]),
    ),
    votes: count(games.flatMap((g) => Object.values(g.votes))),
    voteAccuracy: innocent === 0 ? 0 : right / innocent,
    culpritSelfVotes: selfVotes,
    lies: games.reduce((n, g) => n + g.lies, 0),
    guard: {
      lines,
      checked: games.reduce((n, g) => n + g.guard.checked, 0),
      failures,
      fallbacks: games.reduce((n, g) => n + g.guard.fallbacks, 0),
    },
    phaseMinutes: story.phases.map((p, i) => ({
      phase: i,
      kind: p.kind,
      minutes: games.reduce((n, g) => n + (g.phaseMs[i]?.ms ?? 0), 0) / games.length / 60_000,
    })),
    tokens: games.reduce(
      (t, g) => ({ prompt: t.prompt + g.tokens.prompt, completion: t.completion + g.tokens.completion }),
      { prompt: 0, completion: 0 },
    ),
    msPerLine: lines === 0 ? 0 : elapsed / lines,
    sources: sourcesOf(games),
    modelMsPerLine: quantiles(games.flatMap((g) => g.modelMs)),
    choices: choicesOf(games),
    ablations: { blindClues: o.blindClues ?? false, noTalk: o.noTalk ?? false },
    talk: talkMetrics(story, o.language, games),
    games: games.map(({ final: _f, narration: _n, transcript: _t, ...rest }) => rest),
    sample: { transcript: first?.transcript ?? [], narration: first?.narration ?? [] },
    transcript: games.flatMap((g) => g.transcript),
  };
}

function sourcesOf(games: GameResult[]): PlaytestReport['sources'] {
  const out: PlaytestReport['sources'] = { model: 0, template: 0, authored: 0, generic: 0 };
  for (const g of games) for (const l of g.transcript) if (l.speaker !== 'host') out[l.source]++;
  return out;
}

function quantiles(values: number[]): PlaytestReport['modelMsPerLine'] {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { median: at(0.5), p90: at(0.9), lines: sorted.length };
}

function choicesOf(games: GameResult[]): PlaytestReport['choices'] {
  const lines = games.reduce((n, g) => n + g.choices.lines, 0);
  const offered = games.reduce((n, g) => n + g.choices.offered, 0);
  return {
    lines,
    own: games.reduce((n, g) => n + g.choices.own, 0),
    meanOffered: lines ? offered / lines : 0,
  };
}
