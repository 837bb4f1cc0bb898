import type { ClueCard, PrivateCharacter, SeatPrivate } from '@jubensha/protocol';
import type { Character, Story } from '@jubensha/story';
import { phaseAt, type GameContext } from '../context.js';
import { eligibleClues } from '../rules/search.js';
import { FRESH, type ProjectionMemo } from './memo.js';
import { chatMessage, clueCard } from './progress.js';
import { phrases, text } from './text.js';

/**
 * A character's private file up to `act` (its own seat sees acts reached; the reveal sees all).
 * In the lobby (act 0) nothing private is handed out yet, not even the voice or the cover story.
 */
export function privateCharacter(story: Story, c: Character, act: number): PrivateCharacter {
  const reading = act >= 1;
  return {
    id: c.id,
    voice: reading && c.voice ? text(c.voice) : null,
    script: c.script.slice(0, act).map(text),
    secrets: c.secrets
      .filter((s) => s.act <= act)
      .map((s) => ({ id: s.id, act: s.act, text: text(s.text), mustNotReveal: phrases(s.mustNotReveal) })),
    goals: c.goals
      .filter((g) => g.act <= act)
      .map((g) => ({ id: g.id, act: g.act, points: g.points, text: text(g.text) })),
    relationships: (reading ? c.relationships : []).map((r) => ({ with: r.with, text: text(r.text) })),
    cover:
      reading && c.cover
        ? c.cover.claims.map((k) => ({ id: k.id, protects: k.protects, text: text(k.text) }))
        : null,
    lines: (reading ? c.lines : []).map((l) => ({
      intent: l.intent,
      prompt: l.prompt ? text(l.prompt) : null,
      text: text(l.text),
    })),
    movements: (reading ? story.timeline : [])
      .filter((e) => e.who.includes(c.id))
      .map((e) => ({
        day: e.day,
        at: e.at,
        until: e.until ?? null,
        location: e.location ?? null,
        place: e.place ? text(e.place) : null,
        with: e.who.filter((w) => w !== c.id),
        what: text(e.what),
      })),
  };
}

/** What only this seat knows: its character up to the current act, its clues, talks and vote. */
export function seatPrivate(
  story: Story,
  ctx: GameContext,
  seat: string,
  memo: ProjectionMemo = FRESH,
): SeatPrivate | null {
  const character = story.characters.find((c) => c.id === seat);
  if (!character) return null;
  return {
    seat,
    character: memo.character(character, ctx.act, () => privateCharacter(story, character, ctx.act)),
    actionPoints: ctx.actionPoints[seat] ?? 0,
    clues: ctx.found
      .filter((f) => f.seat === seat)
      .map((f) => clueCard(story, f))
      .filter((c): c is ClueCard => c !== null),
    talks: ctx.talks
      .filter((t) => t.from === seat || t.to === seat)
      .map((t) => ({
        id: t.id,
        from: t.from,
        to: t.to,
        status: t.status,
        messages: memo.lines(`talk:${t.id}`, t.messages, chatMessage),
      })),
    vote: ctx.votes[seat] ?? null,
    finishedReading: ctx.finishedReading.includes(seat),
    searchedOut:
      phaseAt(story, ctx)?.kind === 'search'
        ? story.locations.filter((l) => eligibleClues(story, ctx, seat, l.id).length === 0).map((l) => l.id)
        : [],
  };
}
