import { describe } from 'vitest';
import { tinyStory } from './testing/tiny-story.js';
import { walkStory } from './testing/walk-check.js';

describe('state-space walk', () => {
  walkStory('tiny-manor', tinyStory, 1000, 60);
});
