import { describe, expect, it } from 'vitest';
import { StoryFileSchema } from '@jubensha/story';
describe('wiring', () => {
  it('imports story schemas across packages', () => {
    expect(StoryFileSchema.safeParse({}).success).toBe(false);
  });
});
