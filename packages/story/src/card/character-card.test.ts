import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadStory } from '../load/load-story.js';
import { copyBaseStory, FIXTURES } from '../testing/fixture-story.js';
import { freeId, importCharacterCard } from './card-import.js';
import { exportCharacterCard, parseMessageExamples } from './character-card.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe('Character Card V2', () => {
  it('export → import round-trips every character exactly', async () => {
    const { story: original } = await loadStory(path.join(FIXTURES, 'base'));
    for (const character of original!.characters) {
      const card = exportCharacterCard(original!, character.id)!;
      const copy = await copyBaseStory();
      cleanups.push(copy.cleanup);
      // The character file goes away entirely, so everything must come back from the card.
      await rm(path.join(copy.dir, 'characters', `${character.id}.md`));
      const result = await importCharacterCard(JSON.parse(JSON.stringify(card)), copy.dir);
      expect(result).toMatchObject({ ok: true, characterId: character.id, fromExtension: true });
      const { story, diagnostics } = await loadStory(copy.dir);
      expect(diagnostics).toEqual([]);
      expect(story).toEqual(original);
      expect(exportCharacterCard(story!, character.id)).toEqual(card);
    }
  });

  it('fills the plain card fields in the story’s first language', async () => {
    const { story } = await loadStory(path.join(FIXTURES, 'base'));
    const card = exportCharacterCard(story!, 'alice')!;
    expect(card.data).toMatchObject({
      name: 'Alice',
      description: 'The niece who poured the tea.',
      personality: 'Sweet and quick.',
      first_mes: 'I only poured the tea, nothing more.',
      mes_example: '<START>\n{{char}}: I only poured the tea, nothing more.',
      tags: ['jubensha', 'honkaku'],
    });
    expect(exportCharacterCard(story!, 'nobody')).toBeUndefined();
  });

  it('turns a foreign card into a character skeleton the story loads', async () => {
    const copy = await copyBaseStory();
    cleanups.push(copy.cleanup);
    const foreign = {
      spec: 'chara_card_v2',
      spec_version: '2.0',
      data: {
        name: 'Dr. Mei Chen',
        description: 'A retired surgeon with steady hands.',
        personality: 'Dry, precise, impatient with fools.',
        mes_example:
          '<START>\n{{user}}: Where were you?\n{{char}}: In the conservatory, reading.\n<START>\n{{char}}: Hm.',
        extensions: { other_tool: { x: 1 } },
      },
    };
    const result = await importCharacterCard(foreign, copy.dir);
    expect(result).toMatchObject({ ok: true, characterId: 'dr-mei-chen', fromExtension: false });
    const { story, diagnostics } = await loadStory(copy.dir);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const mei = story!.characters.find((c) => c.id === 'dr-mei-chen')!;
    expect(mei.name).toEqual({ en: 'Dr. Mei Chen', zh: 'Dr. Mei Chen' });
    expect(mei.voice?.en).toBe('Dry, precise, impatient with fools.');
    expect(mei.lines.map((l) => l.text.en)).toEqual(['In the conservatory, reading.', 'Hm.']);
    expect(mei.lines[0]!.prompt?.en).toBe('Where were you?');
    expect(mei.script).toHaveLength(2);
    expect(await readFile(path.join(copy.dir, 'story.yaml'), 'utf8')).toMatch(/^# A minimal valid story/);
  });

  it('rejects what is not a card and changes nothing', async () => {
    const copy = await copyBaseStory();
    cleanups.push(copy.cleanup);
    const before = await readFile(path.join(copy.dir, 'story.yaml'), 'utf8');
    expect(await importCharacterCard({ spec: 'chara_card_v2', data: {} }, copy.dir)).toMatchObject({
      ok: false,
    });
    expect(await readFile(path.join(copy.dir, 'story.yaml'), 'utf8')).toBe(before);
  });

  it('derives an id from a name in any script', () => {
    expect(freeId('Dr. Mei Chen', [])).toBe('dr-mei-chen');
    expect(freeId('林守正', [])).toBe('林守正');
    expect(freeId('林守正', ['林守正'])).toBe('林守正-2');
    expect(freeId('「老 林」', [])).toBe('老-林');
    expect(freeId('007', [])).toBe('character-007');
  });

  it('reads example lines from mes_example', () => {
    expect(parseMessageExamples('{{user}}: hi\n{{char}}: hello\n{{char}}: again')).toEqual([
      { prompt: 'hi', text: 'hello' },
      { text: 'again' },
    ]);
  });
});
