import { applyViewChanges, diffView, ViewSchema, type Viewer } from '@jubensha/protocol';
import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors.js';
import { autoplay } from '../testing/autoplay.js';
import { HOST, seat, startedGame } from '../testing/driver.js';
import { tinyStory } from '../testing/tiny-story.js';
import { viewers } from '../testing/walk.js';
import { projectView } from './project-view.js';

const story = tinyStory();

describe('projectView', () => {
  it('gives a seat its own script and secrets up to the current act, nobody else’s', () => {
    const d = startedGame(story, 2);
    d.must(seat('ann'), { type: 'SEARCH', location: 'study' });
    const ann = projectView(story, d.snapshot, { kind: 'seat', seat: 'ann' });
    expect(ann.me?.character.script).toEqual([
      { zh: '【act one script of ann】中文', en: '[act one script of ann] in English' },
    ]);
    expect(ann.me?.character.secrets.map((s) => s.id)).toEqual(['ann-s1']);
    expect(ann.me?.character.goals.map((g) => g.id)).toEqual(['ann-g1']);
    expect(ann.me?.clues.map((c) => [c.id, c.published])).toEqual([['knife', false]]);
    expect(ann.me?.actionPoints).toBe(1);
    expect(ann.table?.publishedClues).toEqual([]);
    expect(ann.reveal).toBeNull();
    const ben = projectView(story, d.snapshot, { kind: 'seat', seat: 'ben' });
    expect(ben.me?.clues).toEqual([]);
    expect(JSON.stringify(ben)).not.toContain('knife text');
    expect(ben.progress.counts.cluesFound).toBe(1);
    d.must(seat('ann'), { type: 'PUBLISH_CLUE', clue: 'knife' });
    const after = projectView(story, d.snapshot, { kind: 'seat', seat: 'ben' });
    expect(after.table?.publishedClues.map((c) => [c.id, c.foundBy])).toEqual([['knife', 'ann']]);
  });

  it('tells a seat in a search which locations hold nothing more for it, and nothing outside searches', () => {
    const d = startedGame(story, 2);
    const out = () => projectView(story, d.snapshot, { kind: 'seat', seat: 'ann' }).me?.searchedOut;
    // The cellar's one clue is findable by dot only.
    expect(out()).toEqual(['cellar']);
    d.must(seat('ann'), { type: 'SEARCH', location: 'garden' });
    expect(out()).toEqual(['garden', 'cellar']);
    // The ledger shows only once the knife is found: the study is not out after the first find.
    d.must(seat('ann'), { type: 'SEARCH', location: 'study' });
    expect(out()).toEqual(['garden', 'cellar']);
    expect(projectView(story, d.snapshot, { kind: 'seat', seat: 'ben' }).me?.searchedOut).toEqual([
      'garden',
      'cellar',
    ]);
    d.must(HOST, { type: 'ADVANCE' });
    expect(out()).toEqual([]);
  });

  it('gives the host progress and administration only, and a spectator the public table', () => {
    const d = startedGame(story, 3);
    d.must(seat('ann'), { type: 'PUBLIC_MESSAGE', text: 'hello table' });
    const host = projectView(story, d.snapshot, { kind: 'host' });
    expect(host.table).toBeNull();
    expect(host.me).toBeNull();
    expect(host.progress.seats.map((s) => [s.seat, s.name, s.controller, s.ready])).toEqual([
      ['ann', 'Ann', 'human', true],
      ['ben', 'Ben', 'human', true],
      ['cal', null, 'ai', true],
      ['dot', null, 'ai', true],
    ]);
    expect(host.progress.counts.publicMessages).toBe(1);
    expect(JSON.stringify(host)).not.toContain('hello table');
    const spectator = projectView(story, d.snapshot, { kind: 'spectator' });
    expect(spectator.table?.chat.map((m) => m.text)).toEqual(['hello table']);
    expect(spectator.me).toBeNull();
  });

  it('shows vote progress without the choices, and everything to everyone after the reveal', () => {
    const d = startedGame(story, 8);
    d.must(seat('ann'), { type: 'VOTE', character: 'cal' });
    const ben = projectView(story, d.snapshot, { kind: 'seat', seat: 'ben' });
    expect(ben.progress.voted).toEqual(['ann']);
    expect(JSON.stringify(ben)).not.toMatch(/"vote":"cal"/);
    expect(projectView(story, d.snapshot, { kind: 'seat', seat: 'ann' }).me?.vote).toBe('cal');
    d.must(HOST, { type: 'ADVANCE' });
    for (const viewer of viewers(d.snapshot)) {
      const v = projectView(story, d.snapshot, viewer);
      expect(v.reveal?.culprits).toEqual(['cal']);
      expect(v.reveal?.ending.id).toBe('caught');
      expect(v.reveal?.characters.every((c) => c.script.length === 2)).toBe(true);
      expect(v.reveal?.debrief.en).toBe('[debrief] in English');
      expect(v.table).not.toBeNull();
    }
  });

  it('fits the protocol schema for every viewer in every state, and updates diff cleanly', () => {
    const d = autoplay(story, { ann: 'cal', ben: 'ben', cal: 'ben', dot: 'cal' });
    const all: Viewer[] = viewers(d.snapshot);
    const previous = new Map<string, unknown>();
    for (const snap of d.history) {
      for (const viewer of all) {
        const view = projectView(story, snap, viewer);
        expect(ViewSchema.parse(view)).toEqual(view);
        const key = JSON.stringify(viewer);
        const before = previous.get(key);
        if (before !== undefined) expect(applyViewChanges(before, diffView(before, view))).toEqual(view);
        previous.set(key, view);
      }
    }
  });

  it('refuses a seat that is not in the game', () => {
    const d = startedGame(story);
    expect(() => projectView(story, d.snapshot, { kind: 'seat', seat: 'zed' })).toThrow(EngineError);
  });
});
