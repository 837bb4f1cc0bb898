import { z } from 'zod';

/** Languages a story can be written in. A story declares which of them it carries. */
export const LANGUAGES = ['zh', 'en'] as const;
export const LanguageSchema = z.enum(LANGUAGES).describe('A story language: zh (简体中文) or en (English).');
export type Language = z.infer<typeof LanguageSchema>;

/**
 * Ids are what other parts of the story refer to: short and stable across languages (they are never shown to
 * players). Letters of any script, so a Chinese cast can be 林守正 rather than c1; never a capital, so two ids
 * never differ by case alone (characters/<id>.md on a case-blind file system). At most 40 letters, within the
 * protocol's refs of 64.
 */
export const ID_PATTERN = /^(?![^]*[\p{Lu}\p{Lt}])\p{L}[\p{L}\p{M}\p{N}-]{0,39}$/u;
export const IdSchema = z
  .string()
  .regex(
    ID_PATTERN,
    'an id is letters (any script, no capitals), digits and dashes, starting with a letter: tea-cup, 林守正',
  )
  .describe('A stable id: letters of any script (no capitals), digits and dashes, starting with a letter.');
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
