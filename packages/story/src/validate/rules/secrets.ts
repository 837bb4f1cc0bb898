import type { Language, LocalizedText } from '../../schema/common.js';
import { formatPath } from '../../diagnostics/data-path.js';
import type { Rule } from '../context.js';

type Path = (string | number)[];

/** A text some seat can see before the reveal; `owner` is the one character whose own script it is. */
interface VisibleText {
  path: Path;
  text: LocalizedText;
  owner?: string;
}

/**
 * No must-not-reveal phrase of a character appears in text another seat can see before the reveal: public
 * story text, clues, other characters' scripts, and every authored line (lines are spoken at the table, so
 * even the owner's count). English matches ignore case.
 */
export const checkSecrets: Rule = ({ story, report }) => {
  const visible: VisibleText[] = [
    { path: ['title'], text: story.title },
    { path: ['blurb'], text: story.blurb },
    { path: ['premise'], text: story.premise },
    ...story.contentWarnings.map((text, i) => ({ path: ['contentWarnings', i], text })),
    ...story.locations.flatMap((l, i) => [
      { path: ['locations', i, 'name'], text: l.name },
      ...(l.description ? [{ path: ['locations', i, 'description'], text: l.description }] : []),
    ]),
    ...story.clues.flatMap((c, i) => [
      { path: ['clues', i, 'title'], text: c.title },
      { path: ['clues', i, 'text'], text: c.text },
    ]),
    ...story.characters.flatMap((c, i) => [
      { path: ['characters', i, 'name'], text: c.name },
      { path: ['characters', i, 'profile'], text: c.profile },
      ...c.lines.map((line, k) => ({ path: ['characters', i, 'lines', k, 'text'], text: line.text })),
      ...c.script.map((text, a) => ({ path: ['characters', i, 'script', a], text, owner: c.id })),
    ]),
  ];
  for (const character of story.characters) {
    for (const secret of character.secrets) {
      for (const [language, phrases] of Object.entries(secret.mustNotReveal) as [Language, string[]][]) {
        for (const phrase of phrases) {
          for (const { path, text, owner } of visible) {
            const value = text[language];
            if (value === undefined || owner === character.id) continue;
            const offset = find(value, phrase, language);
            if (offset < 0) continue;
            report(
              'SECRET_LEAK',
              [...path, language],
              `"${phrase}" (must not reveal: ${character.id}'s secret ${secret.id}) appears in ${describe(path)}, which other seats see before the reveal`,
              {
                textOffset: offset,
              },
            );
          }
        }
      }
    }
  }
};

function find(text: string, phrase: string, language: Language): number {
  return language === 'en' ? text.toLowerCase().indexOf(phrase.toLowerCase()) : text.indexOf(phrase);
}

function describe(path: Path): string {
  if (path[0] === 'characters' && path[2] === 'script')
    return `another character's act ${Number(path[3]) + 1} script`;
  return formatPath(path);
}
