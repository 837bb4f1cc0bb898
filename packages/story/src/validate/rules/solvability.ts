import type { Rule } from '../context.js';

/**
 * Solvability: at least two evidence routes that share no key clue, each findable and each pointing to every
 * culprit more strongly (summed pointsTo weights) than to any non-culprit.
 */
export const checkSolvability: Rule = ({ story, report, findability }) => {
  const { earliest } = findability;
  const clues = new Map(story.clues.map((c) => [c.id, c]));
  const culprits = new Set(story.culprits);
  const sound: Set<string>[] = [];
  story.evidenceRoutes.forEach((route, r) => {
    let ok = true;
    route.clues.forEach((id, k) => {
      if (clues.has(id) && !earliest.has(id)) {
        report(
          'ROUTE_UNFINDABLE',
          ['evidenceRoutes', r, 'clues', k],
          `the route ${route.id} uses ${id}, which can never be found`,
        );
        ok = false;
      }
    });
    const weight = new Map(story.characters.map((c) => [c.id, 0]));
    for (const id of route.clues) {
      for (const p of clues.get(id)?.pointsTo ?? [])
        weight.set(p.character, (weight.get(p.character) ?? 0) + p.weight);
    }
    const innocents = story.characters.filter((c) => !culprits.has(c.id));
    const strongestInnocent = Math.max(...innocents.map((c) => weight.get(c.id) ?? 0));
    const weak = story.culprits.filter((c) => !((weight.get(c) ?? 0) > strongestInnocent));
    if (weak.length > 0) {
      report(
        'ROUTE_WEAK',
        ['evidenceRoutes', r],
        `the route ${route.id} points to ${weak.join(', ')} with ${weak.map((c) => round(weight.get(c) ?? 0)).join(', ')}, not more than to an innocent (${round(strongestInnocent)})`,
      );
      ok = false;
    }
    if (ok) sound.push(new Set(route.clues.filter((id) => clues.get(id)?.kind === 'key')));
  });
  const independent = sound.some((a, i) => sound.some((b, j) => j > i && [...a].every((id) => !b.has(id))));
  if (!independent) {
    report(
      'ROUTES_NOT_INDEPENDENT',
      ['evidenceRoutes'],
      `${sound.length} sound evidence route(s), and no two of them share no key clue: the mystery needs two independent routes`,
    );
  }
};

function round(n: number): string {
  return String(Math.round(n * 100) / 100);
}
