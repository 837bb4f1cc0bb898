import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IdSchema } from '../schema/common.js';
import { newStoryFiles } from '../scaffold/new-story.js';
import type { CliIo } from './io.js';

const STORY_SCHEMA = fileURLToPath(new URL('../../schema/story.schema.json', import.meta.url));
const CHARACTER_SCHEMA = fileURLToPath(new URL('../../schema/character.schema.json', import.meta.url));

/** `jubensha story new <dir>`: a small complete story that validates clean, named after its folder. */
export async function newCommand(dir: string, io: CliIo): Promise<number> {
  const id = path.basename(path.resolve(dir));
  if (!IdSchema.safeParse(id).success) {
    io.err(
      `the folder name is the story id: "${id}" must be lowercase letters, digits and dashes, starting with a letter`,
    );
    return 1;
  }
  const existing = await readdir(dir).catch(() => []);
  if (existing.length > 0) {
    io.err(`${dir} is not empty; a new story needs a new folder`);
    return 1;
  }
  const from = (folder: string, file: string) => path.relative(folder, file).split(path.sep).join('/');
  const schemas = {
    story: from(path.resolve(dir), STORY_SCHEMA),
    character: from(path.resolve(dir, 'characters'), CHARACTER_SCHEMA),
  };
  for (const [name, text] of Object.entries(newStoryFiles(id, schemas))) {
    const file = path.join(dir, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }
  io.out(
    `created ${dir}: edit story.yaml, characters/*.md and debrief.md, then run: npx jubensha story validate ${dir}`,
  );
  return 0;
}
