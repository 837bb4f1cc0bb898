import type { Story } from '@jubensha/story';

/**
 * What reading a clue tells a player: whom it implicates (or clears) and whose claim it contradicts.
 * It is the author's interpretation of the clue's text, with no text of its own: an agent consults it
 * only for clues its view shows it, exactly as a human reads a clue card in front of them.
 */
export interface ClueReading {
  pointsTo: { character: string; weight: number }[];
  contradicts: { character: string; claim: string }[];
}

export type ClueReadings = Record<string, ClueReading>;

export function readClues(story: Story): ClueReadings {
  return Object.fromEntries(
    story.clues.map((c) => [
      c.id,
      {
        pointsTo: c.pointsTo.map((p) => ({ character: p.character, weight: p.weight })),
        contradicts: c.contradicts.map((k) => ({ character: k.character, claim: k.claim })),
      },
    ]),
  );
}
