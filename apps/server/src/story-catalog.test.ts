import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { StoryCatalog } from './story-catalog.js';

const STORIES = fileURLToPath(new URL('../../../scripts-stories/', import.meta.url));

describe('StoryCatalog', () => {
  it('offers a linked story folder, and says so when a link leads to no folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jubensha-catalog-'));
    try {
      await symlink(join(STORIES, 'last-curtain'), join(dir, 'last-curtain'));
      await symlink(join(dir, 'nowhere'), join(dir, 'dangling'));
      const warnings: string[] = [];
      const catalog = await StoryCatalog.load(dir, (m) => warnings.push(m));
      expect(catalog.get('last-curtain')?.id).toBe('last-curtain');
      expect(warnings).toEqual([`${join(dir, 'dangling')} is a link to no story folder and is not offered`]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
