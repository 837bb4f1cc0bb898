import type { Story } from '@jubensha/story';
import { describe, expect, it } from 'vitest';
import { autoplay } from './testing/autoplay.js';
import { BUNDLED, loadBundled } from './testing/bundled.js';
import { votePlans } from './testing/vote-plans.js';

const stories = new Map(await Promise.all(BUNDLED.map(async (id) => [id, await loadBundled(id)] as const)));

describe.each(BUNDLED)('%s', (id) => {
  const story = stories.get(id) as Story;

  it('plays through every phase to the debrief and reaches every ending', () => {
    const reached = new Map<string, number>();
    for (const [i, votes] of votePlans(story).entries()) {
      const d = autoplay(story, votes, i);
      expect(d.phaseKind).toBe('debrief');
      const ending = d.ctx.outcome?.ending ?? '';
      reached.set(ending, (reached.get(ending) ?? 0) + 1);
    }
    expect([...reached.keys()].sort()).toEqual(story.endings.map((e) => e.id).sort());
  });

  it('stands in every phase of the plan, in order', () => {
    const d = autoplay(story, {});
    expect(d.phasesVisited).toEqual(story.phases.map((_, i) => i));
    expect(d.ctx.found.length).toBeGreaterThan(0);
  });
});
