import type { ChatMessage, LanguageModel } from '@jubensha/llm';
import type { SeatCommand, View } from '@jubensha/protocol';
import type { LineIntent } from '@jubensha/story';
import { Board, type Said } from '../board/board.js';
import { believe, type Belief } from '../decide/belief.js';
import type { ClueReadings } from '../decide/clue-reading.js';
import { incriminating } from '../decide/suspicion.js';
import { Knowledge } from '../knowledge/knowledge.js';
import { planInitiative } from '../policy/initiative.js';
import type { Plan } from '../policy/plan.js';
import { claimFor, planReply, type PolicyContext } from '../policy/reply.js';
import { realize } from '../realize/realize.js';
import type { Language } from '../text/language.js';
import { hash, seeded } from '../text/random.js';
import type { Understood } from '../understand/understand.js';
import { newMemory, type AgentMemory, type Channel } from './memory.js';
import { speak, type Spoken } from './speak.js';

/**
 * Wordings besides the seat's own offered to a model that decodes inside choices: the next places in the
 * variant lists. Lines the other AI seats said are stale for every wording (`othersSaid`), so seats in
 * different talks do not converge on the model's favourite (without it, three seats confronting one person
 * in three talks said the same sentence).
 */
const MODEL_CHOICES = 3;

export interface CharacterAgentOptions {
  seat: string;
  language: Language;
  /** How each clue reads (whom it implicates); consulted only for clues the seat's view shows. */
  readings: ClueReadings;
  /** null: no model; lines are realized from templates and authored lines (JUBENSHA_LLM=none). */
  model: LanguageModel | null;
  /** 0..1: how readily the character speaks up unasked. */
  talkativeness?: number;
  seed?: number;
  /** Lines of its own initiative per public phase (answers to questions do not count). */
  publicLines?: number;
  /** Answers to questions per public phase: a table of AIs asking each other always comes to an end. */
  publicAnswers?: number;
  /** Lines of its own initiative per private talk (answers do not count) before it ends the talk. */
  talkLines?: number;
  /** After a phase starts, AI seats wait this long for humans who have not spoken yet. */
  humanGraceMs?: number;
  /** In the introductions the wait for humans is short: a table does not sit silent for a minute. */
  introGraceMs?: number;
  /** Least time between two lines of its own initiative. */
  cooldownMs?: number;
  roomKey?: string;
  /** Token budget of one prompt (default: 1200, or 60% of the model's context when that is smaller). */
  promptBudget?: number;
  memory?: AgentMemory;
  onPrompt?: (messages: ChatMessage[]) => void;
  /** Read clue texts only, never the author's readings (the --blind-clues ablation). */
  blindClues?: boolean;
  /** Replies per private talk to what asks nothing (a denial, a dispute; default 2). Questions are always answered. */
  talkRetorts?: number;
  /** Never speak: search, publish, vote only (the --no-talk ablation). */
  silent?: boolean;
  /**
   * Lines the room's other AI seats have said (their ledgers). A wording one of them used is not chosen again:
   * seats in different private talks do not hear each other, and two of them saying the very same sentence
   * is what a table notices. Only the wording is compared; nothing of it enters the board.
   */
  othersSaid?: () => Iterable<string>;
}

/**
 * The default prompt budget: 1200 estimated tokens, but at most 60% of a model's context, so the reply and
 * the estimate's error still fit, and a small model sees prompts as long as those it was trained on.
 */
export function promptBudgetFor(model: LanguageModel | null): number {
  const context = model?.contextTokens;
  return context ? Math.min(1200, Math.floor(context * 0.6)) : 1200;
}

/** A line the agent says and what it does at the table. */
export interface SpeechPlan {
  intent: LineIntent;
  channel: Channel;
  /** 'table' for public speech and statements, else the other party of a talk. */
  to: string;
  /** The cover claim told, when it tells one. */
  claim: string | null;
  act: Plan['act'];
  topic: string;
  /** The ref of the line it answers, or null. */
  answers: string | null;
  /** The seat it is said to, or null: the table. */
  addressee: string | null;
}

