import type { Board, Movement, OwnClaim, Said } from '../board/board.js';
import type { ClueNote } from '../board/clue-notes.js';
import { claimsTold, type AgentMemory } from '../character/memory.js';
import type { Belief } from '../decide/belief.js';
import { pick, sentences } from '../text/localized.js';
import { firstPerson } from '../text/person.js';
import { COACHING, secretTeller } from '../knowledge/knowledge.js';
import { VICTIM } from '../understand/lexicon.js';
import { parseTimes, spansMeet, type TimeSpan } from '../understand/times.js';
import type { Plan } from './plan.js';

export interface PolicyContext {
  board: Board;
  memory: AgentMemory;
  /** The seat's suspicions, strongest first (never itself). */
  belief: Belief[];
}

/** The span a where/saw question asks about: its clock time, else the incident. */
function askedSpan(line: Said, board: Board): { span: TimeSpan | null; incident: boolean } {
  const t = line.u.times[0];
  if (t) return { span: t, incident: board.incident !== null && spansMeet(t, board.incident) };
  return { span: board.incident, incident: true };
}

/** The cover claim that answers a question about this span or place, the one told before first. */
export function claimFor(
  board: Board,
  memory: AgentMemory,
  q: { span?: TimeSpan | null; places?: string[]; clues?: string[]; people?: string[]; incident?: boolean },
): OwnClaim | null {
  const told = claimsTold(memory);
  const score = (k: OwnClaim) => {
    let s = 0;
    if (q.span && k.span && spansMeet(q.span, k.span, 10)) s += 3;
    if (q.incident && k.span && board.incident && spansMeet(k.span, board.incident, 10)) s += 2;
    for (const p of q.places ?? []) if (k.places.includes(p) || k.denied.includes(p)) s += 2;
    for (const c of q.clues ?? [])
      if (
        k.clues.includes(c) ||
        claimNamesClue(
          k,
          board.clues.find((x) => x.id === c),
        )
      )
        s += 3;
    for (const p of q.people ?? []) if (k.people.includes(p)) s += 2;
    return s;
  };
  const ranked = board.claims
    .map((k) => ({ k, s: score(k) + (told.has(k.id) ? 0.5 : 0) }))
    .filter((x) => x.s >= 2)
    .sort((a, b) => b.s - a.s);
  return ranked[0]?.k ?? null;
}

/** Whether a claim speaks of what a clue shows (never-seen bottle ~ "A small bottle in a cream tin"). */
function claimNamesClue(k: OwnClaim, clue: ClueNote | undefined): boolean {
  if (!clue) return false;
  const words = (s: string) => new Set(s.toLowerCase().match(/[\u3400-\u9fff]{2}|[a-z]{4,}/g) ?? []);
  const title = words(clue.title);
  const claim = k.text.toLowerCase();
  return [...title].some((w) => claim.includes(w) && !/^(?:that|this|with|from|the)$/.test(w));
}

/** Non-secret movements over a span (nearest before it when none meets it). */
function tellable(board: Board, span: TimeSpan | null): Movement[] {
  if (!span) return board.movements.filter((m) => !m.secret).slice(-1);
  return board.movementsAt(span).filter((m) => !m.secret);
}

/** A script sentence the seat may say that answers the question: same time, place or person, and a word of seeing or of the person. */
function scriptAbout(board: Board, test: (s: string) => boolean): string | null {
  const me = board.view.me;
  if (!me) return null;
  const tells = secretTeller(board.view, board.language);
  for (const act of me.character.script)
    for (const s of sentences(pick(act, board.language))) {
      if (COACHING.test(s) || tells(s) !== null) continue;
      if (s.length > (board.language === 'zh' ? 90 : 300)) continue;
      if (test(s)) return firstPerson(s, board.language);
    }
  return null;
}

const SEEING = /看见|看到|听见|听到|瞧见|注意到|\bsaw\b|\bheard\b|\bnoticed\b|\bsee\b|\bhear\b/i;

