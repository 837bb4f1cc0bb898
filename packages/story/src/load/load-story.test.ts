import { cp, mkdir, mkdtemp, readFile, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { StorySchema } from '../schema/story.js';
import { loadStory } from './load-story.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures');
const valid = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/valid');

async function copyStory(from: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(path.join(tmpdir(), 'jubensha-story-'));
  const dir = path.join(root, path.basename(from));
  await cp(from, dir, { recursive: true });
  return { dir, cleanup: () => rm(root, { recursive: true, force: true }) };
}

describe('loadStory', () => {
  it('loads the base fixture into a plain-JSON Story with no diagnostics', async () => {
    const { story, diagnostics } = await loadStory(path.join(fixtures, 'base'));
    expect(diagnostics).toEqual([]);
    expect(story).toBeDefined();
    expect(StorySchema.parse(story)).toEqual(story);
    expect(JSON.parse(JSON.stringify(story))).toEqual(story);
    expect(story!.acts).toBe(2);
    const alice = story!.characters[0]!;
    expect(alice.id).toBe('alice');
    expect(alice.script[1]!.zh).toBe('其他人找到了茶杯。保持冷静，多说你对舅舅的感情。');
    expect(alice.script[0]!.en).toMatch(/^You are Alice\./);
    expect(story!.debrief.en).toMatch(/^Alice poisoned the tea/);
    expect(story!.locations[0]!.cost).toBe(1);
  });

  it('reads no file outside the story folder: not through a link, not through a debrief path that leaves it', async () => {
    const { dir, cleanup } = await copyStory(path.join(fixtures, 'base'));
    try {
      const secret = path.join(path.dirname(dir), 'secret.md');
      await writeFile(secret, '## English\n\nroot:x:0:0\n\n## 中文\n\nroot:x:0:0\n');
      await unlink(path.join(dir, 'debrief.md'));
      await symlink(secret, path.join(dir, 'debrief.md'));
      const linked = await loadStory(dir);
      expect(linked.story).toBeUndefined();
      expect(linked.diagnostics.map((d) => d.code)).toContain('FILE_OUTSIDE_STORY');
      expect(JSON.stringify(linked)).not.toContain('root:x:0:0');
      await unlink(path.join(dir, 'debrief.md'));
      const yaml = path.join(dir, 'story.yaml');
      await writeFile(yaml, `${await readFile(yaml, 'utf8')}\ndebrief: ../secret.md\n`);
      const escaped = await loadStory(dir);
      expect(escaped.diagnostics.map((d) => d.code)).toContain('FILE_OUTSIDE_STORY');
      expect(JSON.stringify(escaped)).not.toContain('root:x:0:0');
      // A link that stays inside the folder is read as the file it points at.
      await writeFile(
        yaml,
        (await readFile(yaml, 'utf8')).replace('debrief: ../secret.md', 'debrief: notes/end.md'),
      );
      await cp(path.join(fixtures, 'base', 'debrief.md'), path.join(dir, 'kept.md'));
      await mkdir(path.join(dir, 'notes'));
      await symlink(path.join(dir, 'kept.md'), path.join(dir, 'notes', 'end.md'));
      const inside = await loadStory(dir);
      expect(inside.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(inside.story?.debrief.en).toMatch(/^Alice poisoned the tea/);
    } finally {
      await cleanup();
    }
  });

  it('loads a night that crosses midnight and hands a rolled-over until on as 24:10', async () => {
    const { story, diagnostics } = await loadStory(path.join(valid, 'midnight'));
    expect(diagnostics).toEqual([]);
    expect(story!.incident).toEqual({ day: 0, at: '23:45', until: '24:30' });
    expect(story!.timeline.map((e) => [e.day, e.at, e.until])).toEqual([
      [0, '23:00', '24:10'],
      [0, '24:05', undefined],
      [1, '00:20', '01:00'],
    ]);
  });

  it('reads a rolled-over until when it looks for one person in two places', async () => {
    const { dir, cleanup } = await copyStory(path.join(valid, 'midnight'));
    try {
      const file = path.join(dir, 'story.yaml');
      // Bob is in the garden until 00:10; the clinic at 00:05 overlaps only if the until is the next day.
      await writeFile(file, (await readFile(file, 'utf8')).replace("at: '00:20'", "at: '00:05'"));
      const { diagnostics } = await loadStory(dir);
      expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['TIMELINE_CONFLICT', 97]]);
    } finally {
      await cleanup();
    }
  });

  it('loads ids in Chinese and a secret with no must-not-reveal phrase', async () => {
    const { story, diagnostics } = await loadStory(path.join(valid, 'unicode-ids'));
    expect(diagnostics).toEqual([]);
    expect(story!.characters.map((c) => c.id)).toEqual(['爱丽丝', '鲍勃', '卡罗尔']);
    expect(story!.characters[2]!.secrets[1]).toMatchObject({ id: '下棋', mustNotReveal: {} });
  });

  it('reports a missing folder as FILE_MISSING instead of throwing', async () => {
    const { story, diagnostics } = await loadStory(path.join(fixtures, 'no-such-story'));
    expect(story).toBeUndefined();
    expect(diagnostics).toMatchObject([{ code: 'FILE_MISSING', line: 1, col: 1 }]);
    expect(diagnostics[0]!.file).toBe(
      path.relative(process.cwd(), path.join(fixtures, 'no-such-story/story.yaml')),
    );
  });
});
