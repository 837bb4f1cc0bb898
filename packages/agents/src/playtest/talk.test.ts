import { fileURLToPath } from 'node:url';
import { loadStory, type Story } from '@jubensha/story';
import { describe, expect, it } from 'vitest';
import { runPlaytest, type PlaytestReport } from './playtest.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
// The two bundled stories, and the evaluation story no rule was written for.
const STORIES = [
  'scripts-stories/last-curtain',
  'scripts-stories/rain-tea-hills',
  'tests/eval-stories/on-air',
];
const LANGS = ['zh', 'en'] as const;

async function story(dir: string): Promise<Story> {
  const { story: s, diagnostics } = await loadStory(`${ROOT}${dir}`);
  if (!s) throw new Error(`${dir}: ${JSON.stringify(diagnostics)}`);
  return s;
}

const play = async (
  s: Story,
  language: 'zh' | 'en',
  flags: { blindClues?: boolean; noTalk?: boolean } = {},
) => runPlaytest(s, { runs: 1, seed: 1, language, model: null, ...flags });

/** Mean reciprocal rank of the culprit over reports, and a random ranking's, weighted by rankings. */
function pooled(reports: PlaytestReport[]): { innocent: number; random: number } {
  const n = reports.reduce((x, r) => x + r.talk.mrr.rankings, 0);
  const sum = (f: (r: PlaytestReport) => number) =>
    reports.reduce((x, r) => x + f(r) * r.talk.mrr.rankings, 0) / n;
  return { innocent: sum((r) => r.talk.mrr.innocent), random: sum((r) => r.talk.mrr.random) };
}

describe('what a player meets at an all-AI table (authored lines and templates, no model)', () => {
  describe.each(STORIES)('%s', (dir) => {
    it.each(LANGS)(
      '%s: questions answered on topic, no questions back, no line said thrice, case content, one cover claim for the crime window',
      async (language) => {
        const s = await story(dir);
        const r = await play(s, language);
        const t = r.talk;
        const where = `${dir} ${language}`;
        expect(t.questions, where).toBeGreaterThan(10);
        expect(t.answeredOnTopic / t.questions, where).toBeGreaterThanOrEqual(0.9);
        expect(t.questionsBack / Math.max(1, t.answered), where).toBeLessThanOrEqual(0.05);
        expect(t.distinct / t.lines, where).toBeGreaterThanOrEqual(0.9);
        expect(t.maxRepeatsInGame, `${where}: ${t.mostRepeated?.text}`).toBeLessThanOrEqual(2);
        expect(t.caseContent / t.lines, where).toBeGreaterThanOrEqual(0.6);
        // Every question to the culprit about the crime window gets a cover claim, the same one each time.
        expect(t.culpritWindow.withCover, where).toBe(t.culpritWindow.questions);
        for (const n of t.culpritWindow.claimsPerGame) expect(n, where).toBeLessThanOrEqual(1);
        if (!dir.startsWith('tests/')) expect(r.voteAccuracy, where).toBeGreaterThanOrEqual(0.9);
      },
      120_000,
    );
  });

  it("blind to the authors' clue readings, innocent AIs still rank the culprit well above chance, and silence lowers it", async () => {
    const blind: PlaytestReport[] = [];
    const silent: PlaytestReport[] = [];
    for (const dir of STORIES) {
      const s = await story(dir);
      for (const language of LANGS) {
        blind.push(await play(s, language, { blindClues: true }));
        silent.push(await play(s, language, { blindClues: true, noTalk: true }));
      }
    }
    const b = pooled(blind);
    const q = pooled(silent);
    expect(b.innocent).toBeGreaterThanOrEqual(1.5 * b.random);
    expect(q.innocent).toBeLessThan(b.innocent);
  }, 600_000);
});