/** What the agent wants to do next: one ordinary seat command, with the speech behind it if any. */
export interface AgentAction {
  command: SeatCommand;
  speech?: Spoken & SpeechPlan;
}

/**
 * One AI character. Its only inputs are its seat's projected view (handed to `next`), its own memory and the
 * author's clue readings (unless blind); it answers with ordinary seat commands. The caller sends the command
 * and reports back with `accepted` or `refused`, so the memory holds only what really reached the table.
 */
export class CharacterAgent {
  readonly memory: AgentMemory;
  private readonly blocked = new Set<string>();
  private cache: { version: number; board: Board; knowledge: Knowledge; belief: Belief[] } | null = null;
  private readonly understood = new Map<string, Understood>();
  /** When it means to act next though nothing changes (a search later in the round); null: on the next view. */
  private wake: number | null = null;
  /** Where the line being written goes while `next` runs (see `next`). */
  private live: ((channel: Channel, piece: string) => void) | null = null;

  constructor(readonly options: CharacterAgentOptions) {
    this.memory = options.memory ?? newMemory(options.seat);
  }

  get seat(): string {
    return this.options.seat;
  }

  /** When the agent wants another look although no new view came (a paced search), or null. */
  get wakeAt(): number | null {
    return this.wake;
  }

  /** The seat's suspicions at this view, strongest first (what its vote follows). */
  beliefs(view: View): Belief[] {
    return this.state(view).belief;
  }

  /**
   * The next command for this view at time `now`, or null: nothing to do now. `live` sees the model's line
   * while it is written, piece by piece once no check can reject it (see speak's `live`), with its channel:
   * the returned speech begins with those pieces.
   */
  async next(
    view: View,
    now: number,
    live?: (channel: Channel, piece: string) => void,
  ): Promise<AgentAction | null> {
    this.live = live ?? null;
    try {
      return await this.decide(view, now);
    } finally {
      this.live = null;
    }
  }

  private async decide(view: View, now: number): Promise<AgentAction | null> {
    this.wake = null;
    const me = view.me;
    if (!me || me.seat !== this.seat || view.reveal) return null;
    const phaseIndex = view.progress.phase;
    if (phaseIndex === null) return null;
    const step = view.story.plan[phaseIndex];
    if (!step) return null;
    switch (step.kind) {
      case 'read':
        return me.finishedReading ? null : this.ok(view, { type: 'FINISH_READING' });
      case 'intro':
        if (
          this.options.silent ||
          this.spokenIn(view) > 0 ||
          this.humansFirst(view, now, this.options.introGraceMs ?? 15_000)
        )
          return null;
        return this.say(
          view,
          { kind: 'public' },
          { act: 'intro', to: null, answers: null, topic: 'intro', intent: 'intro' },
        );
      case 'search':
        return this.search(view, now);
      case 'discuss':
        if (this.options.silent) return null;
        return step.mode === 'private' ? this.privately(view) : this.publicly(view, now);
      case 'statement':
        if (this.options.silent) return null;
        if (view.progress.speaker !== this.seat) return null;
        if ((view.table?.statements ?? []).some((s) => s.seat === this.seat)) return null;
        return this.say(view, { kind: 'statement' }, this.statement(view));
      case 'vote': {
        if (me.vote !== null) return null;
        const top = this.state(view).belief[0];
        return top ? this.ok(view, { type: 'VOTE', character: top.character }) : null;
      }
      default:
        return null;
    }
  }

