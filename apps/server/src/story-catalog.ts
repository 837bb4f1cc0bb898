import { readdir } from 'node:fs/promises';
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
    for (const e of entries.filter((x) => x.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
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
