import type { LineIntent } from '@jubensha/story';
import type { AgentMemory } from '../character/memory.js';
import { claimsTold } from '../character/memory.js';
import type { ClueReadings } from '../decide/clue-reading.js';
import { incriminating } from '../decide/suspicion.js';
import type { Fact, Knowledge } from '../knowledge/knowledge.js';

/** The reply decided in code: what to do, and the only material the model may use for it. */
export interface IntentChoice {
  intent: LineIntent;
  /** Facts to state (fact, accuse, statement), never a secret. */
  facts: Fact[];
  /** The cover claim to tell (intent cover). */
  claim: { id: string; text: string } | null;
  /** The seat the reply is about or aimed at (ask, accuse). */
  target: string | null;
}

const ACCUSING =
  /凶手|杀了|杀害|害死|是你干的|你杀|撒谎|说谎|killer|killed|murder|suspect|did it|you lied|lying|guilty/i;

/**
 * Chooses the intent of a reply to `speech` (from `asker`). Rules, in order:
 * - a question that reaches a secret: tell its cover claim if the seat has one for that secret and no
 *   clue it has seen contradicts it; else withhold. Only a seat with authored cover claims ever lies,
 *   only with those claims, and a claim once told is told again (the ledger keeps it consistent).
 * - an accusation of this seat: a seat that may lie deflects; an honest one answers with facts.
 * - relevant facts that are safe to state: state them.
 * - nothing relevant: ask back.
 */
export function chooseReply(args: {
  speech: string;
  asker: string | null;
  seat: string;
  names: string[];
  knowledge: Knowledge;
  memory: AgentMemory;
  readings: ClueReadings;
}): IntentChoice {
  const { knowledge, memory } = args;
  // Being called by name says nothing about the question: without the names, the card stops winning every search.
  const asked = args.names.reduce((q, n) => q.split(n).join(' '), args.speech);
  const hits = knowledge.retrieve(asked, 8);
  const cover = knowledge.view.me?.character.cover ?? [];
  const none: IntentChoice = { intent: 'ask', facts: [], claim: null, target: args.asker };
  const secretHit = hits
    .slice(0, 3)
    .find((f) => f.secret !== null && !['goals', 'coaching', 'private'].includes(f.secret));
  const coverHit = hits.slice(0, 3).find((f) => f.kind === 'cover');
  const told = claimsTold(memory);
  const usable = (claimId: string) => !contradicted(knowledge, args.readings, args.seat, claimId);
  if (secretHit || coverHit) {
    const claim =
      cover.find((k) => coverHit?.ref === k.id && usable(k.id)) ??
      cover.find((k) => k.protects === secretHit?.secret && usable(k.id)) ??
      cover.find((k) => told.has(k.id) && secretHit && k.protects === secretHit.secret && usable(k.id));
    if (claim) {
      const text = knowledge.facts.find((f) => f.kind === 'cover' && f.ref === claim.id)?.text ?? '';
      return { intent: 'cover', facts: [], claim: { id: claim.id, text }, target: args.asker };
    }
    return { intent: 'withhold', facts: [], claim: null, target: args.asker };
  }
  // Someone with something to hide does not read out the clues against itself.
  const safe = hits
    .filter(isStatable)
    .filter(
      (f) => cover.length === 0 || f.kind !== 'clue' || !incriminating(args.seat, f.ref ?? '', args.readings),
    )
    .slice(0, 3);
  if (ACCUSING.test(args.speech) && mentionsMe(args.speech, args.names)) {
    if (cover.length > 0)
      return { intent: 'deflect', facts: safe.slice(0, 1), claim: null, target: args.asker };
    if (safe.length > 0) return { intent: 'fact', facts: safe, claim: null, target: args.asker };
    return { intent: 'deflect', facts: [], claim: null, target: args.asker };
  }
  if (safe.length > 0) return { intent: 'fact', facts: safe, claim: null, target: args.asker };
  return none;
}

/**
 * A fact the seat may state as its own: no secret, no goal, not a cover claim (a lie is its own
 * intent), and not someone else's words (repeating the table back is no answer).
 */
export function isStatable(f: Fact): boolean {
  return f.secret === null && ['profile', 'script', 'relationship', 'clue'].includes(f.kind);
}

function mentionsMe(speech: string, names: string[]): boolean {
  return names.some((n) => n.length > 0 && speech.toLowerCase().includes(n.toLowerCase()));
}

/** A claim the table could see through: a clue this seat has seen contradicts it. Telling it again is forced. */
function contradicted(knowledge: Knowledge, readings: ClueReadings, seat: string, claim: string): boolean {
  const seen = knowledge.facts.filter((f) => f.kind === 'clue' && f.ref !== null).map((f) => f.ref as string);
  const published = new Set((knowledge.view.table?.publishedClues ?? []).map((c) => c.id));
  return seen.some(
    (id) =>
      published.has(id) &&
      (readings[id]?.contradicts ?? []).some((k) => k.character === seat && k.claim === claim),
  );
}
