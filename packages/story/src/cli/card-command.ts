import { readFile, writeFile } from 'node:fs/promises';
import { exportCharacterCard } from '../card/character-card.js';
import { importCharacterCard } from '../card/card-import.js';
import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import { loadStory } from '../load/load-story.js';
import type { CliIo } from './io.js';

/** `jubensha story card export <dir> <characterId> [-o file]`: the card as JSON, to stdout or a file. */
export async function cardExportCommand(
  dir: string,
  characterId: string,
  output: string | undefined,
  io: CliIo,
) {
  const { story, diagnostics } = await loadStory(dir);
  if (!story) {
    for (const d of diagnostics) io.err(formatDiagnostic(d));
    io.err(`${dir}: fix the errors before exporting a card`);
    return 1;
  }
  const card = exportCharacterCard(story, characterId);
  if (!card) {
    io.err(
      `${story.id} has no character "${characterId}" (it has ${story.characters.map((c) => c.id).join(', ')})`,
    );
    return 1;
  }
  const json = `${JSON.stringify(card, null, 2)}\n`;
  if (output === undefined) io.out(json.trimEnd());
  else {
    await writeFile(output, json);
    io.out(`wrote ${output}`);
  }
  return 0;
}

/** `jubensha story card import <card.json> <dir> [--id id]`: adds or replaces the character in the story. */
export async function cardImportCommand(cardFile: string, dir: string, id: string | undefined, io: CliIo) {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(cardFile, 'utf8'));
  } catch (error) {
    io.err(`${cardFile}: cannot read the card (${error instanceof Error ? error.message : String(error)})`);
    return 1;
  }
  const result = await importCharacterCard(json, dir, id);
  if (!result.ok) {
    io.err(`${cardFile}: ${result.error}`);
    return 1;
  }
  io.out(
    `${result.fromExtension ? 'imported' : 'created a skeleton for'} ${result.characterId}: ${result.files.join(', ')}` +
      (result.fromExtension ? '' : '\nfill in the parts marked "to write", then validate the story'),
  );
  return 0;
}
