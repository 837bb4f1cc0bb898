import { z } from 'zod';
import { CharacterFrontMatterSchema } from '../schema/character-file.js';
import { StoryFileSchema } from '../schema/story-file.js';

/**
 * The JSON Schemas editors use for completion and hover docs, generated from the zod schemas (the source of
 * truth). `io: 'input'` makes fields with defaults optional, as authors write them.
 */
export function storyJsonSchemas(): Record<'story.schema.json' | 'character.schema.json', string> {
  const render = (schema: z.ZodType, title: string) =>
    `${JSON.stringify({ title, ...z.toJSONSchema(schema, { io: 'input', target: 'draft-7' }) }, null, 2)}\n`;
  return {
    'story.schema.json': render(StoryFileSchema, 'jubensha story.yaml'),
    'character.schema.json': render(CharacterFrontMatterSchema, 'jubensha characters/<id>.md front-matter'),
  };
}