  /** The command went through: remember what was said, to whom, and what it answered. */
  accepted(view: View, action: AgentAction, at: number): void {
    const key = String(view.progress.phase);
    if (action.command.type === 'REQUEST_TALK')
      this.memory.requested[key] = [...(this.memory.requested[key] ?? []), action.command.with];
    if (action.command.type === 'SEARCH') this.memory.searched[key] = (this.memory.searched[key] ?? 0) + 1;
    const s = action.speech;
    if (!s) return;
    this.memory.spoken[key] = (this.memory.spoken[key] ?? 0) + 1;
    this.memory.lastSpokeAt = at;
    if (s.answers && ['back', 'dispute', 'challenge'].includes(s.act)) this.memory.reacted.push(s.answers);
    this.memory.ledger.push({
      at,
      to: s.to,
      channel: s.channel,
      intent: s.intent,
      claim: s.claim,
      text: s.text,
      source: s.source,
      act: s.act,
      topic: s.topic,
      answers: s.answers,
      addressee: s.addressee,
    });
  }

  /** The command was refused: do not try the same thing again in this phase. */
  refused(view: View, action: AgentAction): void {
    this.blocked.add(this.blockKey(view, action.command));
  }

  private blockKey(view: View, c: SeatCommand): string {
    return `${view.progress.phase}:${view.progress.round}:${JSON.stringify(c)}`;
  }

  private ok(view: View, command: SeatCommand): AgentAction | null {
    return this.blocked.has(this.blockKey(view, command)) ? null : { command };
  }

  private state(view: View): { board: Board; knowledge: Knowledge; belief: Belief[] } {
    if (this.cache?.version !== view.version) {
      const readings = this.options.blindClues ? null : this.options.readings;
      const board = new Board(view, {
        language: this.options.language,
        readings,
        understood: this.understood,
      });
      const knowledge = new Knowledge(view, this.options.language);
      const belief = believe(board, { readings, talk: !this.options.silent });
      this.cache = { version: view.version, board, knowledge, belief };
    }
    return this.cache;
  }

  private policy(view: View): PolicyContext {
    const { board, belief } = this.state(view);
    return { board, memory: this.memory, belief };
  }

  private rng(view: View): () => number {
    return seeded((this.options.seed ?? 0) ^ hash(this.seat) ^ (view.version * 2654435761));
  }

  private spokenIn(view: View): number {
    return this.memory.spoken[String(view.progress.phase)] ?? 0;
  }

  /** Humans go first: a human seat that has not spoken in this phase gets the grace period. */
  private humansFirst(view: View, now: number, grace = this.options.humanGraceMs ?? 60_000): boolean {
    const started = view.progress.phaseStartedAt ?? 0;
    if (now - started >= grace) return false;
    const spoke = new Set((view.table?.chat ?? []).filter((m) => m.at >= started).map((m) => m.seat));
    return view.progress.seats.some(
      (s) => s.controller === 'human' && s.seat !== this.seat && !spoke.has(s.seat),
    );
  }

