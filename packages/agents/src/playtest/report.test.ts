import { loadBundled } from '@jubensha/engine/testing';
import { describe, expect, it } from 'vitest';
import { ScriptedModel } from '../testing/scripted-model.js';
import { progressBar } from './cli.js';
import { runPlaytest } from './playtest.js';
import { htmlReport, markdownReport } from './report.js';

describe('playtest report', () => {
  it('sums runs up and writes Markdown and an HTML page with inline SVG charts', async () => {
    const story = await loadBundled('last-curtain');
    const seen: number[] = [];
    const r = await runPlaytest(story, {
      runs: 2,
      seed: 4,
      language: 'en',
      model: new ScriptedModel(),
      onProgress: (d) => seen.push(d),
    });
    expect(seen).toEqual([0, 1, 2]);
    expect(Object.values(r.endings).reduce((a, b) => a + b, 0)).toBe(2);
    expect(Object.values(r.votes).reduce((a, b) => a + b, 0)).toBe(2 * story.characters.length);
    expect(r.culpritSelfVotes).toBe(0);
    expect(r.tokens.prompt).toBeGreaterThan(0);
    expect(r.cluesPerRound.length).toBe(story.phases.filter((p) => p.kind === 'search').length);
    const md = markdownReport(r);
    expect(md).toContain('innocent votes for the culprit');
    const html = htmlReport(r);
    expect(html.match(/<svg/g)?.length).toBeGreaterThanOrEqual(5);
    expect(html).not.toMatch(/<script/);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
  it('draws a progress bar', () => {
    expect(progressBar(0, 4, 8)).toBe('[--------] 0/4');
    expect(progressBar(2, 4, 8)).toBe('[####----] 2/4');
    expect(progressBar(4, 4, 8)).toBe('[########] 4/4');
  });
});
