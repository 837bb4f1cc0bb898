import type { Rule } from '../context.js';

/**
 * Every id resolves to the thing it names: locations, clues, characters, acts, secrets and cover claims.
 * Culprits that are not characters get their own code, since that mistake breaks the whole mystery.
 */
export const checkReferences: Rule = (context) => {
  const { story, report } = context;
  const characters = new Map(story.characters.map((c) => [c.id, c]));
  const locations = new Set(story.locations.map((l) => l.id));
  const clues = new Set(story.clues.map((c) => c.id));

  const character = (path: (string | number)[], id: string) => {
    if (!characters.has(id)) report('REF_CHARACTER', path, `no character has the id "${id}"`);
  };
  const clue = (path: (string | number)[], id: string) => {
    if (!clues.has(id)) report('REF_CLUE', path, `no clue has the id "${id}"`);
  };
  const act = (path: (string | number)[], n: number) => {
    if (n > story.acts)
      report('REF_ACT', path, `act ${n} does not exist: the phase plan reads ${story.acts} act(s)`);
  };

  story.clues.forEach((c, i) => {
    const at = ['clues', i];
    if (!locations.has(c.location))
      report('REF_LOCATION', [...at, 'location'], `no location has the id "${c.location}"`);
    act([...at, 'act'], c.act);
    c.hiddenUntil?.found?.forEach((id, k) => clue([...at, 'hiddenUntil', 'found', k], id));
    c.hiddenUntil?.published?.forEach((id, k) => clue([...at, 'hiddenUntil', 'published', k], id));
    c.findableBy?.forEach((id, k) => character([...at, 'findableBy', k], id));
    c.pointsTo.forEach((p, k) => character([...at, 'pointsTo', k, 'character'], p.character));
    c.contradicts.forEach((x, k) => {
      const target = characters.get(x.character);
      if (!target) return character([...at, 'contradicts', k, 'character'], x.character);
      if (!target.cover?.claims.some((claim) => claim.id === x.claim)) {
        report(
          'REF_CLAIM',
          [...at, 'contradicts', k, 'claim'],
          `${x.character} has no cover claim "${x.claim}"`,
        );
      }
    });
  });
  story.timeline.forEach((event, i) => {
    event.who.forEach((id, k) => character(['timeline', i, 'who', k], id));
    if (event.location !== undefined && !locations.has(event.location)) {
      report('REF_LOCATION', ['timeline', i, 'location'], `no location has the id "${event.location}"`);
    }
  });
  story.culprits.forEach((id, i) => {
    if (!characters.has(id))
      report('CULPRIT_NOT_CHARACTER', ['culprits', i], `the culprit "${id}" is not a character`);
  });
  story.endings.forEach((ending, i) => {
    const most = ending.when.mostVoted;
    if (most !== undefined && !['culprit', 'innocent', 'tie'].includes(most)) {
      character(['endings', i, 'when', 'mostVoted'], most);
    }
  });
  story.evidenceRoutes.forEach((route, i) =>
    route.clues.forEach((id, k) => clue(['evidenceRoutes', i, 'clues', k], id)),
  );
  story.characters.forEach((c, i) => {
    const at = ['characters', i];
    const secrets = new Set(c.secrets.map((s) => s.id));
    c.secrets.forEach((s, k) => act([...at, 'secrets', k, 'act'], s.act));
    c.goals.forEach((goal, k) => {
      act([...at, 'goals', k, 'act'], goal.act);
      const check = goal.check;
      if (check.kind === 'mostVoted') character([...at, 'goals', k, 'check', 'character'], check.character);
      if (check.kind === 'found' || check.kind === 'published' || check.kind === 'unpublished') {
        check.clues.forEach((id, m) => clue([...at, 'goals', k, 'check', 'clues', m], id));
      }
    });
    c.relationships.forEach((r, k) => character([...at, 'relationships', k, 'with'], r.with));
    c.cover?.claims.forEach((claim, k) => {
      if (!secrets.has(claim.protects)) {
        report(
          'REF_SECRET',
          [...at, 'cover', 'claims', k, 'protects'],
          `${c.id} has no secret "${claim.protects}"`,
        );
      }
    });
  });
};
