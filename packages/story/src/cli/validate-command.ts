import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { loadStory } from '../load/load-story.js';
import type { LoadOptions } from '../load/load-story.js';
import type { CliIo } from './io.js';

/** `jubensha story validate <dir>...`: exit code 1 when any story has an error; warnings alone pass. */
export async function validateCommand(
  dirs: string[],
  format: 'human' | 'json',
  io: CliIo,
  options: LoadOptions = {},
): Promise<number> {
  const results: { dir: string; ok: boolean; diagnostics: Diagnostic[] }[] = [];
  for (const dir of dirs) {
    const { story, diagnostics } = await loadStory(dir, options);
    results.push({ dir, ok: story !== undefined, diagnostics });
  }
  if (format === 'json') {
    io.out(JSON.stringify(results, null, 2));
  } else {
    for (const { dir, ok, diagnostics } of results) {
      for (const d of diagnostics) io.out(formatDiagnostic(d));
      const errors = diagnostics.filter((d) => d.severity === 'error').length;
      const warnings = diagnostics.length - errors;
      io.out(`${dir}: ${ok ? 'ok' : 'FAILED'} (${errors} error(s), ${warnings} warning(s))`);
    }
  }
  return results.every((r) => r.ok) ? 0 : 1;
}
