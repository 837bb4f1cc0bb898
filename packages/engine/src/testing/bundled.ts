import { fileURLToPath } from 'node:url';
import { loadStory, type Story } from '@jubensha/story';

/** The stories shipped in scripts-stories/ that the engine's tests play. */
export const BUNDLED = ['rain-tea-hills', 'last-curtain'] as const;

/** Loads a bundled story through the real loader; a story with errors fails the test that asks. */
export async function loadBundled(id: string): Promise<Story> {
  const dir = fileURLToPath(new URL(`../../../../scripts-stories/${id}`, import.meta.url));
  const { story, diagnostics } = await loadStory(dir);
  if (!story)
    throw new Error(
      `${id} does not load: ${JSON.stringify(diagnostics.filter((d) => d.severity === 'error').slice(0, 3))}`,
    );
  return story;
}
