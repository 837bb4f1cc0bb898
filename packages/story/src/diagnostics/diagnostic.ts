import type { DiagnosticCode } from './codes.js';

export type Severity = 'error' | 'warning';

/** One finding about a story, anchored at the offending node: file is relative to the working directory. */
export interface Diagnostic {
  severity: Severity;
  code: DiagnosticCode;
  message: string;
  file: string;
  line: number;
  col: number;
}

/** A place in a story file: 1-based line and column. */
export interface SourcePosition {
  file: string;
  line: number;
  col: number;
}

/** `path/to/file:line:col CODE message`, the form editors and terminals turn into links. */
export function formatDiagnostic(d: Diagnostic): string {
  const message = d.severity === 'warning' ? `warning: ${d.message}` : d.message;
  return `${d.file}:${d.line}:${d.col} ${d.code} ${message}`;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.code.localeCompare(b.code);
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/**
 * Finds where a part of a loaded story was written. `path` is a path into the `Story` object
 * (e.g. `['characters', 2, 'secrets', 0]`); `key` names a key of the object at `path`; `textOffset` is an index
 * into the string at `path`, for pointing at a phrase inside a script.
 */
export type Locate = (
  path: readonly (string | number)[],
  options?: { key?: string; textOffset?: number },
) => SourcePosition;
