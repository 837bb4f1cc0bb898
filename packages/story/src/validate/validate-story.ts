import type { Diagnostic, Locate } from '../diagnostics/diagnostic.js';
import { compareDiagnostics } from '../diagnostics/diagnostic.js';
import type { Story } from '../schema/story.js';
import { createContext } from './context.js';
import type { Rule } from './context.js';
import { checkCover } from './rules/cover.js';
import { checkEndings } from './rules/endings.js';
import { checkFindability } from './rules/findability.js';
import { checkIdentity } from './rules/identity.js';
import { checkLanguages } from './rules/languages.js';
import { checkPhasePlan } from './rules/phase-plan.js';
import { checkReadingLoad } from './rules/reading-load.js';
import { checkReferences } from './rules/references.js';
import { checkSecrets } from './rules/secrets.js';
import { checkSolvability } from './rules/solvability.js';
import { checkTimeline } from './rules/timeline.js';

const RULES: readonly Rule[] = [
  checkIdentity,
  checkReferences,
  checkLanguages,
  checkPhasePlan,
  checkFindability,
  checkTimeline,
  checkSecrets,
  checkSolvability,
  checkEndings,
  checkCover,
  checkReadingLoad,
];

export interface ValidateOptions {
  /** Where each part of the story was written; the loader passes this. Default: everything at story.yaml:1:1. */
  locate?: Locate;
  /** The folder the story was loaded from, for the id check. */
  folder?: string;
  /**
   * More rules, run after the format's own: checks this package cannot make because their code lives
   * downstream (the CLI adds the AI seats' output guard from @jubensha/agents, which depends on this package).
   */
  rules?: readonly Rule[];
}

/**
 * The checks a schema cannot express, run on a schema-valid `Story`: references, languages, phase plan,
 * findability, timeline, secrets, solvability, endings, cover stories, reading load. Pure: no I/O.
 */
export function validateStory(story: Story, options: ValidateOptions = {}): Diagnostic[] {
  const locate: Locate = options.locate ?? (() => ({ file: `${story.id}/story.yaml`, line: 1, col: 1 }));
  const { context, diagnostics } = createContext(story, locate, options.folder);
  for (const rule of [...RULES, ...(options.rules ?? [])]) rule(context);
  return diagnostics.sort(compareDiagnostics);
}
