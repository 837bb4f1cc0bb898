import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { storyJsonSchemas } from './json-schema.js';

describe('committed JSON Schemas', () => {
  it.each(Object.entries(storyJsonSchemas()))(
    '%s matches the zod schema (run npm run schema -w @jubensha/story)',
    async (name, text) => {
      const committed = await readFile(
        fileURLToPath(new URL(`../../schema/${name}`, import.meta.url)),
        'utf8',
      );
      expect(committed).toBe(text);
    },
  );

  it('leaves fields with defaults optional and keeps the descriptions for hover docs', () => {
    const story = JSON.parse(storyJsonSchemas()['story.schema.json']) as {
      required: string[];
      properties: Record<string, { description?: string }>;
    };
    expect(story.required).toContain('clues');
    expect(story.required).not.toContain('version');
    expect(story.required).not.toContain('debrief');
    expect(story.properties['premise']?.description).toMatch(/public/);
  });
});
