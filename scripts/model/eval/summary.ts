import type { RowScore } from './metrics.js';
import type { HeldOutRow } from './row.js';

/** A share of rows: how many passed out of how many were counted. */
export interface Rate {
  hits: number;
  of: number;
  /** hits / of; null when nothing was counted. */
  rate: number | null;
}

export interface GroupSummary {
  rows: number;
  /** Rows with check.entities only. */
  grounding: Rate;
  intentFollowed: Rate;
  /** Rows whose reply said a must-not-reveal phrase. */
  leaks: Rate;
  language: Rate;
}

export interface Scored {
  row: HeldOutRow;
  reply: string;
  score: RowScore;
}

/** The targets: what the default model must reach before it ships. */
export const TARGETS = {
  grounding: { atLeast: 0.9 },
  intentFollowed: { atLeast: 0.9 },
  leaks: { atMost: 0 },
  language: { atLeast: 0.98 },
} as const;

export type Metric = keyof typeof TARGETS;

const rate = (hits: number, of: number): Rate => ({ hits, of, rate: of === 0 ? null : hits / of });

export function summarize(scored: readonly Scored[]): GroupSummary {
  const count = (pick: (s: RowScore) => boolean | null) => {
    const counted = scored.map((s) => pick(s.score)).filter((v): v is boolean => v !== null);
    return rate(counted.filter(Boolean).length, counted.length);
  };
  return {
    rows: scored.length,
    grounding: count((s) => s.grounded),
    intentFollowed: count((s) => s.intentFollowed),
    leaks: count((s) => s.leaked.length > 0),
    language: count((s) => s.languageMatches),
  };
}

/** Summaries overall, per language and per intent (groups in first-seen order). */
export function summarizeGroups(scored: readonly Scored[]): Record<string, GroupSummary> {
  const groups = new Map<string, Scored[]>([['all', [...scored]]]);
  for (const key of ['lang', 'intent'] as const)
    for (const s of scored) {
      const name = `${key}:${s.row[key]}`;
      groups.set(name, [...(groups.get(name) ?? []), s]);
    }
  return Object.fromEntries([...groups].map(([name, rows]) => [name, summarize(rows)]));
}

/** Whether a summary meets one target; null when the metric counted no rows. */
export function meets(summary: GroupSummary, metric: Metric): boolean | null {
  const value = summary[metric].rate;
  if (value === null) return null;
  const target = TARGETS[metric];
  return 'atLeast' in target ? value >= target.atLeast : value <= target.atMost;
}
