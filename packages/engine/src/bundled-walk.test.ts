import type { Story } from '@jubensha/story';
import { describe } from 'vitest';
import { BUNDLED, loadBundled } from './testing/bundled.js';
import { walkStory } from './testing/walk-check.js';

const stories = new Map(await Promise.all(BUNDLED.map(async (id) => [id, await loadBundled(id)] as const)));

describe('state-space walk over the bundled stories', () => {
  for (const id of BUNDLED) walkStory(id, () => stories.get(id) as Story, 400, 60);
});