  private async say(
    view: View,
    channel: Channel,
    plan: Plan,
    speech: Said | null = null,
  ): Promise<AgentAction | null> {
    const { board, knowledge } = this.state(view);
    const said = new Set(this.memory.ledger.map((e) => e.text));
    const live = this.live;
    this.memory.guard.checked++;
    // A plan worded from script text that the guard stops (it reads as a secret) is worded again plainly:
    // when and where only, no script sentence.
    const plain: Plan = {
      ...plan,
      ...(plan.movements ? { movements: plan.movements.map((m) => ({ ...m, told: null })) } : {}),
    };
    delete plain.text;
    let spoken: Spoken | null = null;
    for (const p of [plan, plain]) {
      const heard = new Set(board.said.map((x) => x.text));
      for (const line of this.options.othersSaid?.() ?? []) heard.add(line);
      const voice = view.story.characters.findIndex((c) => c.id === this.seat);
      const template = realize(p, { board, said, heard, rng: this.rng(view), voice });
      // For a model that decodes inside choices: the same plan worded from other places in the variant lists.
      const variants =
        p === plan && this.options.model?.constrainsChoices
          ? Array.from({ length: MODEL_CHOICES }, (_, k) =>
              realize(p, { board, said, heard, rng: this.rng(view), voice: voice + k + 1 }),
            )
          : [];
      spoken = await speak({
        model: p === plan ? this.options.model : null,
        view,
        board,
        knowledge,
        language: this.options.language,
        plan: p,
        template,
        variants,
        speech: speech ? { from: speech.speaker, text: speech.text } : null,
        said,
        seed: (this.options.seed ?? 0) + view.version,
        budget: this.options.promptBudget ?? promptBudgetFor(this.options.model),
        ...(this.options.roomKey ? { roomKey: this.options.roomKey } : {}),
        ...(speech && humanSeat(view, speech.speaker) ? { urgent: true } : {}),
        ...(this.options.onPrompt ? { onPrompt: this.options.onPrompt } : {}),
        ...(live && p === plan ? { live: (piece: string) => live(channel, piece) } : {}),
      });
      if (spoken.source !== 'generic') break;
    }
    if (!spoken) return null;
    for (const f of spoken.failures) this.memory.guard.failures[f] = (this.memory.guard.failures[f] ?? 0) + 1;
    if (spoken.source === 'generic') this.memory.guard.fallbacks++;
    this.memory.tokens.prompt += spoken.tokens.prompt;
    this.memory.tokens.completion += spoken.tokens.completion;
    const text = spoken.text;
    const command: SeatCommand =
      channel.kind === 'public'
        ? { type: 'PUBLIC_MESSAGE', text: text.slice(0, 500) }
        : channel.kind === 'talk'
          ? { type: 'PRIVATE_MESSAGE', talk: channel.talk, text: text.slice(0, 500) }
          : { type: 'STATEMENT', text: text.slice(0, 3000) };
    if (this.blocked.has(this.blockKey(view, command))) return null;
    const to = channel.kind === 'talk' ? (plan.to ?? 'table') : 'table';
    return {
      command,
      speech: {
        ...spoken,
        intent: plan.intent,
        channel,
        to,
        claim: plan.act === 'cover' ? (plan.claim?.id ?? null) : null,
        act: plan.act,
        topic: plan.topic,
        answers: plan.answers,
        addressee: plan.to,
      },
    };
  }

  /** Search spread over the round, leaving each place to the humans at the table after one look of its own. */
  private search(view: View, now: number): AgentAction | null {
    const me = view.me;
    if (!me) return null;
    const { board } = this.state(view);
    for (const c of me.clues) {
      if (c.published || c.kept) continue;
      // Someone with something to hide (a cover story) keeps back what points at itself.
      const note = board.clues.find((n) => n.id === c.id);
      const hide =
        board.liar &&
        (this.options.blindClues
          ? (note?.ties[this.seat] ?? 0) >= 0.5
          : incriminating(this.seat, c.id, this.options.readings));
      const a = this.ok(
        view,
        hide ? { type: 'KEEP_CLUE', clue: c.id } : { type: 'PUBLISH_CLUE', clue: c.id },
      );
      if (a) return a;
    }
    const phase = String(view.progress.phase);
    const step = view.story.plan[view.progress.phase ?? -1];
    const done = this.memory.searched[phase] ?? 0;
    const total = done + me.actionPoints;
    const minutes = step?.minutes;
    const started = view.progress.phaseStartedAt;
    if (minutes && started !== null && total > 0) {
      // The first search at once, the rest spread over the first four fifths of the round.
      const span = minutes * 60_000 * 0.8;
      const due = started + (done / total) * span;
      if (now < due) {
        this.wake = due;
        return null;
      }
    }
    const humans = view.progress.seats.some((s) => s.controller === 'human');
    const mine = new Map<string, number>();
    const thisRound = new Set(
      me.clues.filter((c) => started !== null && c.foundAt >= started).map((c) => c.location),
    );
    for (const c of me.clues) mine.set(c.location, (mine.get(c.location) ?? 0) + 1);
    const rng = this.rng(view);
    const options = view.story.locations
      .filter((l) => l.cost <= me.actionPoints)
      .filter((l) => !humans || !thisRound.has(l.id))
      .map((l) => ({ l, key: (mine.get(l.id) ?? 0) + rng() }))
      .sort((a, b) => a.key - b.key);
    for (const { l } of options) {
      const a = this.ok(view, { type: 'SEARCH', location: l.id });
      if (a) return a;
    }
    return null;
  }

