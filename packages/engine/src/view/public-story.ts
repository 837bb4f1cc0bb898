import type { PlanStep, PublicStory } from '@jubensha/protocol';
import type { Phase, Story } from '@jubensha/story';
import { text } from './text.js';

function planStep(p: Phase): PlanStep {
  const step: PlanStep = { kind: p.kind };
  if (p.kind === 'read') step.act = p.act;
  if (p.kind === 'search') {
    step.round = p.round;
    step.actionPoints = p.actionPoints;
  }
  if (p.kind === 'discuss') step.mode = p.mode;
  if ('minutes' in p && p.minutes !== undefined) step.minutes = p.minutes;
  return step;
}

/** What the box and the table tell everyone: no script, secret, culprit, timeline or ending. */
export function publicStory(story: Story): PublicStory {
  return {
    id: story.id,
    languages: [...story.languages],
    title: text(story.title),
    blurb: text(story.blurb),
    premise: text(story.premise),
    victim: story.victim ? { name: text(story.victim.name), aliases: story.victim.aliases.map(text) } : null,
    incident: story.incident
      ? { day: story.incident.day, at: story.incident.at, until: story.incident.until ?? null }
      : null,
    contentWarnings: story.contentWarnings.map(text),
    characters: story.characters.map((c) => ({ id: c.id, name: text(c.name), profile: text(c.profile) })),
    locations: story.locations.map((l) => ({
      id: l.id,
      name: text(l.name),
      description: l.description ? text(l.description) : null,
      cost: l.cost,
    })),
    plan: story.phases.map(planStep),
  };
}