/** A refusal that still gives something: the nearest account it may give, else a clue or its suspicion. */
function refuse(ctx: PolicyContext, line: Said, span: TimeSpan | null, topic: string): Plan {
  const elsewhere = ctx.board.clues.filter(
    (c) =>
      c.published &&
      (c.ties[ctx.board.seat] ?? 0) < 0.5 &&
      Object.keys(c.ties).some((w) => w !== ctx.board.seat),
  );
  const top = ctx.belief[0];
  return {
    ...(elsewhere[0] ? { clues: [elsewhere[0]] } : {}),
    ...(top ? { suspect: top } : {}),
    act: 'refuse',
    to: line.speaker,
    answers: line.ref,
    topic,
    intent: 'withhold',
    asked: line.u,
    span,
    movements: tellable(ctx.board, span ?? ctx.board.incident).slice(0, 1),
  };
}

/**
 * The answer to a line put to the seat, on its topic: where it was (or its cover claim, the same one
 * each time), what it saw, who someone is to it, what a clue says and suggests, whom it suspects and why;
 * an accusation gets a denial with an account; a refusal still gives something. Null: nothing to answer.
 */
export function planReply(ctx: PolicyContext, line: Said): Plan | null {
  const { board, memory, belief } = ctx;
  const u = line.u;
  const me = board.seat;
  const base = { to: line.speaker, answers: line.ref, asked: u };
  // The one the accusing clause aims at, when the reader found one; else the addressee or a person named.
  const accusedMe =
    u.acts.includes('accuse') &&
    (u.accused !== null
      ? u.accused === me
      : u.to === me || (u.people.includes(me) && !u.quoted.includes(me))) &&
    line.speaker !== me;
  if (accusedMe) {
    const { span, incident } = askedSpan(line, board);
    const claim = board.liar
      ? claimFor(board, memory, { span, incident, places: u.places, clues: u.clues })
      : null;
    // Never the accuser it is answering: "you have the wrong person; look at you instead" is no answer.
    const other =
      belief.find((b) => b.character !== line.speaker && b.reasons.length > 0) ??
      belief.find((b) => b.character !== line.speaker);
    return {
      ...base,
      act: 'deny',
      topic: `deny:${line.ref}`,
      intent: board.liar ? 'deflect' : 'fact',
      span,
      ...(claim ? { claim } : {}),
      movements: claim ? [] : tellable(board, span),
      ...(board.liar && other ? { other } : {}),
    };
  }
  // "You said … but …": before what the line asks about a clue, the seat keeps to its account and says it
  // again (it never reads the clue against itself for them).
  if (
    (u.to === me || line.channel === 'talk') &&
    /(?:你说|你刚才说|you said|you told|you claim)[\s\S]*(?:可|但|却|\bbut\b|\byet\b)/i.test(line.text)
  ) {
    const { span, incident } = askedSpan(line, board);
    const claim = board.liar
      ? claimFor(board, memory, { span, incident: true, places: u.places, clues: u.clues })
      : null;
    const account = keepToAccount(base, claim, span, tellable(board, incident ? board.incident : span));
    if (account) return account;
  }
  for (const act of u.acts) {
    switch (act) {
      case 'where':
      case 'saw': {
        const { span, incident } = askedSpan(line, board);
        const topic = `${act}:${incident ? 'incident' : (span?.from ?? 'any')}`;
        if (board.liar) {
          const claim = claimFor(board, memory, { span, incident, places: u.places });
          const covered = board.movementsAt(span ?? { from: 0, to: 0, approx: false }).some((m) => m.secret);
          if (
            claim &&
            (covered ||
              incident ||
              u.places.some((p) => claim.denied.includes(p) || claim.places.includes(p)))
          )
            return coverPlan(base, claim, { span });
          if (covered) return refuse(ctx, line, span, topic);
        }
        const movements = tellable(board, span);
        if (act === 'saw') {
          const text = scriptAbout(
            board,
            (s) =>
              SEEING.test(s) &&
              (board.lexicon.find(s).some((m) => u.people.includes(m.id) || u.places.includes(m.id)) ||
                (span !== null && spanOfSentence(board, s, span))),
          );
          return {
            ...base,
            act: 'saw',
            topic,
            intent: 'fact',
            span,
            movements: movements.slice(0, 1),
            ...(text ? { text } : {}),
          };
        }
        if (movements.length === 0 && board.movements.some((m) => m.secret))
          return refuse(ctx, line, span, topic);
        return { ...base, act: 'alibi', topic, intent: 'fact', span, movements };
      }
      case 'relation': {
        const person = u.people[0] ?? VICTIM;
        if (board.liar) {
          const claim = claimFor(board, memory, { people: [person] });
          if (claim) return coverPlan(base, claim, { person });
        }
        const text = relationText(board, person)?.trim();
        if (!text) return refuse(ctx, line, null, `relation:${person}`);
        return { ...base, act: 'relation', topic: `relation:${person}`, intent: 'fact', person, text };
      }
      case 'about': {
        const clueId = u.clues.find((c) => board.clues.some((x) => x.id === c));
        const clue = board.clues.find((x) => x.id === clueId);
        if (board.liar && (clue ? (clue.ties[me] ?? 0) >= 0.5 : u.clues.length > 0 || u.places.length > 0)) {
          const claim = claimFor(board, memory, { clues: u.clues, places: u.places });
          if (claim) return coverPlan(base, claim);
          if (clue) {
            const other = belief.find((b) => b.reasons.length > 0) ?? belief[0];
            return {
              ...base,
              act: 'deny',
              topic: `deny:${line.ref}`,
              intent: 'deflect',
              movements: [],
              ...(other ? { other } : {}),
            };
          }
        }
        if (clue) return { ...base, act: 'clue', topic: `clue:${clue.id}`, intent: 'fact', clues: [clue] };
        const place = u.places[0];
        if (place) {
          const found = board.clues.filter((c) => c.location === place).slice(0, 3);
          const been = board.movements.filter((m) => m.place === place && !m.secret).slice(0, 1);
          return {
            ...base,
            act: 'place',
            topic: `place:${place}`,
            intent: 'fact',
            clues: found,
            movements: been,
          };
        }
        if (u.clues.length > 0)
          return { ...base, act: 'clue', topic: `clue:${u.clues[0]}`, intent: 'fact', clues: [] };
        break;
      }
      case 'suspect': {
        const top = belief[0];
        return {
          ...base,
          act: 'suspect',
          topic: `suspect:${line.ref}`,
          intent: 'accuse',
          ...(top ? { suspect: top } : {}),
        };
      }
      case 'share': {
        const clue = shareable(ctx);
        if (clue) return { ...base, act: 'share', topic: `share:${clue.id}`, intent: 'fact', clues: [clue] };
        return bestKnown(base, board, askedSpan(line, board).span);
      }
      case 'accuse': {
        // Someone else accused before the seat: back it or dispute it with a reason.
        const accused = u.to ?? u.people.find((p) => board.isSeat(p)) ?? null;
        if (!accused || accused === me) break;
        return reactToAccusation(ctx, line, accused);
      }
      case 'disagree': {
        // Disputing what the seat said: it keeps to its account.
        const { span, incident } = askedSpan(line, board);
        const claim = board.liar ? claimFor(board, memory, { span, incident, places: u.places }) : null;
        const account = keepToAccount(base, claim, span, tellable(board, span));
        if (account) return account;
        break;
      }
      default:
        break;
    }
  }
  if (u.question && (u.to === me || (u.to === null && u.people.includes(me)))) {
    // A question the seat could not read: what it knows best about the case, not a question back.
    const { span } = askedSpan(line, board);
    const claim = board.liar ? claimFor(board, memory, { span, incident: true }) : null;
    if (claim) return coverPlan(base, claim, { span });
    return bestKnown(base, board, span);
  }
  return null;
}