  /** Lines that wait for this seat's answer: put to it by name, or an open question it is the one to take. */
  private pending(view: View, channel: 'public' | 'talk', talk?: string): Said | null {
    const { board } = this.state(view);
    const answered = new Set(this.memory.answered);
    const ai = view.progress.seats.filter((s) => s.controller === 'ai').map((s) => s.seat);
    const lines = board.said.filter(
      (s) =>
        s.channel === channel &&
        (channel !== 'talk' || s.ref.startsWith(`talk:${talk}:`)) &&
        s.speaker !== this.seat,
    );
    // In a talk the seat answers the last thing put to it, as one does face to face; at the table each
    // line waits its turn, oldest first.
    const recent = lines.slice(-12);
    for (const s of channel === 'talk' ? recent.reverse() : recent) {
      if (answered.has(s.ref)) continue;
      const u = s.u;
      // In a talk every line is said to the seat; it answers what asks, accuses or disputes.
      const toMe = u.to === this.seat || channel === 'talk';
      if (toMe && (u.question || u.acts.some((a) => ['accuse', 'disagree', 'claim'].includes(a)))) return s;
      // A person who names the seat expects an answer whatever they said ("tell me your secret"):
      // it is taken as asked. AI seats' asides are let be.
      if (u.to === this.seat && !ai.includes(s.speaker)) return { ...s, u: { ...u, question: true } };
      if (
        u.to === null &&
        u.people.includes(this.seat) &&
        !u.quoted.includes(this.seat) &&
        u.acts.includes('accuse')
      )
        return s;
      if (u.to === null && u.question) {
        // An open question: the seat it is about answers it, else one AI seat chosen by the line.
        const about = u.people.find((p) => ai.includes(p) && p !== s.speaker);
        const pick =
          about ??
          [...ai].filter((x) => x !== s.speaker).sort((a, b) => hash(s.ref + a) - hash(s.ref + b))[0];
        if (pick === this.seat) return s;
      }
    }
    return null;
  }

  private async publicly(view: View, now: number): Promise<AgentAction | null> {
    const ctx = this.policy(view);
    const phase = String(view.progress.phase);
    const answers = this.memory.answered.filter((a) => a.startsWith(`p${phase}:`)).length;
    for (let line = this.pending(view, 'public'); line; line = this.pending(view, 'public')) {
      this.memory.answered.push(line.ref, `p${phase}:${line.ref}`);
      if (answers >= (this.options.publicAnswers ?? 12)) break;
      // As in a talk, what asks nothing (a dispute, a denial) gets a reply a few times a phase from each
      // speaker: two seats disputing each other's disputes in public went on until the phase ended.
      if (!line.u.question) {
        const key = `retort:p${phase}:${line.speaker}`;
        if (this.memory.reacted.filter((r) => r === key).length >= (this.options.talkRetorts ?? 2)) continue;
        this.memory.reacted.push(key);
      }
      const plan = planReply(ctx, line);
      if (plan) return this.say(view, { kind: 'public' }, plan, line);
    }
    if (this.spokenIn(view) >= (this.options.publicLines ?? 4) || this.humansFirst(view, now)) return null;
    // A new question in the last minute would go unanswered: the seat keeps it.
    if (view.progress.deadline !== null && view.progress.deadline - now < 60_000) return null;
    const last = this.memory.lastSpokeAt;
    if (last !== null && now - last < (this.options.cooldownMs ?? 20_000)) return null;
    if (this.rng(view)() > (this.options.talkativeness ?? 0.8)) return null;
    const plan = planInitiative(ctx, { act: view.progress.act, partner: null });
    return plan ? this.say(view, { kind: 'public' }, plan) : null;
  }

