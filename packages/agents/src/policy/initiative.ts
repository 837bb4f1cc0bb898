import type { ClueNote } from '../board/clue-notes.js';
import { topicsDone } from '../character/memory.js';
import type { Belief } from '../decide/belief.js';
import { VICTIM } from '../understand/lexicon.js';
import { spansMeet } from '../understand/times.js';
import type { Plan, Question } from './plan.js';
import { claimFor, reactToAccusation, shareable, type PolicyContext } from './reply.js';

/** How much each kind of question is worth asking, before how uncertain the seat is about the person. */
const QUESTION_WEIGHT: Record<Question['act'], number> = {
  where: 1,
  about: 0.95,
  relation: 0.6,
  saw: 0.5,
  suspect: 0.3,
  share: 0.3,
};

export interface InitiativeOptions {
  /** The act of the story (accusations wait for the second act unless the case is clear). */
  act: number;
  /** Talk is private with this seat (a private talk), or null: the public table. */
  partner: string | null;
}

/** Suspicion as probabilities: a softmax over the scores, so the question that splits them best can be chosen. */
function probabilities(belief: Belief[]): Map<string, number> {
  const exps = belief.map((b) => Math.exp(b.score * 3));
  const sum = exps.reduce((a, b) => a + b, 0) || 1;
  return new Map(belief.map((b, i) => [b.character, (exps[i] ?? 0) / sum]));
}

/**
 * The seat's own move when nobody waits for an answer from it, chosen by value and never made twice: press a
 * contradiction, share a clue it found, give its own account early, back or dispute an accusation, ask the
 * question that best splits its suspects, and once the case is clear name its suspect.
 */