type Answering = Pick<Plan, 'to' | 'answers' | 'asked'>;

function coverPlan(base: Answering, claim: OwnClaim, extra: Partial<Plan> = {}): Plan {
  return { ...base, act: 'cover', topic: `cover:${claim.id}`, intent: 'cover', claim, ...extra };
}

/** Kept to its account when disputed: its cover claim (a liar), else where it was over the span; null: nothing to tell. */
function keepToAccount(
  base: Answering,
  claim: OwnClaim | null,
  span: TimeSpan | null,
  movements: Movement[],
): Plan | null {
  if (claim) return coverPlan(base, claim, { span });
  if (movements.length > 0)
    return { ...base, act: 'alibi', topic: `alibi:${base.answers ?? ''}`, intent: 'fact', span, movements };
  return null;
}

/** What it knows best about the case when it cannot answer what was asked: where it was then. */
function bestKnown(base: Answering, board: Board, span: TimeSpan | null): Plan {
  return {
    ...base,
    act: 'alibi',
    topic: 'where:incident',
    intent: 'fact',
    span,
    movements: tellable(board, span),
  };
}

function spanOfSentence(board: Board, s: string, span: TimeSpan): boolean {
  return parseTimes(s, board.lexicon.frame).some((t) => spansMeet(t.span, span, 5));
}

