import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { Diagnostic, Locate, Severity } from '../diagnostics/diagnostic.js';
import type { Story } from '../schema/story.js';
import { analyseFindability } from './findability.js';
import type { Findability } from './findability.js';

type Path = readonly (string | number)[];

/** What every rule gets: the story, where its parts were written, and a way to report. */
export interface RuleContext {
  story: Story;
  /** The story folder's name, when the story came from a folder. */
  folder: string | undefined;
  /** Which clues can be found and when; several rules need it, so it is worked out once. */
  findability: Findability;
  /** Where a part of the story was written, for a message that points at a second place. */
  locate: Locate;
  report(
    code: DiagnosticCode,
    path: Path,
    message: string,
    options?: { severity?: Severity; key?: string; textOffset?: number },
  ): void;
}

export type Rule = (context: RuleContext) => void;

export function createContext(
  story: Story,
  locate: Locate,
  folder: string | undefined,
): { context: RuleContext; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const context: RuleContext = {
    story,
    folder,
    findability: analyseFindability(story),
    locate,
    report(code, path, message, options = {}) {
      const at = locate(path, options);
      diagnostics.push({ severity: options.severity ?? 'error', code, message, ...at });
    },
  };
  return { context, diagnostics };
}
