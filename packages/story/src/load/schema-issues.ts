import type { z } from 'zod';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatPath } from '../diagnostics/data-path.js';
import type { YamlSource } from './yaml-source.js';

/**
 * Parses `source.data` with a zod schema and turns every issue into a SCHEMA diagnostic at the offending
 * node (an unknown key is reported at the key).
 */
export function parseWithSchema<S extends z.ZodType>(
  schema: S,
  source: YamlSource,
): { value: z.output<S> | undefined; diagnostics: Diagnostic[] } {
  const result = schema.safeParse(source.data ?? {});
  if (result.success) return { value: result.data, diagnostics: [] };
  const diagnostics = result.error.issues.flatMap((issue): Diagnostic[] => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    return keys.map((key) => {
      const fix = key === undefined ? undefined : source.quotedFix(path, key);
      const where = formatPath(key === undefined ? path : [...path, key]) || '(document)';
      return {
        severity: 'error',
        code: 'SCHEMA',
        message: fix
          ? `${where}: unknown key "${key ?? ''}", likely the rest of the text before it: inside { … } an unquoted ", " ends a text, so quote it: ${fix}`
          : `${where}: ${issue.message}`,
        ...source.locate(path, key),
      };
    });
  });
  return { value: undefined, diagnostics };
}