/** What someone is to the seat: its relationship text, or for the victim the script's sentence about them. */
export function relationText(board: Board, person: string): string | null {
  const me = board.view.me;
  if (!me) return null;
  const tells = secretTeller(board.view, board.language);
  if (person !== VICTIM) {
    const r = me.character.relationships.find((x) => x.with === person);
    if (!r) return null;
    const text = pick(r.text, board.language);
    return tells(text) === null ? firstPerson(text, board.language) : null;
  }
  const names = board.lexicon
    .find(pick(board.view.story.premise, board.language))
    .filter((m) => m.id === VICTIM)
    .map((m) => m.text);
  return scriptAbout(
    board,
    (s) => names.some((n) => s.includes(n)) || /师父|teacher|爷爷|grandpa|父亲|爸|father/i.test(s),
  );
}

/** A clue the seat found and may share: published, not shared yet, and for a liar not one that points at itself. */
export function shareable(ctx: PolicyContext): ClueNote | null {
  const { board, memory } = ctx;
  const done = new Set(
    memory.ledger.flatMap((e) => (e.topic?.startsWith('share:') ? [e.topic.slice(6)] : [])),
  );
  const mine = board.clues.filter(
    (c) => c.mine && c.published && !done.has(c.id) && (!board.liar || (c.ties[board.seat] ?? 0) < 0.5),
  );
  const weight = (c: ClueNote) =>
    Object.entries(c.ties).reduce((n, [who, w]) => (who === board.seat ? n : n + w), 0);
  return mine.sort((a, b) => weight(b) - weight(a))[0] ?? null;
}

/** Back an accusation of the seat's own top suspect; dispute one of someone it does not suspect, with a reason. */
export function reactToAccusation(ctx: PolicyContext, line: Said, accused: string): Plan | null {
  const { belief } = ctx;
  const top = belief[0];
  const mine = belief.find((b) => b.character === accused);
  if (!top || !mine) return null;
  if (top.character === accused && top.score > 0)
    return {
      act: 'back',
      to: null,
      answers: line.ref,
      topic: `back:${line.ref}`,
      intent: 'accuse',
      suspect: top,
      line,
      asked: line.u,
    };
  if (mine.score < top.score * 0.5)
    return {
      act: 'dispute',
      to: null,
      answers: line.ref,
      topic: `dispute:${line.ref}`,
      intent: 'accuse',
      person: accused,
      suspect: top,
      line,
      asked: line.u,
    };
  return null;
}

export type { Said };
