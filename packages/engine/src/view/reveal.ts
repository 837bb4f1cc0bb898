import type { Reveal } from '@jubensha/protocol';
import type { Story } from '@jubensha/story';
import type { GameContext, Outcome } from '../context.js';
import { privateCharacter } from './seat.js';
import { text } from './text.js';

/** Everything, for everyone, once the reveal has started. */
export function revealView(story: Story, ctx: GameContext, outcome: Outcome): Reveal {
  const ending =
    story.endings.find((e) => e.id === outcome.ending) ?? story.endings[story.endings.length - 1];
  const endingView = (e: { id: string; title: Story['title']; text: Story['title'] }) => ({
    id: e.id,
    title: text(e.title),
    text: text(e.text),
  });
  return {
    truth: text(story.truth),
    culprits: [...story.culprits],
    ending: ending ? endingView(ending) : { id: outcome.ending, title: {}, text: {} },
    endings: story.endings.map(endingView),
    votes: { ...outcome.votes },
    tally: { ...outcome.tally },
    scores: outcome.scores.map((s) => {
      const character = story.characters.find((c) => c.id === s.character);
      return {
        character: s.character,
        points: s.points,
        goals: s.goals.map((g) => {
          const goal = character?.goals.find((x) => x.id === g.id);
          return {
            id: g.id,
            act: goal?.act ?? 1,
            points: goal?.points ?? 0,
            text: goal ? text(goal.text) : {},
            achieved: g.achieved,
          };
        }),
      };
    }),
    timeline: story.timeline.map((e) => ({
      day: e.day,
      at: e.at,
      until: e.until ?? null,
      who: [...e.who],
      location: e.location ?? null,
      place: e.place ? text(e.place) : null,
      what: text(e.what),
    })),
    characters: story.characters.map((c) => privateCharacter(story, c, story.acts)),
    clues: story.clues.map((c) => {
      const f = ctx.found.find((x) => x.clue === c.id);
      return {
        id: c.id,
        location: c.location,
        title: text(c.title),
        text: text(c.text),
        kind: c.kind,
        foundBy: f?.seat ?? null,
        published: f?.published ?? false,
      };
    }),
    debrief: text(story.debrief),
  };
}
