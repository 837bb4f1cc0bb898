import { z } from 'zod';

/** Languages a story can be written in. A story declares which of them it carries. */
export const LANGUAGES = ['zh', 'en'] as const;
export const LanguageSchema = z.enum(LANGUAGES).describe('A story language: zh (简体中文) or en (English).');
export type Language = z.infer<typeof LanguageSchema>;

/**
 * Ids are what other parts of the story refer to: short, lowercase, stable across languages
 * (they are never shown to players).
 */
export const IdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'an id is lowercase letters, digits and dashes, starting with a letter')
  .describe('A stable id: lowercase letters, digits and dashes, starting with a letter.');
export type Id = z.infer<typeof IdSchema>;

/**
 * Text in each of the story's languages. Every key is optional in the schema; the validator
 * checks that every language the story declares is present (LANG_MISSING).
 */
export const LocalizedTextSchema = z
  .object({
    zh: z.string().min(1).optional().describe('简体中文'),
    en: z.string().min(1).optional().describe('English'),
  })
  .strict()
  .describe('Text per language, e.g. { zh: 书房, en: The study }.');
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** Lists of plain phrases per language (used for must-not-reveal phrases). */
export const LocalizedPhrasesSchema = z
  .object({
    zh: z.array(z.string().min(1)).optional(),
    en: z.array(z.string().min(1)).optional(),
  })
  .strict();
export type LocalizedPhrases = z.infer<typeof LocalizedPhrasesSchema>;
