import { ViewSchema, type Command } from '@jubensha/protocol';
import { describe, expect, it } from 'vitest';
import { restoreGame } from '../game.js';
import { replay } from '../replay.js';
import { Driver, HOST, refusal, seat, startedGame, SYSTEM, T0 } from '../testing/driver.js';
import { tinyStory } from '../testing/tiny-story.js';
import { viewers } from '../testing/walk.js';
import { projectView } from '../view/project-view.js';

const story = tinyStory();
const say = (kind: 'narration' | 'reminder' | 'hint' | 'debrief', text: string): Command => ({
  type: 'HOST_NARRATE',
  kind,
  text,
});

describe('HOST_NARRATE', () => {
  it('is taken only from the system actor; a seat or the human host changes nothing', () => {
    const d = startedGame(story, 1);
    expect(refusal(d, seat('ann'), say('narration', 'I am the host now'))).toBe('NOT_SYSTEM');
    expect(refusal(d, HOST, say('hint', 'look in the study'))).toBe('NOT_SYSTEM');
    expect(d.ctx.hostMessages).toEqual([]);
    d.must(SYSTEM, say('narration', 'Introductions begin.'));
    expect(d.ctx.hostMessages).toEqual([
      { n: 1, kind: 'narration', text: 'Introductions begin.', at: d.at, after: 0 },
    ]);
  });

  it('stands in the public chat after the lines said before it, in the lobby, in every phase and while paused', () => {
    const d = startedGame(story, 1);
    d.must(seat('ann'), { type: 'PUBLIC_MESSAGE', text: 'hello' });
    d.must(SYSTEM, say('reminder', 'One minute left.'));
    d.must(HOST, { type: 'PAUSE' });
    d.must(SYSTEM, say('hint', 'Compare the times.'));
    expect(d.ctx.hostMessages.map((m) => [m.n, m.kind, m.after])).toEqual([
      [1, 'reminder', 1],
      [2, 'hint', 1],
    ]);
    // Narration is no progress: the counts the AI host watches for a stuck table stay as they were.
    expect(projectView(story, d.snapshot, { kind: 'host' }).progress.counts.publicMessages).toBe(1);
    const lobby = new Driver(story, { seed: 1, seats: {}, at: T0 });
    lobby.must(SYSTEM, say('narration', 'Welcome.'));
    expect(lobby.snapshot.state).toBe('lobby');
    expect(lobby.ctx.hostMessages.map((m) => m.text)).toEqual(['Welcome.']);
  });

  it('is projected to every viewer, the host included, and survives replay and a JSON restore', () => {
    const d = startedGame(story, 2);
    d.must(SYSTEM, say('narration', 'Search round 1 begins.'));
    d.must(seat('ben'), { type: 'SEARCH', location: 'study' });
    d.must(SYSTEM, say('hint', 'Hint: the study may be worth another look.'));
    for (const viewer of viewers(d.snapshot)) {
      const view = ViewSchema.parse(projectView(story, d.snapshot, viewer));
      expect(view.hostMessages.map((m) => m.text)).toEqual([
        'Search round 1 begins.',
        'Hint: the study may be worth another look.',
      ]);
    }
    expect(replay(story, d.init, d.log)).toEqual(d.snapshot);
    const restored = restoreGame(story, JSON.parse(JSON.stringify(d.snapshot)));
    expect(restored.ok && restored.snapshot).toEqual(d.snapshot);
    expect(
      restored.ok && projectView(story, restored.snapshot, { kind: 'seat', seat: 'cal' }).hostMessages,
    ).toHaveLength(2);
  });

  it('restores a game stored before the host could speak as one where it has said nothing', () => {
    const d = startedGame(story, 2);
    const old = JSON.parse(JSON.stringify(d.snapshot)) as { context: Record<string, unknown> };
    delete old.context['hostMessages'];
    const restored = restoreGame(story, old);
    expect(restored.ok && restored.snapshot.context.hostMessages).toEqual([]);
    expect(restored.ok && restored.snapshot).toEqual(d.snapshot);
  });
});
