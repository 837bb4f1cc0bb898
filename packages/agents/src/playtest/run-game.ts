import { applyCommand, createGame, projectView, type GameSnapshot } from '@jubensha/engine';
import type { ChatMessage, LanguageModel } from '@jubensha/llm';
import type { Command, View } from '@jubensha/protocol';
import type { Story } from '@jubensha/story';
import { CharacterAgent } from '../character/agent.js';
import type { GuardFailure } from '../guard/guard.js';
import { readClues } from '../decide/clue-reading.js';
import { AiHost, type Narration } from '../host/host.js';
import type { Language } from '../text/language.js';

export interface GameOptions {
  seed: number;
  language: Language;
  /** The model each seat speaks with (null: authored lines only). */
  modelFor: (seat: string) => LanguageModel | null;
  /** Sees every prompt built, with the seat and the view it was built from (the gating test). */
  onPrompt?: (seat: string, snapshot: GameSnapshot, messages: ChatMessage[]) => void;
  hintLevel?: 0 | 1 | 2;
  /** Agents read clue texts only, never the author's readings (--blind-clues). */
  blindClues?: boolean;
  /** Nobody speaks: search, publish, vote only (--no-talk). */
  noTalk?: boolean;
  /** The game's number in a playtest (1-based), for the transcript. */
  game?: number;
}

/** One utterance of a game, as `transcript.jsonl` has it. */
export interface TranscriptLine {
  game: number;
  seq: number;
  /** The phase kind. */
  phase: string;
  channel: 'public' | 'private' | 'statement' | 'host';
  /** The seat, or 'host'. */
  speaker: string;
  addressee: string | null;
  /** The seq of the line it replies to, or null. */
  answers: number | null;
  act: string;
  source: 'model' | 'template' | 'authored' | 'generic';
  text: string;
}

export interface GameResult {
  seed: number;
  ending: string | null;
  culprits: string[];
  votes: Record<string, string>;
  tally: Record<string, number>;
  /** Clues found in each search phase, in plan order. */
  cluesPerRound: { phase: number; act: number; round: number; found: number }[];
  keyCluesPublished: string[];
  routes: { id: string; completed: boolean }[];
  guard: { checked: number; failures: Partial<Record<GuardFailure, number>>; fallbacks: number };
  phaseMs: { phase: number; kind: string; ms: number }[];
  tokens: { prompt: number; completion: number };
  lines: number;
  /** Model milliseconds of each AI line the model worded (its share of a worker's time, queueing aside). */
  modelMs: number[];
  /** Lines the model chose among wordings: how many, and how many of them the seat's own (the first offered). */
  choices: { lines: number; own: number; offered: number };
  /** Cover claims told (lies), from the agents' ledgers. */
  lies: number;
  narration: Narration[];
  /** Every utterance: AI lines, statements and the host's, in order. */
  transcript: TranscriptLine[];
  /** Each seat's ranking of the others when it voted, likeliest culprit first. */
  rankings: Record<string, string[]>;
  /** The game's last snapshot (in the debrief). */
  final: GameSnapshot;
}

/** Simulated seconds a command takes at the table: reading speed for speech, a walk for a search. */
function duration(c: Command): number {
  if ('text' in c) return 5_000 + c.text.length * 150;
  if (c.type === 'SEARCH') return 30_000;
  if (c.type === 'FINISH_READING') return 120_000;
  return 3_000;
}

/**
 * Plays one whole game with every seat AI, in-process on a simulated clock: engine and agents, each
 * agent handed only its own seat's view; the AI host advances a phase once no seat wants to act.
 */
