import { projectView } from '@jubensha/engine';
import { loadBundled } from '@jubensha/engine/testing';
import { describe, expect, it } from 'vitest';
import { newMemory } from '../character/memory.js';
import { lastDiscussion } from '../testing/game-at.js';
import { runGame } from '../playtest/run-game.js';
import { AiHost } from './host.js';

describe('AiHost', async () => {
  const story = await loadBundled('last-curtain');
  const snap = lastDiscussion(story);
  const view = projectView(story, snap, { kind: 'host' });
  const at = snap.context.clock;

  it('narrates a phase change once, reminds of time once, and hints only as far as the setting allows', () => {
    const host = new AiHost({
      language: 'en',
      hintLevel: 2,
      stuckMs: 60_000,
      unfoundKeyLocations: () => [story.locations[0]?.id ?? ''],
    });
    expect(host.onView(view, at)).toEqual([{ kind: 'phase', text: 'Public discussion begins.' }]);
    expect(host.onView(view, at + 1000)).toEqual([]);
    const first = host.onView(view, at + 61_000);
    expect(first.map((n) => n.kind)).toEqual(['hint']);
    const second = host.onView(view, at + 122_000);
    expect(second[0]?.text).toContain(story.locations[0]?.name.en);
    expect(host.onView(view, at + 400_000).filter((n) => n.kind === 'hint')).toEqual([]);
    const deadline = view.progress.deadline;
    if (deadline !== null) {
      expect(host.onView(view, deadline - 30_000).map((n) => n.kind)).toContain('reminder');
      expect(host.onView(view, deadline - 20_000).map((n) => n.kind)).not.toContain('reminder');
    }
    const quiet = new AiHost({ language: 'zh', hintLevel: 0, stuckMs: 1 });
    quiet.onView(view, at);
    expect(quiet.onView(view, at + 10_000_000).filter((n) => n.kind === 'hint')).toEqual([]);
  });

  it('gives no hint while the game is paused: the stuck clock stands still until it resumes', () => {
    const host = new AiHost({ language: 'en', hintLevel: 1, stuckMs: 60_000 });
    host.onView(view, at);
    const paused = { ...view, progress: { ...view.progress, pausedAt: at + 1000 } };
    expect(host.onView(paused, at + 1000)).toEqual([]);
    expect(host.onView(paused, at + 500_000)).toEqual([]);
    expect(host.onView(view, at + 530_000)).toEqual([]);
    expect(host.onView(view, at + 561_000).map((n) => n.kind)).toContain('hint');
  });

  it('runs the debrief from the ledger: goals and every cover claim told, with the truth it hid', async () => {
    const r = await runGame(story, { seed: 2, language: 'zh', modelFor: () => null });
    const revealed = projectView(story, r.final, { kind: 'host' });
    const culprit = story.characters.find((c) => c.cover)!;
    const claim = culprit.cover!.claims[0]!;
    const memory = newMemory(culprit.id);
    memory.ledger.push({
      at: 0,
      to: 'zheng-jiahui',
      channel: { kind: 'public' },
      intent: 'cover',
      claim: claim.id,
      text: claim.text.zh!,
      source: 'authored',
    });
    const [line] = new AiHost({ language: 'zh' }).debrief(revealed, [memory]);
    const secret = culprit.secrets.find((s) => s.id === claim.protects)!;
    expect(line?.text).toContain(claim.text.zh);
    expect(line?.text).toContain(secret.text.zh);
    expect(line?.text).toContain(culprit.goals[0]?.text.zh);
    expect(new AiHost({ language: 'zh' }).debrief(view, [memory])).toEqual([]);
  });
});
