import type { Story } from '../schema/story.js';
import { searchRounds } from './search-rounds.js';

export interface Findability {
  /** For each findable clue id, the index (into searchRounds) of the earliest round it can be found in. */
  earliest: Map<string, number>;
  /** Clue ids on a hiddenUntil cycle: each waits, directly or not, on itself. */
  cyclic: Set<string>;
  /** Clue ids whose own (act, round) names no search round of the plan. */
  noRound: Set<string>;
}

/**
 * Which clues some seat can find, and how early. A clue is findable in a search round at or after its (act,
 * round) whose action points cover its location's cost, once every clue it waits on (hiddenUntil) is findable no
 * later than that round; published clues count as soon as they are found, since the finder may publish at once.
 */
export function analyseFindability(story: Story): Findability {
  const rounds = searchRounds(story);
  const costs = new Map(story.locations.map((l) => [l.id, l.cost]));
  const byId = new Map(story.clues.map((c) => [c.id, c]));
  const noRound = new Set<string>();
  const start = new Map<string, number>();
  for (const clue of story.clues) {
    const first = rounds.findIndex((r) => r.act === clue.act && r.round === clue.round);
    if (first < 0) noRound.add(clue.id);
    else start.set(clue.id, first);
  }
  const waitsOn = (id: string) => {
    const h = byId.get(id)?.hiddenUntil;
    return [...(h?.found ?? []), ...(h?.published ?? [])].filter((d) => byId.has(d));
  };

  const earliest = new Map<string, number>();
  for (let changed = true; changed;) {
    changed = false;
    for (const clue of story.clues) {
      const from = start.get(clue.id);
      if (from === undefined) continue;
      const deps = waitsOn(clue.id);
      if (!deps.every((d) => earliest.has(d))) continue;
      const after = Math.max(from, ...deps.map((d) => earliest.get(d) ?? 0));
      const cost = costs.get(clue.location) ?? Infinity;
      const at = rounds.findIndex((r, i) => i >= after && r.actionPoints >= cost);
      if (at >= 0 && at !== earliest.get(clue.id)) {
        earliest.set(clue.id, at);
        changed = true;
      }
    }
  }
  return {
    earliest,
    cyclic: cyclicClues(
      story.clues.map((c) => c.id),
      waitsOn,
    ),
    noRound,
  };
}

/** Nodes that can reach themselves (Tarjan's strongly connected components, small graphs only). */
function cyclicClues(ids: string[], edges: (id: string) => string[]): Set<string> {
  const cyclic = new Set<string>();
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  let counter = 0;
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || edges(v).includes(v)) component.forEach((c) => cyclic.add(c));
    }
  };
  for (const id of ids) if (!index.has(id)) visit(id);
  return cyclic;
}
