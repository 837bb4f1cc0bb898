import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures');

/** What a broken fixture must produce: `code` at `file` (relative to the story folder), `line`. */
export interface FixtureExpectation {
  code: string;
  file: string;
  line: number;
  /** Codes a fixture may also produce because one mistake breaks more than one rule. */
  also?: string[];
  /** Files of the base story this fixture deletes. */
  remove?: string[];
  /**
   * Found only by the AI seats' output guard, which `jubensha story validate` adds from @jubensha/agents
   * (apps/cli tests these fixtures; this package cannot depend on agents).
   */
  guard?: boolean;
}

/**
 * A broken fixture is the base story with some files replaced (the fixture folder holds the replacements,
 * whole files, so every expected line is a real line of a real file) and some removed. It is assembled in a
 * temporary folder named `base`, like the base story, so the id check holds unless the fixture breaks it.
 */
export async function copyBaseStory(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(path.join(tmpdir(), 'jubensha-fixture-'));
  const dir = path.join(root, 'base');
  await cp(path.join(FIXTURES, 'base'), dir, { recursive: true });
  return { dir, cleanup: () => rm(root, { recursive: true, force: true }) };
}

export async function materializeFixture(
  name: string,
): Promise<{ dir: string; expected: FixtureExpectation; cleanup: () => Promise<void> }> {
  const { dir, cleanup } = await copyBaseStory();
  await cp(path.join(FIXTURES, name), dir, {
    recursive: true,
    filter: (source) => path.basename(source) !== 'expected.json',
  });
  const expected = JSON.parse(
    await readFile(path.join(FIXTURES, name, 'expected.json'), 'utf8'),
  ) as FixtureExpectation;
  for (const file of expected.remove ?? []) await rm(path.join(dir, file));
  return { dir, expected, cleanup };
}