export async function runGame(story: Story, o: GameOptions): Promise<GameResult> {
  let at = 1_700_000_000_000;
  let snap = createGame(story, { seed: o.seed, seats: {}, at });
  const readings = readClues(story);
  const agents: CharacterAgent[] = story.characters.map(
    (c, i) =>
      new CharacterAgent({
        seat: c.id,
        language: o.language,
        readings,
        model: o.modelFor(c.id),
        seed: o.seed * 31 + i,
        humanGraceMs: 0,
        introGraceMs: 0,
        cooldownMs: 0,
        ...(o.blindClues ? { blindClues: true } : {}),
        ...(o.noTalk ? { silent: true } : {}),
        onPrompt: (m) => o.onPrompt?.(c.id, snap, m),
        othersSaid: (): string[] =>
          agents.filter((a) => a.seat !== c.id).flatMap((a) => a.memory.ledger.map((e) => e.text)),
      }),
  );
  const keyClues = story.clues.filter((c) => c.kind === 'key').map((c) => c.id);
  const host = new AiHost({
    language: o.language,
    hintLevel: o.hintLevel ?? 1,
    unfoundKeyLocations: () =>
      story.clues
        .filter((c) => c.kind === 'key' && !snap.context.found.some((f) => f.clue === c.id))
        .map((c) => c.location),
  });
  const narration: Narration[] = [];
  const transcript: TranscriptLine[] = [];
  const seqOf = new Map<string, number>();
  const rankings: Record<string, string[]> = {};
  const gameNo = o.game ?? 1;
  const phaseKind = () => story.phases[snap.context.phase]?.kind ?? 'none';
  const line = (l: Omit<TranscriptLine, 'game' | 'seq'>, ref: string | null) => {
    const seq = transcript.length + 1;
    transcript.push({ game: gameNo, seq, ...l });
    if (ref) seqOf.set(ref, seq);
  };
  /** The host's lines, to the narration and the transcript. */
  const hostSays = (said: Narration[], phase: string) => {
    narration.push(...said);
    for (const n of said)
      line(
        {
          phase,
          channel: 'host',
          speaker: 'host',
          addressee: null,
          answers: null,
          act: n.kind,
          source: 'template',
          text: n.text,
        },
        null,
      );
  };
  const phaseMs = new Map<number, number>();
  const apply = (actor: Parameters<typeof applyCommand>[2]['actor'], command: Command, step: number) => {
    const before = snap.context.phase;
    at += step;
    const r = applyCommand(story, snap, { actor, command, at });
    if (r.ok) {
      if (before >= 0) phaseMs.set(before, (phaseMs.get(before) ?? 0) + step);
      snap = r.snapshot;
      hostSays(host.onView(projectView(story, snap, { kind: 'host' }), at), phaseKind());
    }
    return r.ok;
  };
  apply({ kind: 'host' }, { type: 'START' }, 1000);
  let lines = 0;
  const modelMs: number[] = [];
  const choices = { lines: 0, own: 0, offered: 0 };
  for (let guard = 0; guard < 5_000; guard++) {
    const phase = story.phases[snap.context.phase];
    if (!phase || phase.kind === 'reveal' || phase.kind === 'debrief') break;
    let acted = false;
    for (const agent of agents) {
      const view: View = projectView(story, snap, { kind: 'seat', seat: agent.seat });
      const action = await agent.next(view, at);
      if (!action) continue;
      const phaseBefore = phaseKind();
      if (action.command.type === 'VOTE') rankings[agent.seat] = agent.beliefs(view).map((b) => b.character);
      if (apply({ kind: 'seat', seat: agent.seat }, action.command, duration(action.command))) {
        agent.accepted(view, action, at);
        const s = action.speech;
        if (s) {
          lines++;
          if (s.source === 'model' || s.source === 'regenerated') modelMs.push(s.modelMs);
          if (s.choice) {
            choices.lines++;
            choices.offered += s.choice.of;
            if (s.choice.own) choices.own++;
          }
          const c = action.command;
          const ref =
            c.type === 'PUBLIC_MESSAGE'
              ? `public:${snap.context.chat[snap.context.chat.length - 1]?.n ?? 0}`
              : c.type === 'PRIVATE_MESSAGE'
                ? `talk:${c.talk}:${snap.context.talks.find((t) => t.id === c.talk)?.messages.at(-1)?.n ?? 0}`
                : `statement:${agent.seat}`;
          line(
            {
              phase: phaseBefore,
              channel:
                c.type === 'PUBLIC_MESSAGE'
                  ? 'public'
                  : c.type === 'PRIVATE_MESSAGE'
                    ? 'private'
                    : 'statement',
              speaker: agent.seat,
              addressee: s.addressee,
              answers: s.answers ? (seqOf.get(s.answers) ?? null) : null,
              act: s.act,
              source: s.source === 'regenerated' ? 'model' : s.source,
              text: s.text,
            },
            ref,
          );
        }
        acted = true;
      } else agent.refused(view, action);
    }
    if (acted) continue;
    // Someone paces a search through the round: the clock moves to when they act, before the phase ends.
    const wakes = agents.map((a) => a.wakeAt).filter((w): w is number => w !== null && w > at);
    const soonest = wakes.length > 0 ? Math.min(...wakes) : null;
    if (soonest !== null && (snap.context.deadline === null || soonest < snap.context.deadline)) {
      if (snap.context.phase >= 0)
        phaseMs.set(snap.context.phase, (phaseMs.get(snap.context.phase) ?? 0) + (soonest - at));
      at = soonest;
      continue;
    }
    const deadline = snap.context.deadline;
    if (phase.kind === 'vote' && deadline !== null)
      apply({ kind: 'system' }, { type: 'TICK' }, Math.max(1, deadline - at));
    else if (!apply({ kind: 'host' }, { type: 'ADVANCE' }, 1000) && deadline !== null)
      apply({ kind: 'system' }, { type: 'TICK' }, Math.max(1, deadline - at));
  }
  // Into the debrief: the host has every AI character explain itself.
  while (story.phases[snap.context.phase]?.kind === 'reveal')
    if (!apply({ kind: 'host' }, { type: 'ADVANCE' }, 1000)) break;
  const hostView = projectView(story, snap, { kind: 'host' });
  hostSays(
    host.debrief(
      hostView,
      agents.map((a) => a.memory),
    ),
    'debrief',
  );

  const ctx = snap.context;
  const published = new Set(ctx.found.filter((f) => f.published).map((f) => f.clue));
  const found = new Set(ctx.found.map((f) => f.clue));
  const cluesPerRound: GameResult['cluesPerRound'] = [];
  story.phases.forEach((p, i) => {
    if (p.kind !== 'search') return;
    cluesPerRound.push({ phase: i, act: 0, round: p.round, found: 0 });
  });
  // Which search phase a clue was found in: the last search phase that began before it was found.
  const starts = cluesPerRound.map((r) => r.phase);
  let act = 0;
  story.phases.forEach((p, i) => {
    if (p.kind === 'read') act = p.act;
    const r = cluesPerRound.find((x) => x.phase === i);
    if (r) r.act = act;
  });
  const order = [...ctx.found].sort((a, b) => a.at - b.at);
  const enteredAt = new Map<number, number>();
  let t = 1_700_000_000_000;
  for (const [i, ms] of [...phaseMs.entries()].sort((a, b) => a[0] - b[0])) {
    enteredAt.set(i, t);
    t += ms;
  }
  for (const f of order) {
    const phase = [...starts].reverse().find((s) => (enteredAt.get(s) ?? Infinity) <= f.at);
    const r = cluesPerRound.find((x) => x.phase === phase);
    if (r) r.found++;
  }
  return {
    seed: o.seed,
    ending: ctx.outcome?.ending ?? null,
    culprits: story.culprits,
    votes: ctx.outcome?.votes ?? ctx.votes,
    tally: ctx.outcome?.tally ?? {},
    cluesPerRound,
    keyCluesPublished: keyClues.filter((k) => published.has(k)),
    routes: story.evidenceRoutes.map((r) => ({
      id: r.id,
      completed: r.clues.every((c) => found.has(c) && published.has(c)),
    })),
    guard: agents.reduce(
      (g, a) => {
        g.checked += a.memory.guard.checked;
        g.fallbacks += a.memory.guard.fallbacks;
        for (const [k, v] of Object.entries(a.memory.guard.failures))
          g.failures[k as GuardFailure] = (g.failures[k as GuardFailure] ?? 0) + v;
        return g;
      },
      { checked: 0, failures: {}, fallbacks: 0 } as GameResult['guard'],
    ),
    phaseMs: story.phases.map((p, i) => ({ phase: i, kind: p.kind, ms: phaseMs.get(i) ?? 0 })),
    tokens: agents.reduce(
      (s, a) => ({
        prompt: s.prompt + a.memory.tokens.prompt,
        completion: s.completion + a.memory.tokens.completion,
      }),
      { prompt: 0, completion: 0 },
    ),
    lines,
    modelMs,
    choices,
    lies: agents.reduce((n, a) => n + a.memory.ledger.filter((e) => e.intent === 'cover').length, 0),
    narration,
    final: snap,
    transcript,
    rankings,
  };
}
