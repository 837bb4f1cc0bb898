import { z } from 'zod';
import { LocalizedTextSchema } from './common.js';
import { CharacterFrontMatterSchema } from './character-file.js';
import { CharacterProfileSchema, StoryFileSchema } from './story-file.js';

/**
 * A character as loaded: the public profile from story.yaml, the private front-matter and the script,
 * `script[act - 1]` being the private text of that act in each language.
 */
export const CharacterSchema = CharacterProfileSchema.extend(CharacterFrontMatterSchema.shape).extend({
  script: z.array(LocalizedTextSchema),
});
export type Character = z.infer<typeof CharacterSchema>;

/**
 * A whole story as the engine and the agents use it: plain JSON, everything resolved and in memory.
 * `acts` is the number of read phases in the plan.
 */
export const StorySchema = StoryFileSchema.omit({ $schema: true, characters: true, debrief: true }).extend({
  characters: z.array(CharacterSchema),
  debrief: LocalizedTextSchema,
  acts: z.number().int().min(1),
});
export type Story = z.infer<typeof StorySchema>;
