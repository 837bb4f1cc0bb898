import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { StorySummary } from '@jubensha/protocol';
import { formatDiagnostic, loadStory, type Story } from '@jubensha/story';

/** The stories this server offers, loaded once at start-up. */
export class StoryCatalog {
  private constructor(private readonly stories: Map<string, Story>) {}

  /** Loads every story folder under `dir`; a story with errors is skipped and reported. */
  static async load(dir: string, warn: (msg: string) => void): Promise<StoryCatalog> {
    const entries = await readdir(dir, { withFileTypes: true });
    const stories = new Map<string, Story>();
    // A linked story folder is a story too (the loader reads only inside where it leads); a link to
    // anything else is said, not silently passed over.
    const folders = [];
    for (const e of entries) {
      if (e.isDirectory()) folders.push(e);
      else if (e.isSymbolicLink()) {
        const target = await stat(join(dir, e.name)).catch(() => null);
        if (target?.isDirectory()) folders.push(e);
        else warn(`${join(dir, e.name)} is a link to no story folder and is not offered`);
      }
    }
    for (const e of folders.sort((a, b) => a.name.localeCompare(b.name))) {
      const { story, diagnostics } = await loadStory(join(dir, e.name));
      if (story) stories.set(story.id, story);
      else
        warn(
          `story ${e.name} has errors and is not offered:\n${diagnostics
            .filter((d) => d.severity === 'error')
            .slice(0, 5)
            .map(formatDiagnostic)
            .join('\n')}`,
        );
    }
    return new StoryCatalog(stories);
  }

  static of(stories: Story[]): StoryCatalog {
    return new StoryCatalog(new Map(stories.map((s) => [s.id, s])));
  }

  get(id: string): Story | undefined {
    return this.stories.get(id);
  }

  get size(): number {
    return this.stories.size;
  }

  /** The box text of each story: public fields only, listed field by field. */
  summaries(): StorySummary[] {
    return [...this.stories.values()].map((s) => ({
      id: s.id,
      title: { ...s.title },
      blurb: { ...s.blurb },
      languages: [...s.languages],
      genre: s.genre,
      durationMinutes: s.durationMinutes,
      contentWarnings: s.contentWarnings.map((w) => ({ ...w })),
      seats: s.characters.map((c) => ({ seat: c.id, name: { ...c.name }, profile: { ...c.profile } })),
    }));
  }
}
