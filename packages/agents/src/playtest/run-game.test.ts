import { projectView } from '@jubensha/engine';
import { BUNDLED, literalLeaks, loadBundled, secretTexts } from '@jubensha/engine/testing';
import { describe, expect, it } from 'vitest';
import { ScriptedModel } from '../testing/scripted-model.js';
import { runGame } from './run-game.js';

describe.each(BUNDLED)('all-AI games of %s', (id) => {
  it('every prompt built holds only text its seat may know', async () => {
    const story = await loadBundled(id);
    const index = secretTexts(story);
    const model = new ScriptedModel();
    let prompts = 0;
    const problems: string[] = [];
    for (const language of ['zh', 'en'] as const) {
      await runGame(story, {
        seed: 3,
        language,
        modelFor: () => model,
        onPrompt: (seat, snap, messages) => {
          prompts++;
          const viewer = { kind: 'seat' as const, seat };
          const json = JSON.stringify(messages);
          // A secret text may reach a prompt only by way of the seat's own view (e.g. another seat said it).
          const view = JSON.stringify(projectView(story, snap, viewer));
          for (const leak of literalLeaks(index, snap.context, viewer, json))
            if (!view.includes(JSON.stringify(leak).slice(1, -1))) problems.push(`${seat}: ${leak}`);
        },
      });
    }
    expect(prompts).toBeGreaterThan(50);
    expect(problems).toEqual([]);
    // The check can fail: another seat's script in a prompt is caught.
    const [a, b] = story.characters;
    const other = JSON.stringify([{ role: 'user', content: b?.script[0]?.zh ?? '' }]);
    const snap = (await runGame(story, { seed: 3, language: 'zh', modelFor: () => null })).final;
    expect(
      literalLeaks(index, snap.context, { kind: 'seat', seat: a?.id ?? '' }, other).length,
    ).toBeGreaterThan(0);
  });

  it('innocent AIs vote for the culprit when the key clues were published; the culprit never votes for itself', async () => {
    const story = await loadBundled(id);
    const model = new ScriptedModel();
    let innocentVotes = 0;
    let forCulprit = 0;
    let games = 0;
    for (const language of ['zh', 'en'] as const) {
      for (const seed of [1, 2]) {
        const r = await runGame(story, { seed, language, modelFor: () => model });
        expect(r.ending).not.toBeNull();
        for (const c of story.culprits) if (r.votes[c] !== undefined) expect(r.votes[c]).not.toBe(c);
        if (r.keyCluesPublished.length === 0) continue;
        games++;
        for (const [voter, choice] of Object.entries(r.votes)) {
          if (story.culprits.includes(voter)) continue;
          innocentVotes++;
          if (story.culprits.includes(choice)) forCulprit++;
        }
      }
    }
    expect(games).toBeGreaterThan(0);
    expect(forCulprit / innocentVotes).toBeGreaterThanOrEqual(0.8);
  });

  it('plays on authored lines alone without a model; the host narrates and every AI character speaks in the debrief', async () => {
    const story = await loadBundled(id);
    const r = await runGame(story, { seed: 5, language: 'zh', modelFor: () => null });
    expect(r.ending).not.toBeNull();
    expect(r.tokens).toEqual({ prompt: 0, completion: 0 });
    expect(r.lines).toBeGreaterThan(10);
    expect(r.narration.filter((n) => n.kind === 'debrief')).toHaveLength(story.characters.length);
    expect(r.narration.some((n) => n.kind === 'phase')).toBe(true);
  });
});
