import { fileURLToPath } from 'node:url';
import { ViewSchema } from '@jubensha/protocol';
import { loadStory, type Story } from '@jubensha/story';
import { describe, expect, it } from 'vitest';
import { replay } from './replay.js';
import { autoplay } from './testing/autoplay.js';
import { projectView } from './view/project-view.js';

// The story package's own valid fixtures: a night across midnight, and ids in Chinese with a secret that has
// nothing to hide. The engine must play them like any other story.
async function load(name: string): Promise<Story> {
  const dir = fileURLToPath(new URL(`../../story/test/valid/${name}`, import.meta.url));
  const { story, diagnostics } = await loadStory(dir);
  if (!story) throw new Error(`${name}: ${JSON.stringify(diagnostics)}`);
  return story;
}

describe('stories the format allows beyond ASCII ids and one day', () => {
  it('plays a night across midnight and hands each seat its movements past 24:00', async () => {
    const story = await load('midnight');
    const d = autoplay(story, { alice: 'alice', bob: 'alice', carol: 'alice' });
    expect(d.phaseKind).toBe('debrief');
    expect(replay(story, d.init, d.log)).toEqual(d.snapshot);
    const view = ViewSchema.parse(projectView(story, d.snapshot, { kind: 'seat', seat: 'bob' }));
    expect(view.me?.character.movements.map((m) => [m.day, m.at, m.until])).toEqual([
      [0, '23:00', '24:10'],
      [1, '00:20', '01:00'],
    ]);
    expect(view.story.incident).toEqual({ day: 0, at: '23:45', until: '24:30' });
  });

  it('plays a story whose ids are Chinese, votes by them and projects every seat', async () => {
    const story = await load('unicode-ids');
    const d = autoplay(story, { 爱丽丝: '鲍勃', 鲍勃: '爱丽丝', 卡罗尔: '爱丽丝' });
    expect(d.phaseKind).toBe('debrief');
    expect(d.ctx.outcome?.ending).toBe('caught');
    for (const seat of ['爱丽丝', '鲍勃', '卡罗尔']) {
      const view = ViewSchema.parse(projectView(story, d.snapshot, { kind: 'seat', seat }));
      expect(view.me?.seat).toBe(seat);
    }
    const carol = ViewSchema.parse(projectView(story, d.snapshot, { kind: 'seat', seat: '卡罗尔' }));
    expect(carol.me?.character.secrets.find((s) => s.id === '下棋')?.mustNotReveal).toEqual({});
  });
});
