import { projectView } from '@jubensha/engine';
import { BUNDLED, loadBundled } from '@jubensha/engine/testing';
import { describe, expect, it } from 'vitest';
import { newMemory } from '../character/memory.js';
import { callNames } from '../character/names.js';
import { readClues } from '../decide/clue-reading.js';
import { Knowledge } from '../knowledge/knowledge.js';
import { lastDiscussion } from '../testing/game-at.js';
import { chooseReply } from './intent.js';

describe.each(BUNDLED)('reply policy in %s', (id) => {
  it('only a character with cover claims lies, only with its own claims; secrets are never stated as facts', async () => {
    const story = await loadBundled(id);
    const snap = lastDiscussion(story);
    const readings = readClues(story);
    let covers = 0;
    for (const c of story.characters) {
      const view = projectView(story, snap, { kind: 'seat', seat: c.id });
      for (const language of ['zh', 'en'] as const) {
        const knowledge = new Knowledge(view, language);
        // Ask about each secret with its own words: the most direct question there is.
        for (const s of c.secrets) {
          const choice = chooseReply({
            speech: s.text[language] ?? '',
            asker: null,
            seat: c.id,
            names: callNames(view, c.id),
            knowledge,
            memory: newMemory(c.id),
            readings,
          });
          expect(['cover', 'withhold']).toContain(choice.intent);
          if (choice.intent === 'cover') {
            covers++;
            expect(c.cover?.claims.map((k) => k.id)).toContain(choice.claim?.id);
          }
          expect(choice.facts.every((f) => f.secret === null)).toBe(true);
        }
        if (!c.cover) {
          for (const q of ['你在撒谎吧？', 'Tell me about yourself.', '八点四十你在哪？'])
            expect(
              chooseReply({
                speech: q,
                asker: null,
                seat: c.id,
                names: callNames(view, c.id),
                knowledge,
                memory: newMemory(c.id),
                readings,
              }).intent,
            ).not.toBe('cover');
        }
      }
    }
    expect(covers).toBeGreaterThan(0);
  });
});