export function planInitiative(ctx: PolicyContext, o: InitiativeOptions): Plan | null {
  const { board, memory, belief } = ctx;
  const me = board.seat;
  const done = topicsDone(memory);
  const reacted = new Set(memory.reacted);
  const candidates: { value: number; plan: Plan }[] = [];
  const consider = (value: number, plan: Plan | null) => {
    if (plan && !done.has(plan.topic) && (o.partner === null || plan.to === o.partner || plan.to === null))
      candidates.push({ value, plan });
  };
  const p = probabilities(belief);

  // A contradiction nobody has pressed yet, against its likeliest suspect first (one pressed by another is
  // backed by accusing, not pressed again in the same words).
  const pressedBy = (c: (typeof board.contradictions)[number]) => {
    const evidence = c.by.kind === 'clue' ? c.by.clue.id : null;
    return board.said.some(
      (s) =>
        s.speaker !== me &&
        (s.u.to === c.against || s.u.people.includes(c.against)) &&
        (evidence && c.by.kind === 'clue'
          ? s.u.clues.includes(evidence) || s.text.includes(c.by.clue.title) || quotes(s.text, c.by.clue.text)
          : c.by.kind === 'claim'
            ? s.u.people.includes(c.by.claim.speaker)
            : false),
    );
  };
  for (const c of board.contradictions) {
    if (c.against === me || pressedBy(c)) continue;
    consider(0.9 + (p.get(c.against) ?? 0) * 0.1, {
      act: 'confront',
      to: c.against,
      answers: null,
      topic: `confront:${c.against}:${c.by.kind === 'clue' ? c.by.clue.id : c.by.kind === 'claim' ? c.by.claim.ref : c.by.movement.span.from}`,
      intent: 'accuse',
      contradiction: c,
    });
  }
  // An answer to its own question that a clue or an account breaks: challenge it.
  for (const e of memory.ledger.filter((x) => x.act === 'ask' && x.addressee)) {
    const answer = board.said.find((s) => s.speaker === e.addressee && s.at > e.at);
    if (!answer || reacted.has(answer.ref)) continue;
    const broken = board.contradictions.find((c) => c.claim.ref === answer.ref && !pressedBy(c));
    if (broken)
      consider(0.92, {
        act: 'challenge',
        to: answer.speaker,
        answers: answer.ref,
        topic: `confront:${broken.against}:${broken.by.kind === 'clue' ? broken.by.clue.id : broken.by.kind === 'claim' ? broken.by.claim.ref : broken.by.movement.span.from}`,
        intent: 'accuse',
        contradiction: broken,
      });
  }
  // A clue it found: what it is and what it suggests.
  const clue = shareable(ctx);
  if (clue)
    consider(0.8, {
      act: 'share',
      to: null,
      answers: null,
      topic: `share:${clue.id}`,
      intent: 'fact',
      clues: [clue],
    });
  // Its own account of the incident, early, unless it would only repeat a broken cover story.
  if (o.partner === null && !done.has('where:incident') && board.incident) {
    if (board.liar) {
      const claim = claimFor(board, memory, { span: board.incident, incident: true });
      if (claim && !claim.broken && !done.has(`cover:${claim.id}`))
        consider(0.7, {
          act: 'cover',
          to: null,
          answers: null,
          topic: `cover:${claim.id}`,
          intent: 'cover',
          claim,
          span: board.incident,
        });
    } else {
      const movements = board.movementsAt(board.incident).filter((m) => !m.secret);
      if (movements.length > 0)
        consider(0.7, {
          act: 'alibi',
          to: null,
          answers: null,
          topic: 'where:incident',
          intent: 'fact',
          span: board.incident,
          movements,
        });
    }
  }
  // Another's accusation: back it or dispute it with a reason.
  const accusation = [...board.said]
    .reverse()
    .find(
      (s) =>
        s.speaker !== me &&
        s.u.acts.includes('accuse') &&
        !reacted.has(s.ref) &&
        !done.has(`back:${s.ref}`) &&
        !done.has(`dispute:${s.ref}`),
    );
  if (accusation) {
    const accused = accusation.u.to ?? accusation.u.people.find((x) => board.isSeat(x)) ?? null;
    if (accused && accused !== me) consider(0.6, reactToAccusation(ctx, accusation, accused));
  }
  // The question that best splits its suspects: first where everyone was (the basic move at any table),
  // then what ties a person to a clue, then who the victim was to them; uncertainty about the person and how
  // often the seat has asked them already decide among people.
  const askedOf = (t: string) => memory.ledger.filter((e) => e.act === 'ask' && e.addressee === t).length;
  for (const b of belief) {
    const t = b.character;
    const pt = p.get(t) ?? 0;
    const split = pt * (1 - pt) * 4;
    const theirs = board.linesOf(t);
    const accounted = board.heard.some(
      (h) =>
        h.speaker === t && h.span !== null && board.incident !== null && spansMeet(h.span, board.incident),
    );
    // What someone at the table already asked this person is not asked again: the seat heard the answer.
    const askedByOthers = (act: string, clue?: string) =>
      board.said.some(
        (s) =>
          s.speaker !== me &&
          s.u.to === t &&
          s.u.acts.includes(act as never) &&
          (!clue || s.u.clues.includes(clue)),
      );
    const ask = (q: Question, key: string, base: number) =>
      !askedByOthers(q.act, q.clue?.id) &&
      consider(base + 0.1 * split * QUESTION_WEIGHT[q.act] + 0.05 * pt - 0.08 * askedOf(t), {
        act: 'ask',
        to: t,
        answers: null,
        topic: `ask:${key}:${t}`,
        intent: 'ask',
        question: q,
      });
    if (!accounted) ask({ act: 'where', span: board.incident, incident: true }, 'where', 0.72);
    for (const c of tiedClues(board.clues, t))
      if (!theirs.some((s) => s.u.clues.includes(c.id)))
        ask({ act: 'about', clue: c }, `about:${c.id}`, 0.5 + 0.05 * (c.ties[t] ?? 0));
    ask({ act: 'relation', person: VICTIM }, 'relation', 0.4);
    if (accounted) ask({ act: 'saw', span: board.incident, incident: true }, 'saw', 0.35);
  }
  // Name the suspect once the case is clear (the second act, a clear lead).
  const [top, second] = belief;
  if (
    top &&
    top.score > 0 &&
    top.reasons.length > 0 &&
    o.act >= 2 &&
    top.score - (second?.score ?? 0) >= 0.3 &&
    o.partner === null
  )
    consider(0.65, {
      act: 'accuse',
      to: top.character,
      answers: null,
      topic: `accuse:${top.character}:${o.act}`,
      intent: 'accuse',
      suspect: top,
    });
  candidates.sort((a, b) => b.value - a.value);
  return candidates[0]?.plan ?? null;
}

/** Whether a line quotes a text: some stretch of ten characters of it, cut where sentences start. */
function quotes(line: string, text: string): boolean {
  return text
    .split(/[。！？.!?；;，,：:—]/)
    .map((p) => p.trim())
    .filter((p) => p.length >= 10)
    .some((p) => line.includes(p.slice(0, 10)));
}

/** Clues the seat has seen that tie to a person, strongest first. */
function tiedClues(clues: ClueNote[], who: string): ClueNote[] {
  return clues
    .filter((c) => (c.ties[who] ?? 0) >= 0.5)
    .sort((a, b) => (b.ties[who] ?? 0) - (a.ties[who] ?? 0));
}
