import { LINE_INTENTS } from '../schema/character-file.js';
import type { LineIntent } from '../schema/character-file.js';
import type { Story } from '../schema/story.js';
import { analyseFindability } from '../validate/findability.js';
import { searchRounds } from '../validate/search-rounds.js';
import { readingLoad } from './reading-load.js';
import type { ReadingLoad } from './reading-load.js';

export interface RouteStats {
  id: string;
  clues: string[];
  keyClues: string[];
  /** Summed pointsTo weight per character over the route's clues. */
  weights: Record<string, number>;
}

export interface StoryStats {
  id: string;
  acts: number;
  seats: number;
  reading: ReadingLoad[];
  /** Clues per search round, in plan order: how many become findable there, by kind. */
  rounds: {
    act: number;
    round: number;
    actionPoints: number;
    clues: number;
    key: number;
    redHerrings: number;
  }[];
  /** Clues per location. */
  locations: { id: string; cost: number; clues: number }[];
  unfindable: string[];
  routes: RouteStats[];
  /**
   * Authored lines per character and intent, and the intents it has none for: there an AI seat words its plan
   * from the zh/en templates (its profile for an introduction), and says a generic line when none fits.
   */
  lines: { character: string; intents: Record<LineIntent, number>; none: LineIntent[] }[];
}

/** What an author wants to see at a glance: who reads how much, where the clues are, how the routes score. Pure. */
export function storyStats(story: Story): StoryStats {
  const { earliest } = analyseFindability(story);
  const rounds = searchRounds(story).map((r) => {
    const clues = story.clues.filter((c) => c.act === r.act && c.round === r.round);
    return {
      act: r.act,
      round: r.round,
      actionPoints: r.actionPoints,
      clues: clues.length,
      key: clues.filter((c) => c.kind === 'key').length,
      redHerrings: clues.filter((c) => c.kind === 'red-herring').length,
    };
  });
  const byId = new Map(story.clues.map((c) => [c.id, c]));
  return {
    id: story.id,
    acts: story.acts,
    seats: story.characters.length,
    reading: readingLoad(story),
    rounds,
    locations: story.locations.map((l) => ({
      id: l.id,
      cost: l.cost,
      clues: story.clues.filter((c) => c.location === l.id).length,
    })),
    unfindable: story.clues.filter((c) => !earliest.has(c.id)).map((c) => c.id),
    lines: story.characters.map((c) => {
      const intents = Object.fromEntries(
        LINE_INTENTS.map((intent) => [intent, c.lines.filter((l) => l.intent === intent).length]),
      ) as Record<LineIntent, number>;
      return { character: c.id, intents, none: LINE_INTENTS.filter((intent) => intents[intent] === 0) };
    }),
    routes: story.evidenceRoutes.map((route) => {
      const weights: Record<string, number> = Object.fromEntries(story.characters.map((c) => [c.id, 0]));
      for (const id of route.clues) {
        for (const p of byId.get(id)?.pointsTo ?? []) {
          weights[p.character] = Math.round(((weights[p.character] ?? 0) + p.weight) * 100) / 100;
        }
      }
      return {
        id: route.id,
        clues: route.clues,
        keyClues: route.clues.filter((id) => byId.get(id)?.kind === 'key'),
        weights,
      };
    }),
  };
}
