import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isSeq, parseDocument } from 'yaml';
import type { LocalizedText, Language } from '../schema/common.js';
import { LANGUAGES } from '../schema/common.js';
import type { Character } from '../schema/story.js';
import {
  CharacterCardV2Schema,
  JubenshaCardExtensionSchema,
  parseMessageExamples,
} from './character-card.js';
import type { CharacterCardV2 } from './character-card.js';
import { characterFileText } from './character-file-writer.js';

export type ImportResult =
  { ok: true; characterId: string; files: string[]; fromExtension: boolean } | { ok: false; error: string };

/**
 * Adds (or replaces) a character in a story folder from a card: characters/<id>.md and its public profile in
 * story.yaml, whose comments and layout are kept. A card of ours comes back exactly; a foreign card becomes a
 * skeleton (name, description, personality, example lines) for the author to finish.
 */
export async function importCharacterCard(
  cardJson: unknown,
  dir: string,
  idOverride?: string,
): Promise<ImportResult> {
  const card = CharacterCardV2Schema.safeParse(cardJson);
  if (!card.success)
    return { ok: false, error: `not a Character Card V2: ${card.error.issues[0]?.message ?? ''}` };
  const storyPath = path.join(dir, 'story.yaml');
  let storyText: string;
  try {
    storyText = await readFile(storyPath, 'utf8');
  } catch {
    return { ok: false, error: `${storyPath} does not exist` };
  }
  const doc = parseDocument(storyText);
  if (doc.errors.length > 0)
    return { ok: false, error: `${storyPath} does not parse: ${doc.errors[0]?.message}` };
  const declared = doc.get('languages');
  const languages = (isSeq(declared) ? declared.toJSON() : ['en']).filter((l: unknown): l is Language =>
    (LANGUAGES as readonly unknown[]).includes(l),
  );
  const phases = doc.get('phases');
  const acts = isSeq(phases) ? phases.items.filter((p) => isMap(p) && p.get('kind') === 'read').length : 1;
  const characters = doc.get('characters');
  if (!isSeq(characters)) return { ok: false, error: `${storyPath} has no characters list` };

  const extension = JubenshaCardExtensionSchema.safeParse(card.data.data.extensions['jubensha']);
  const taken = characters.items.map((item) => (isMap(item) ? String(item.get('id')) : ''));
  const character = extension.success
    ? extension.data.character
    : skeleton(card.data, languages, Math.max(acts, 1), idOverride ?? freeId(card.data.data.name, taken));
  if (idOverride !== undefined) character.id = idOverride;

  const profile = doc.createNode({ id: character.id, name: character.name, profile: character.profile });
  const index = taken.indexOf(character.id);
  if (index >= 0) characters.set(index, profile);
  else characters.add(profile);

  const characterPath = path.join(dir, 'characters', `${character.id}.md`);
  await mkdir(path.dirname(characterPath), { recursive: true });
  await writeFile(characterPath, characterFileText(character, languages));
  await writeFile(storyPath, doc.toString({ lineWidth: 0 }));
  return {
    ok: true,
    characterId: character.id,
    files: [storyPath, characterPath],
    fromExtension: extension.success,
  };
}

function skeleton(card: CharacterCardV2, languages: Language[], acts: number, id: string): Character {
  const { name, description, personality, mes_example } = card.data;
  const every = (text: string): LocalizedText => Object.fromEntries(languages.map((l) => [l, text]));
  const todo = (what: string): LocalizedText =>
    Object.fromEntries(languages.map((l) => [l, l === 'zh' ? `（待写：${what}）` : `(to write: ${what})`]));
  return {
    id,
    name: every(name),
    profile: every(description || name),
    ...(personality ? { voice: every(personality) } : {}),
    secrets: [
      {
        id: 'secret',
        text: todo('secret'),
        mustNotReveal: Object.fromEntries(languages.map((l) => [l, [todo('phrase')[l] ?? 'phrase']])),
        act: 1,
      },
    ],
    goals: [{ id: 'goal', act: 1, points: 10, text: todo('goal'), check: { kind: 'votedCulprit' } }],
    relationships: [],
    lines: parseMessageExamples(mes_example).map((e) => ({
      intent: 'fact' as const,
      ...(e.prompt ? { prompt: every(e.prompt) } : {}),
      text: every(e.text),
    })),
    script: Array.from({ length: acts }, (_, a) =>
      a === 0 && description ? every(description) : todo(`act ${a + 1}`),
    ),
  };
}

/** An id from a display name, unused in the story: `Dr. Mei Chen` → `dr-mei-chen`, `林守正` → `林守正`. */
export function freeId(name: string, taken: string[]): string {
  const slug = [
    ...name
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, ''),
  ]
    .slice(0, 32)
    .join('')
    .replace(/-+$/, '');
  const base = /^\p{L}/u.test(slug) ? slug : `character${slug ? `-${slug}` : ''}`;
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
}
