import { BUNDLED, loadBundled } from '@jubensha/engine/testing';
import { describe, expect, it } from 'vitest';
import { runGame } from '../playtest/run-game.js';
import { hasCjk } from '../text/language.js';
import { ScriptedModel } from '../testing/scripted-model.js';

describe.each(BUNDLED)('an English game of %s', (id) => {
  it.each([
    ['the scripted model', () => new ScriptedModel()],
    ['authored lines only', () => null],
  ])('with %s, every AI line is English: no Chinese name in front of a question', async (_, model) => {
    const story = await loadBundled(id);
    const game = await runGame(story, { seed: 3, language: 'en', modelFor: model });
    const said = [
      ...game.transcript,
      ...game.final.context.talks.flatMap((t) => t.messages.map((m) => ({ seat: m.seat, text: m.text }))),
    ];
    expect(said.length).toBeGreaterThan(20);
    expect(said.filter((s) => hasCjk(s.text))).toEqual([]);
  });
});
