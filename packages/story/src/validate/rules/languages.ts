import { z } from 'zod';
import { formatPath } from '../../diagnostics/data-path.js';
import { actHeading } from '../../load/act-heading.js';
import { LANGUAGES } from '../../schema/common.js';
import { StorySchema } from '../../schema/story.js';
import type { Rule, RuleContext } from '../context.js';

type Path = (string | number)[];

/**
 * Every text carries every language the story declares. The walk follows the schema, not the data, so a
 * new LocalizedText field anywhere in the format is checked without touching this rule.
 */
export const checkLanguages: Rule = (context) => {
  walk(StorySchema, context.story, [], context);
};

function walk(schema: z.ZodType, data: unknown, path: Path, context: RuleContext): void {
  if (data === undefined || data === null) return;
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) {
    return walk(schema.unwrap() as z.ZodType, data, path, context);
  }
  if (schema instanceof z.ZodUnion) {
    for (const option of schema.options as z.ZodType[]) walk(option, data, path, context);
    return;
  }
  if (schema instanceof z.ZodArray && Array.isArray(data)) {
    data.forEach((item, i) => walk(schema.element as z.ZodType, item, [...path, i], context));
    return;
  }
  if (schema instanceof z.ZodObject && typeof data === 'object') {
    const shape = schema.shape as Record<string, z.ZodType>;
    if (isPerLanguage(shape)) return checkPresent(data as Record<string, unknown>, path, context);
    for (const [key, child] of Object.entries(shape)) {
      walk(child, (data as Record<string, unknown>)[key], [...path, key], context);
    }
  }
}

function isPerLanguage(shape: Record<string, z.ZodType>): boolean {
  const keys = Object.keys(shape);
  return keys.length === LANGUAGES.length && LANGUAGES.every((l) => keys.includes(l));
}

function checkPresent(value: Record<string, unknown>, path: Path, context: RuleContext): void {
  // Phrases in no language are a secret with nothing to hide; phrases in one language only are a gap.
  if (path[path.length - 1] === 'mustNotReveal' && LANGUAGES.every((l) => !hasPhrases(value[l]))) return;
  const isScript = path[0] === 'characters' && path[2] === 'script';
  for (const language of context.story.languages) {
    const text = value[language];
    if (text !== undefined && !(Array.isArray(text) && text.length === 0)) continue;
    if (isScript) {
      const act = Number(path[3]) + 1;
      context.report(
        'SCRIPT_ACT_MISSING',
        [...path, language],
        `${context.story.characters[Number(path[1])]?.id ?? '?'} has no ${language} script for act ${act}: add "## ${actHeading(act, language)}"`,
      );
    } else {
      context.report('LANG_MISSING', path, `${formatPath(path)} has no ${language} text`);
    }
  }
}

function hasPhrases(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0;
}
