import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from './diagnostics/diagnostic.js';
import { loadStory } from './load/load-story.js';

const STORIES = fileURLToPath(new URL('../../../scripts-stories/', import.meta.url));
const bundled = readdirSync(STORIES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(path.join(STORIES, entry.name, 'story.yaml')))
  .map((entry) => entry.name);

describe('bundled stories', () => {
  it('exist', () => {
    expect(bundled.length).toBeGreaterThanOrEqual(1);
  });

  it.each(bundled)('%s validates with no errors and no warnings', async (name) => {
    const { story, diagnostics } = await loadStory(path.join(STORIES, name));
    expect(diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(story?.id).toBe(name);
  });
});
