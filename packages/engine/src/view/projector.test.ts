import fc from 'fast-check';
import { applyViewChanges, diffView, type View, type Viewer } from '@jubensha/protocol';
import { describe, expect, it } from 'vitest';
import { applyCommand, createGame, type GameSnapshot } from '../game.js';
import { HOST, seat, startedGame, T0 } from '../testing/driver.js';
import { tinyStory } from '../testing/tiny-story.js';
import { decodeStep, stepArb, viewers } from '../testing/walk.js';
import { projectView } from './project-view.js';
import { ViewProjector } from './projector.js';

const story = tinyStory();
const key = (v: Viewer) => JSON.stringify(v);

describe('ViewProjector', () => {
  it('gives every viewer exactly projectView’s view, and diffs of its views are the diffs of fresh ones', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 120 }), (steps) => {
        let snap: GameSnapshot = createGame(story, { seed: 3, seats: { ann: 'human' }, at: T0 });
        let now = T0;
        const projector = new ViewProjector(story);
        const shared = new Map<string, View>();
        const fresh = new Map<string, View>();
        for (const step of steps) {
          const env = decodeStep(story, snap, step, now);
          now = env.at;
          const r = applyCommand(story, snap, env);
          if (!r.ok) continue;
          snap = r.snapshot;
          // Some viewers skip states, as a viewer with no connection does: the caches must not care.
          const all = viewers(snap).filter((_, i) => (step.who >> i) % 2 === 0 || i === 0);
          for (const viewer of all) {
            const view = projector.project(snap, viewer);
            const expected = projectView(story, snap, viewer);
            expect(view).toEqual(expected);
            expect(projector.project(snap, viewer)).toBe(view);
            const before = shared.get(key(viewer));
            const beforeFresh = fresh.get(key(viewer));
            if (before && beforeFresh) {
              const changes = diffView(before, view);
              expect(changes).toEqual(diffView(beforeFresh, expected));
              expect(applyViewChanges(beforeFresh, changes)).toEqual(expected);
            }
            shared.set(key(viewer), view);
            fresh.set(key(viewer), expected);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('keeps the objects of what did not change: earlier lines, the story, a character file within an act', () => {
    const d = startedGame(story, 3);
    const projector = new ViewProjector(story);
    const ann = { kind: 'seat', seat: 'ann' } as const;
    d.must(seat('ann'), { type: 'PUBLIC_MESSAGE', text: 'first line' });
    const a = projector.project(d.snapshot, ann);
    const spectatorA = projector.project(d.snapshot, { kind: 'spectator' });
    d.must(seat('ben'), { type: 'PUBLIC_MESSAGE', text: 'second line' });
    const b = projector.project(d.snapshot, ann);
    const spectatorB = projector.project(d.snapshot, { kind: 'spectator' });

    expect(b.story).toBe(a.story);
    expect(b.me?.character).toBe(a.me?.character);
    expect(b.table?.chat[0]).toBe(a.table?.chat[0]);
    expect(b.table?.publishedClues).toBe(a.table?.publishedClues);
    expect(b.hostMessages).toBe(a.hostMessages);
    // One table for every viewer who gets it.
    expect(spectatorA.table).toBe(a.table);
    expect(spectatorB.table).toBe(b.table);
    expect(diffView(a, b)).toEqual([
      { op: 'set', path: ['version'], value: b.version },
      { op: 'set', path: ['progress', 'counts', 'publicMessages'], value: 2 },
      { op: 'set', path: ['table', 'chat', 1], value: b.table?.chat[1] },
    ]);

    d.must(HOST, { type: 'ADVANCE' });
    const c = projector.project(d.snapshot, ann);
    expect(c).toEqual(projectView(story, d.snapshot, ann));
    expect(c.table?.chat).toBe(b.table?.chat);
  });

  it('shares what depends on the story alone between rooms of the story', () => {
    const one = startedGame(story, 3, 1);
    const two = startedGame(story, 3, 2);
    const ann = { kind: 'seat', seat: 'ann' } as const;
    const a = new ViewProjector(story).project(one.snapshot, ann);
    const b = new ViewProjector(story).project(two.snapshot, ann);
    expect(b.story).toBe(a.story);
    expect(b.me?.character).toBe(a.me?.character);
    expect(b.me).not.toBe(a.me);
  });

  it('hands out frozen views: a consumer cannot change what others are sent', () => {
    const d = startedGame(story, 3);
    d.must(seat('ann'), { type: 'PUBLIC_MESSAGE', text: 'line' });
    const view = new ViewProjector(story).project(d.snapshot, { kind: 'seat', seat: 'ann' });
    expect(() => view.table?.chat.push(view.table.chat[0]!)).toThrow(TypeError);
    expect(() => {
      (view.progress as { started: boolean }).started = false;
    }).toThrow(TypeError);
    expect(Object.isFrozen(view.me?.character.script)).toBe(true);
  });

  it('a restored game (no shared objects) still projects right', () => {
    const d = startedGame(story, 3);
    const projector = new ViewProjector(story);
    d.must(seat('ann'), { type: 'PUBLIC_MESSAGE', text: 'before' });
    const a = projector.project(d.snapshot, { kind: 'spectator' });
    const restored = structuredClone(d.snapshot);
    restored.context.chat[0]!.text = 'edited in the store';
    const b = projector.project(restored, { kind: 'spectator' });
    expect(b).toEqual(projectView(story, restored, { kind: 'spectator' }));
    expect(diffView(a, b)).toEqual([
      { op: 'set', path: ['table', 'chat', 0, 'text'], value: 'edited in the store' },
    ]);
  });
});
