import type { ChatMessage, LanguageModel } from '@jubensha/llm';
import type { SeatCommand, View } from '@jubensha/protocol';
import type { LineIntent } from '@jubensha/story';
import type { ClueReadings } from '../decide/clue-reading.js';
import { incriminating, suspicion } from '../decide/suspicion.js';
import { Knowledge } from '../knowledge/knowledge.js';
import { chooseReply, isStatable, type IntentChoice } from '../policy/intent.js';
import type { Language } from '../text/language.js';
import { hash, seeded } from '../text/random.js';
import { newMemory, type AgentMemory, type Channel } from './memory.js';
import { addressName, addresses, asks, callNames } from './names.js';
import { speak, type Spoken } from './speak.js';

export interface CharacterAgentOptions {
  seat: string;
  language: Language;
  /** How each clue reads (whom it implicates); consulted only for clues the seat's view shows. */
  readings: ClueReadings;
  /** null: authored lines only (JUBENSHA_LLM=none). */
  model: LanguageModel | null;
  /** 0..1: how readily the character speaks up unasked. */
  talkativeness?: number;
  seed?: number;
  /** Lines of its own initiative per public phase (answers to questions do not count). */
  publicLines?: number;
  /** Answers to questions per public phase: a table of AIs asking each other always comes to an end. */
  publicAnswers?: number;
  /** Messages per private talk before it ends the talk. */
  talkLines?: number;
  /** After a phase starts, AI seats wait this long for humans who have not spoken yet. */
  humanGraceMs?: number;
  /** Least time between two lines of its own initiative. */
  cooldownMs?: number;
  roomKey?: string;
  /** Token budget of one prompt (default: 1200, or 60% of the model's context when that is smaller). */
  promptBudget?: number;
  memory?: AgentMemory;
  onPrompt?: (messages: ChatMessage[]) => void;
}

/**
 * The default prompt budget: 1200 estimated tokens, but at most 60% of a model's context, so the reply and
 * the estimate's error still fit, and a small model sees prompts as long as those it was trained on.
 */
export function promptBudgetFor(model: LanguageModel | null): number {
  const context = model?.contextTokens;
  return context ? Math.min(1200, Math.floor(context * 0.6)) : 1200;
}

/** What the agent wants to do next: one ordinary seat command, with the speech behind it if any. */
export interface AgentAction {
  command: SeatCommand;
  speech?: Spoken & { intent: LineIntent; channel: Channel; to: string; claim: string | null };
}

/**
 * One AI character. Its only inputs are its seat's projected view (handed to `next`) and its own
 * memory; it answers with ordinary seat commands. The caller sends the command and reports back
 * with `accepted` or `refused`, so the claims ledger holds only what really reached the table.
 */
export class CharacterAgent {
  readonly memory: AgentMemory;
  private readonly blocked = new Set<string>();
  private knowledgeCache: { key: string; knowledge: Knowledge } | null = null;

  constructor(readonly options: CharacterAgentOptions) {
    this.memory = options.memory ?? newMemory(options.seat);
  }

  get seat(): string {
    return this.options.seat;
  }

