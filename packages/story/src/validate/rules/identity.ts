import type { Rule, RuleContext } from '../context.js';

/** STORY_ID_MISMATCH and DUPLICATE_ID: ids are how everything refers to everything, so they must be unique. */
export const checkIdentity: Rule = (context) => {
  const { story, folder } = context;
  if (folder !== undefined && story.id !== folder) {
    context.report(
      'STORY_ID_MISMATCH',
      ['id'],
      `the story id "${story.id}" must equal its folder name "${folder}"`,
    );
  }
  unique(context, ['characters'], story.characters, 'character');
  unique(context, ['locations'], story.locations, 'location');
  unique(context, ['clues'], story.clues, 'clue');
  unique(context, ['endings'], story.endings, 'ending');
  unique(context, ['evidenceRoutes'], story.evidenceRoutes, 'evidence route');
  story.characters.forEach((character, i) => {
    unique(context, ['characters', i, 'secrets'], character.secrets, 'secret');
    unique(context, ['characters', i, 'goals'], character.goals, 'goal');
    if (character.cover)
      unique(context, ['characters', i, 'cover', 'claims'], character.cover.claims, 'claim');
  });
};

function unique(
  context: RuleContext,
  path: (string | number)[],
  items: readonly { id: string }[],
  kind: string,
) {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id))
      context.report('DUPLICATE_ID', [...path, i, 'id'], `a second ${kind} has the id "${item.id}"`);
    seen.add(item.id);
  });
}
