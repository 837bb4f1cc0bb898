import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyBaseStory } from '../testing/fixture-story.js';
import { loadStory } from './load-story.js';

const FILES = ['story.yaml', 'characters/alice.md', 'characters/bob.md', 'characters/carol.md', 'debrief.md'];

/** One edit an author (or a bad merge) might make: drop, repeat or cut a line, or type over a character. */
const edit = fc.record({
  file: fc.constantFrom(...FILES),
  kind: fc.constantFrom('drop', 'repeat', 'cut', 'type'),
  at: fc.nat(),
  text: fc.constantFrom(
    ':',
    '- ',
    '{',
    ']',
    '"',
    '  ',
    '\t',
    '## Act 7',
    '---',
    '&a',
    '*a',
    '#',
    'x: [',
    '第一幕',
  ),
});

describe('loadStory on damaged stories', () => {
  let story: { dir: string; cleanup: () => Promise<void> };
  const originals = new Map<string, string>();
  beforeAll(async () => {
    story = await copyBaseStory();
    for (const f of FILES) originals.set(f, await readFile(path.join(story.dir, f), 'utf8'));
  });
  afterAll(() => story.cleanup());

  it('never throws, and every error points at a real line of a real file', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 3 }), async (edits) => {
        const texts = new Map(originals);
        for (const e of edits) {
          const lines = (texts.get(e.file) ?? '').split('\n');
          const i = e.at % lines.length;
          const line = lines[i] ?? '';
          if (e.kind === 'drop') lines.splice(i, 1);
          if (e.kind === 'repeat') lines.splice(i, 0, line);
          if (e.kind === 'cut') lines[i] = line.slice(0, Math.floor(line.length / 2));
          if (e.kind === 'type')
            lines[i] =
              line.slice(0, e.at % (line.length + 1)) + e.text + line.slice(e.at % (line.length + 1));
          texts.set(e.file, lines.join('\n'));
        }
        for (const [f, t] of texts) await writeFile(path.join(story.dir, f), t);
        const { story: loaded, diagnostics } = await loadStory(story.dir);
        const errors = diagnostics.filter((d) => d.severity === 'error');
        expect(loaded === undefined).toBe(errors.length > 0);
        for (const d of diagnostics) {
          const file = FILES.find((f) => d.file.endsWith(f));
          expect(file, d.file).toBeDefined();
          const lineCount = (texts.get(file!) ?? '').split('\n').length;
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.line).toBeLessThanOrEqual(lineCount);
          expect(d.col).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 80, seed: 20261122 },
    );
  });
});