  /** The next command for this view at time `now`, or null: nothing to do now. */
  async next(view: View, now: number): Promise<AgentAction | null> {
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
        if (this.spokenIn(view) > 0 || this.humansFirst(view, now)) return null;
        return this.say(view, { kind: 'public' }, 'table', this.introChoice(view), null);
      case 'search':
        return this.search(view);
      case 'discuss':
        return step.mode === 'private' ? this.privately(view) : this.publicly(view, now);
      case 'statement':
        if (view.progress.speaker !== this.seat) return null;
        if ((view.table?.statements ?? []).some((s) => s.seat === this.seat)) return null;
        return this.say(view, { kind: 'statement' }, 'table', this.accusation(view, 'statement'), null);
      case 'vote': {
        if (me.vote !== null) return null;
        const top = suspicion(view, this.options.readings)[0];
        return top ? this.ok(view, { type: 'VOTE', character: top.character }) : null;
      }
      default:
        return null;
    }
  }

  /** The command went through: remember what was said, to whom. */
  accepted(view: View, action: AgentAction, at: number): void {
    const key = String(view.progress.phase);
    if (action.command.type === 'REQUEST_TALK')
      this.memory.requested[key] = [...(this.memory.requested[key] ?? []), action.command.with];
    const s = action.speech;
    if (!s) return;
    this.memory.spoken[key] = (this.memory.spoken[key] ?? 0) + 1;
    this.memory.lastSpokeAt = at;
    this.memory.ledger.push({
      at,
      to: s.to,
      channel: s.channel,
      intent: s.intent,
      claim: s.claim,
      text: s.text,
      source: s.source,
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

  private knowledge(view: View): Knowledge {
    const key = `${view.version}`;
    if (this.knowledgeCache?.key !== key)
      this.knowledgeCache = { key, knowledge: new Knowledge(view, this.options.language) };
    return this.knowledgeCache.knowledge;
  }

  private rng(view: View): () => number {
    return seeded((this.options.seed ?? 0) ^ hash(this.seat) ^ (view.version * 2654435761));
  }

  private spokenIn(view: View): number {
    return this.memory.spoken[String(view.progress.phase)] ?? 0;
  }

  /** Humans go first: a human seat that has not spoken in this phase gets the grace period. */
  private humansFirst(view: View, now: number): boolean {
    const started = view.progress.phaseStartedAt ?? 0;
    if (now - started >= (this.options.humanGraceMs ?? 60_000)) return false;
    const spoke = new Set((view.table?.chat ?? []).filter((m) => m.at >= started).map((m) => m.seat));
    return view.progress.seats.some(
      (s) => s.controller === 'human' && s.seat !== this.seat && !spoke.has(s.seat),
    );
  }

  private async say(
    view: View,
    channel: Channel,
    to: string,
    choice: IntentChoice,
    speech: { from: string; text: string } | null,
  ): Promise<AgentAction | null> {
    const knowledge = this.knowledge(view);
    this.memory.guard.checked++;
    const spoken = await speak({
      model: this.options.model,
      view,
      knowledge,
      language: this.options.language,
      choice,
      speech,
      said: new Set(this.memory.ledger.map((e) => e.text)),
      seed: (this.options.seed ?? 0) + view.version,
      budget: this.options.promptBudget ?? promptBudgetFor(this.options.model),
      ...(this.options.roomKey ? { roomKey: this.options.roomKey } : {}),
      ...(this.options.onPrompt ? { onPrompt: this.options.onPrompt } : {}),
    });
    for (const f of spoken.failures) this.memory.guard.failures[f] = (this.memory.guard.failures[f] ?? 0) + 1;
    if (spoken.source === 'authored' || spoken.source === 'generic') this.memory.guard.fallbacks++;
    this.memory.tokens.prompt += spoken.tokens.prompt;
    this.memory.tokens.completion += spoken.tokens.completion;
    let text = spoken.text;
    // A question must name whom it asks, so that seat knows to answer (unless it names someone already),
    // and in the room's language: an English table says "Uncle De, …", never "德叔，…".
    if (choice.intent === 'ask' && choice.target && channel.kind === 'public') {
      const named = view.story.characters.some(
        (c) => c.id !== this.seat && addresses(text, callNames(view, c.id)),
      );
      const zh = this.options.language === 'zh';
      if (!named)
        text = `${addressName(view, choice.target, this.options.language)}${zh ? '，' : ', '}${text}`;
    }
    const command: SeatCommand =
      channel.kind === 'public'
        ? { type: 'PUBLIC_MESSAGE', text: text.slice(0, 1000) }
        : channel.kind === 'talk'
          ? { type: 'PRIVATE_MESSAGE', talk: channel.talk, text: text.slice(0, 1000) }
          : { type: 'STATEMENT', text: text.slice(0, 2000) };
    if (this.blocked.has(this.blockKey(view, command))) return null;
    return {
      command,
      speech: { ...spoken, text, intent: choice.intent, channel, to, claim: choice.claim?.id ?? null },
    };
  }

  private introChoice(view: View): IntentChoice {
    const facts = this.knowledge(view).facts.filter((f) => f.kind === 'profile');
    return { intent: 'intro', facts, claim: null, target: null };
  }

  /** Accuse (or state, at the end) with the clues behind the strongest suspicion. */
  private accusation(view: View, intent: 'accuse' | 'statement'): IntentChoice {
    const top = suspicion(view, this.options.readings)[0];
    const knowledge = this.knowledge(view);
    const facts = (top?.evidence ?? [])
      .map((id) => knowledge.facts.find((f) => f.kind === 'clue' && f.ref === id))
      .filter((f) => f !== undefined)
      .filter(isStatable)
      .slice(0, 3);
    return { intent, facts, claim: null, target: top?.character ?? null };
  }

  private search(view: View): AgentAction | null {
    const me = view.me;
    if (!me) return null;
    for (const c of me.clues) {
      if (c.published || c.kept) continue;
      // Someone with something to hide (a cover story) keeps back what points at itself.
      const hide =
        (me.character.cover?.length ?? 0) > 0 && incriminating(this.seat, c.id, this.options.readings);
      const a = this.ok(
        view,
        hide ? { type: 'KEEP_CLUE', clue: c.id } : { type: 'PUBLISH_CLUE', clue: c.id },
      );
      if (a) return a;
    }
    const mine = new Map<string, number>();
    for (const c of me.clues) mine.set(c.location, (mine.get(c.location) ?? 0) + 1);
    const rng = this.rng(view);
    const options = view.story.locations
      .filter((l) => l.cost <= me.actionPoints)
      .map((l) => ({ l, key: (mine.get(l.id) ?? 0) + rng() }))
      .sort((a, b) => a.key - b.key);
    for (const { l } of options) {
      const a = this.ok(view, { type: 'SEARCH', location: l.id });
      if (a) return a;
    }
    return null;
  }

  private async publicly(view: View, now: number): Promise<AgentAction | null> {
    const chat = view.table?.chat ?? [];
    const names = callNames(view, this.seat);
    const answered = new Set(this.memory.answered);
    const question = chat
      .slice(-12)
      .find(
        (m) =>
          m.seat !== this.seat &&
          !answered.has(`public:p${view.progress.phase}:${m.n}`) &&
          asks(m.text, names),
      );
    const answers = this.memory.answered.filter((a) =>
      a.startsWith(`public:p${view.progress.phase}:`),
    ).length;
    if (question && answers < (this.options.publicAnswers ?? 6)) {
      this.memory.answered.push(`public:p${view.progress.phase}:${question.n}`);
      this.memory.answered.push(`public:${question.n}`);
      const choice = this.replyChoice(view, question.text, question.seat);
      return this.say(view, { kind: 'public' }, 'table', choice, {
        from: question.seat,
        text: question.text,
      });
    }
    if (this.spokenIn(view) >= (this.options.publicLines ?? 2) || this.humansFirst(view, now)) return null;
    const last = this.memory.lastSpokeAt;
    if (last !== null && now - last < (this.options.cooldownMs ?? 20_000)) return null;
    const rng = this.rng(view);
    if (rng() > (this.options.talkativeness ?? 0.7)) return null;
    const top = suspicion(view, this.options.readings)[0];
    if (top && top.score >= 0.6 && view.progress.act >= 2)
      return this.say(view, { kind: 'public' }, 'table', this.accusation(view, 'accuse'), null);
    const others = view.story.characters.filter((c) => c.id !== this.seat).map((c) => c.id);
    const target = top && top.score > 0 ? top.character : (others[Math.floor(rng() * others.length)] ?? null);
    return this.say(
      view,
      { kind: 'public' },
      'table',
      { intent: 'ask', facts: [], claim: null, target },
      null,
    );
  }

  private replyChoice(view: View, text: string, asker: string): IntentChoice {
    return chooseReply({
      speech: text,
      asker,
      seat: this.seat,
      names: callNames(view, this.seat),
      knowledge: this.knowledge(view),
      memory: this.memory,
      readings: this.options.readings,
    });
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
    for (const t of mine) {
      if (t.status !== 'open') continue;
      const other = t.from === this.seat ? t.to : t.from;
      const said = t.messages.filter((m) => m.seat === this.seat).length;
      const last = t.messages[t.messages.length - 1];
      if (said >= (this.options.talkLines ?? 2)) {
        if (!last || last.seat === this.seat) return this.ok(view, { type: 'END_TALK', talk: t.id });
        continue;
      }
      if (!last && t.from === this.seat)
        return this.say(
          view,
          { kind: 'talk', talk: t.id },
          other,
          { intent: 'ask', facts: [], claim: null, target: other },
          null,
        );
      if (last && last.seat !== this.seat && !this.memory.answered.includes(`${t.id}:${last.n}`)) {
        this.memory.answered.push(`${t.id}:${last.n}`);
        const choice = this.replyChoice(view, last.text, other);
        return this.say(view, { kind: 'talk', talk: t.id }, other, choice, { from: other, text: last.text });
      }
    }
    const phase = String(view.progress.phase);
    if ((this.memory.requested[phase] ?? []).length > 0 || mine.some((t) => t.status === 'open')) return null;
    const top = suspicion(view, this.options.readings)[0];
    return top ? this.ok(view, { type: 'REQUEST_TALK', with: top.character }) : null;
  }
}
