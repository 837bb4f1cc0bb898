import { readPrompt } from './prompt-parts.js';
import type { GroupSummary, Metric, Rate, Scored } from './summary.js';
import { meets, TARGETS } from './summary.js';

/** Speed of the generations, from the model's own stats. */
export interface SpeedSummary {
  decodeTokensPerSecond: number | null;
  timeToFirstTokenMs: number | null;
  promptTokens: number | null;
  /** Share of prompt tokens served from the prefix cache (the agents' prefixCacheKey per character). */
  cachedPromptShare: number | null;
  cores: number;
  /** 1, 5 and 15 minute load averages at the start and the end of the generations. */
  loadAverage: { start: number[]; end: number[] };
}

export interface Sample {
  lang: string;
  intent: string;
  asked: string;
  reply: string;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * Up to `perLanguage` exchanges per language for the README: answers to an [ASKED] line first, each of
 * another intent where it can, in file order.
 */
export function pickSamples(scored: readonly Scored[], perLanguage: number): Sample[] {
  const out: Sample[] = [];
  for (const lang of ['zh', 'en']) {
    const rows = scored
      .filter((s) => s.row.lang === lang)
      .map((s) => ({ s, asked: readPrompt(s.row.messages).asked?.line ?? null }))
      .sort((a, b) => Number(a.asked === null) - Number(b.asked === null));
    const seen = new Set<string>();
    const firsts = rows.filter(({ s }) => !seen.has(s.row.intent) && seen.add(s.row.intent));
    const chosen = [...firsts, ...rows.filter((r) => !firsts.includes(r))].slice(0, perLanguage);
    for (const { s, asked } of chosen)
      out.push({ lang, intent: s.row.intent, asked: asked ?? '-', reply: s.reply.trim() });
  }
  return out;
}

const pct = (r: Rate) => (r.rate === null ? '    -' : `${(100 * r.rate).toFixed(1).padStart(5)}%`);
const METRICS: Metric[] = ['grounding', 'intentFollowed', 'leaks', 'language'];
const HEADINGS: Record<Metric, string> = {
  grounding: 'grounding',
  intentFollowed: 'intent',
  leaks: 'leaks',
  language: 'language',
};

/** The metrics table: one line per group, each cell a share and its counts. */
export function metricsTable(groups: Record<string, GroupSummary>): string[] {
  const cell = (r: Rate) => `${pct(r)} ${`${r.hits}/${r.of}`.padEnd(9)}`;
  const lines = [
    `${'group'.padEnd(18)}${'rows'.padStart(5)}  ${METRICS.map((m) => HEADINGS[m].padEnd(17)).join('')}`,
  ];
  for (const [name, g] of Object.entries(groups))
    lines.push(
      `${name.padEnd(18)}${String(g.rows).padStart(5)}  ${METRICS.map((m) => cell(g[m])).join('  ')}`,
    );
  return lines;
}

/** One line per target with PASS, FAIL or n/a (nothing counted). */
export function targetLines(all: GroupSummary): string[] {
  return METRICS.map((m) => {
    const t = TARGETS[m];
    const goal = 'atLeast' in t ? `≥ ${100 * t.atLeast}%` : `≤ ${100 * t.atMost}%`;
    const verdict = meets(all, m);
    return `${HEADINGS[m].padEnd(10)} ${pct(all[m])}  target ${goal.padEnd(6)} ${verdict === null ? 'n/a' : verdict ? 'PASS' : 'FAIL'}`;
  });
}

const fixed = (v: number | null, digits: number) => (v === null ? '-' : v.toFixed(digits));

export function speedLines(speed: SpeedSummary): string[] {
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  return [
    `decode ${fixed(speed.decodeTokensPerSecond, 1)} tokens/s (median), time to first token ${fixed(speed.timeToFirstTokenMs, 0)} ms (median), ` +
      `prompt ${fixed(speed.promptTokens, 0)} tokens (median), ${fixed(speed.cachedPromptShare === null ? null : 100 * speed.cachedPromptShare, 0)}% of prompt tokens from the prefix cache`,
    `machine: ${speed.cores} cores, load average ${load(speed.loadAverage.start)} at the start, ${load(speed.loadAverage.end)} at the end ` +
      '(a shared machine: other work may be running, so these are this run’s figures, not an idle machine’s)',
  ];
}
