import { readdir, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { compareDiagnostics, hasErrors } from '../diagnostics/diagnostic.js';
import type { LocalizedText } from '../schema/common.js';
import { withExtendedUntil } from '../schema/clock.js';
import { IdSchema, LANGUAGES } from '../schema/common.js';
import { StoryFileSchema } from '../schema/story-file.js';
import type { Character, Story } from '../schema/story.js';
import type { Rule } from '../validate/context.js';
import { validateStory } from '../validate/validate-story.js';
import { parseCharacterFile } from './character-file.js';
import type { CharacterFile } from './character-file.js';
import { parseDebriefFile } from './debrief-file.js';
import { parseWithSchema } from './schema-issues.js';
import { storyLocator } from './story-locator.js';
import { parseYamlSource } from './yaml-source.js';

export interface LoadResult {
  /** The assembled story; undefined when any diagnostic is an error. */
  story: Story | undefined;
  /** Every finding, sorted by file and line; paths are relative to the working directory. */
  diagnostics: Diagnostic[];
}

export interface LoadOptions {
  /** Rules to run after the validator's own (see ValidateOptions.rules). */
  rules?: readonly Rule[];
}

/**
 * Loads a story folder (story.yaml, characters/<id>.md, debrief.md), checks it with the schema and every
 * validator rule, and returns it as plain JSON. Bad input never throws: it comes back as diagnostics.
 */
export async function loadStory(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const diagnostics: Diagnostic[] = [];
  const done = (story: Story | undefined): LoadResult => {
    diagnostics.sort(compareDiagnostics);
    return { story: hasErrors(diagnostics) ? undefined : story, diagnostics };
  };
  const rel = (...parts: string[]) => path.relative(process.cwd(), path.resolve(dir, ...parts)) || '.';
  // Every file is read from inside the story's folder, links resolved: a story someone hands over cannot make
  // the server read (and show at the debrief) a file of the machine, through `debrief: ../…` or a symlink.
  const root = await realpath(dir).catch(() => path.resolve(dir));
  /** A file's text; undefined when it does not exist, null when it leads outside the folder (reported at `at`). */
  const readText = async (
    file: string,
    at?: { file: string; line: number; col: number },
  ): Promise<string | undefined | null> => {
    const real = await realpath(file).catch(() => null);
    if (real === null) return undefined;
    if (real !== root && !real.startsWith(root + path.sep)) {
      const shown = path.relative(process.cwd(), file) || file;
      diagnostics.push({
        severity: 'error',
        code: 'FILE_OUTSIDE_STORY',
        message: `${shown} leads outside the story's folder (to ${real}); a story reads only its own files`,
        ...(at ?? { file: shown, line: 1, col: 1 }),
      });
      return null;
    }
    return readFile(real, 'utf8').catch(() => undefined);
  };
  const storyFile = rel('story.yaml');
  const storyText = await readText(path.resolve(dir, 'story.yaml'));
  if (storyText === undefined || storyText === null) {
    if (storyText === undefined)
      diagnostics.push(missing(storyFile, { file: storyFile, line: 1, col: 1 }, 'story.yaml'));
    return done(undefined);
  }
  const parsed = parseYamlSource(storyText, storyFile, 1);
  diagnostics.push(...parsed.diagnostics);
  if (parsed.source.data === undefined && hasErrors(parsed.diagnostics)) return done(undefined);
  const storySource = parsed.source;
  const { value: file, diagnostics: schemaIssues } = parseWithSchema(StoryFileSchema, storySource);
  diagnostics.push(...schemaIssues);

  // Character files are read even when story.yaml has schema errors, so an author sees everything at once.
  const ids = characterIds(storySource.data);
  const characters: (CharacterFile | undefined)[] = [];
  for (const [index, id] of ids.entries()) {
    if (id === undefined) {
      characters.push(undefined);
      continue;
    }
    const characterFile = rel('characters', `${id}.md`);
    const text = await readText(path.resolve(dir, 'characters', `${id}.md`));
    if (text === undefined || text === null) {
      if (text === undefined)
        diagnostics.push(
          missing(characterFile, storySource.locate(['characters', index, 'id']), `characters/${id}.md`),
        );
      characters.push(undefined);
      continue;
    }
    const character = parseCharacterFile(text, characterFile);
    diagnostics.push(...character.diagnostics);
    characters.push(character.character);
  }
  for (const name of await listMarkdown(path.resolve(dir, 'characters'))) {
    if (!ids.includes(name.slice(0, -'.md'.length))) {
      diagnostics.push({
        severity: 'warning',
        code: 'CHARACTER_FILE_EXTRA',
        message: `characters/${name} belongs to no character of story.yaml`,
        file: rel('characters', name),
        line: 1,
        col: 1,
      });
    }
  }

  const debriefName = typeof file?.debrief === 'string' ? file.debrief : 'debrief.md';
  const debriefFile = rel(debriefName);
  const debriefAt = storySource.locate(['debrief']);
  const debriefText = await readText(
    path.resolve(dir, debriefName),
    typeof file?.debrief === 'string' && debriefName !== 'debrief.md' ? debriefAt : undefined,
  );
  if (debriefText === undefined) diagnostics.push(missing(debriefFile, debriefAt, debriefName));
  // One finding for a debrief outside the folder: its (unread) sections are not reported missing too.
  const debrief = parseDebriefFile(debriefText ?? '', debriefFile);
  if (debriefText !== null) diagnostics.push(...debrief.diagnostics);

  if (file === undefined || hasErrors(diagnostics)) return done(undefined);

  const acts = file.phases.filter((p) => p.kind === 'read').length;
  const assembled: Character[] = [];
  for (const [index, profile] of file.characters.entries()) {
    const character = characters[index];
    if (!character?.frontMatter) return done(undefined);
    for (const [act, sections] of character.acts) {
      if (act <= acts) continue;
      for (const section of sections.values()) {
        diagnostics.push({
          severity: 'error',
          code: 'REF_ACT',
          message: `act ${act} does not exist: the phase plan reads ${acts} act(s)`,
          file: character.file,
          line: section.line,
          col: 1,
        });
      }
    }
    const script: LocalizedText[] = Array.from({ length: acts }, (_, a) => {
      const text: LocalizedText = {};
      for (const language of LANGUAGES) {
        const section = character.acts.get(a + 1)?.get(language);
        if (section && section.text !== '') text[language] = section.text;
      }
      return text;
    });
    assembled.push({ ...profile, ...character.frontMatter, script });
  }
  const debriefByLanguage: LocalizedText = {};
  for (const [language, section] of debrief.sections)
    if (section.text !== '') debriefByLanguage[language] = section.text;

  const { $schema: _schema, characters: _profiles, debrief: _debriefName, ...rest } = file;
  // A rolled-over end (23:00 until 00:10) is handed on as 24:10: the engine and the agents add a time to its
  // day as they read it, and would otherwise put the end before the start.
  const story: Story = {
    ...rest,
    ...(rest.incident ? { incident: withExtendedUntil(rest.incident) } : {}),
    timeline: rest.timeline.map(withExtendedUntil),
    characters: assembled,
    debrief: debriefByLanguage,
    acts,
  };
  const locate = storyLocator({
    story: storySource,
    characters,
    debrief: { file: debriefFile, sections: debrief.sections },
  });
  diagnostics.push(
    ...validateStory(story, {
      locate,
      folder: path.basename(path.resolve(dir)),
      ...(options.rules ? { rules: options.rules } : {}),
    }),
  );
  return done(story);
}

function missing(file: string, at: { file: string; line: number; col: number }, name: string): Diagnostic {
  return { severity: 'error', code: 'FILE_MISSING', message: `${name} is missing (${file})`, ...at };
}

async function listMarkdown(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((n) => n.endsWith('.md')).sort();
  } catch {
    return [];
  }
}

/** The character ids as written, even when the rest of story.yaml fails the schema. */
function characterIds(data: unknown): (string | undefined)[] {
  if (typeof data !== 'object' || data === null) return [];
  const list = (data as { characters?: unknown }).characters;
  if (!Array.isArray(list)) return [];
  return list.map((c: unknown) => {
    const id = typeof c === 'object' && c !== null ? (c as { id?: unknown }).id : undefined;
    return IdSchema.safeParse(id).success ? (id as string) : undefined;
  });
}