  private async privately(view: View): Promise<AgentAction | null> {
    const me = view.me;
    if (!me) return null;
    const mine = me.talks;
    for (const t of mine) {
      if (t.status === 'requested' && t.to === this.seat) {
        const a = this.ok(view, { type: 'ACCEPT_TALK', talk: t.id });
        if (a) return a;
      }
    }
    const ctx = this.policy(view);
    for (const t of mine) {
      if (t.status !== 'open') continue;
      const other = t.from === this.seat ? t.to : t.from;
      const last = t.messages[t.messages.length - 1];
      // A question put to it in the talk is always answered; a denial or a dispute only a few times a talk:
      // two seats that dispute each other's answers would otherwise go on for ever.
      const line = this.pending(view, 'talk', t.id);
      const retorts = this.memory.reacted.filter((r) => r === `retort:${t.id}`).length;
      if (line && !line.u.question && retorts >= (this.options.talkRetorts ?? 2)) {
        this.memory.answered.push(line.ref);
        continue;
      }
      if (line) {
        if (!line.u.question) this.memory.reacted.push(`retort:${t.id}`);
        // What was said before it in the talk is answered by the same reply.
        const before = ctx.board.said.filter(
          (x) => x.ref.startsWith(`talk:${t.id}:`) && x.speaker !== this.seat && x.at <= line.at,
        );
        for (const r of [line.ref, ...before.map((x) => x.ref)])
          if (!this.memory.answered.includes(r)) this.memory.answered.push(r);
        const plan = planReply(ctx, line);
        if (plan) return this.say(view, { kind: 'talk', talk: t.id }, { ...plan, to: other }, line);
      }
      // Its own question waits for the answer before anything else.
      if (last && last.seat === this.seat) {
        const mineLast = ctx.board.said.find((x) => x.ref === `talk:${t.id}:${last.n}`);
        if (mineLast?.u.question) continue;
      }
      const own = this.memory.ledger.filter(
        (e) => e.channel.kind === 'talk' && e.channel.talk === t.id && e.answers === null,
      ).length;
      if (own < (this.options.talkLines ?? 2)) {
        const plan = planInitiative(ctx, { act: view.progress.act, partner: other });
        if (plan) return this.say(view, { kind: 'talk', talk: t.id }, { ...plan, to: other });
      }
      if (!last || last.seat === this.seat || own >= (this.options.talkLines ?? 2))
        return this.ok(view, { type: 'END_TALK', talk: t.id });
    }
    const phase = String(view.progress.phase);
    if ((this.memory.requested[phase] ?? []).length > 0 || mine.some((t) => t.status === 'open')) return null;
    const top = ctx.belief[0];
    return top ? this.ok(view, { type: 'REQUEST_TALK', with: top.character }) : null;
  }

  /** The final statement: its suspect and the reasons, and its own account of the incident. */
  private statement(view: View): Plan {
    const { board, belief } = this.state(view);
    const top = belief[0];
    const claim = board.liar ? claimFor(board, this.memory, { span: board.incident, incident: true }) : null;
    const movements =
      claim || !board.incident ? [] : board.movementsAt(board.incident).filter((m) => !m.secret);
    return {
      act: 'statement',
      to: null,
      answers: null,
      topic: 'statement',
      intent: 'statement',
      ...(top ? { suspect: top } : {}),
      ...(claim ? { claim } : {}),
      movements,
    };
  }
}

/** Whether a person plays this seat now. */
function humanSeat(view: View, seat: string): boolean {
  return view.progress.seats.some((s) => s.seat === seat && s.controller === 'human');
}
