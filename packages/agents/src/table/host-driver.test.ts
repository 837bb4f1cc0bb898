import { applyCommand, createGame, projectView, type GameSnapshot } from '@jubensha/engine';
import { loadBundled } from '@jubensha/engine/testing';
import type { Actor, Command, CommandAck, HintLevel, HostMessage } from '@jubensha/protocol';
import type { Story } from '@jubensha/story';
import { describe, expect, it } from 'vitest';
import { newMemory, type AgentMemory } from '../character/memory.js';
import { firstPerson } from '../text/person.js';
import { HostDriver } from './host-driver.js';
import { SeatDriver } from './seat-driver.js';

const T0 = 1_700_000_000_000;
const HOST: Actor = { kind: 'host' };
const SYSTEM: Actor = { kind: 'system' };

/** A room as the server runs it: every accepted command gives the host runner the host's view. */
class Room {
  at = T0;
  snap: GameSnapshot;
  readonly driver: HostDriver;

  constructor(
    readonly story: Story,
    readonly hintLevel: HintLevel,
    memories: AgentMemory[] = [],
    opts: { stuckMs?: number; driver?: HostDriver; snap?: GameSnapshot } = {},
  ) {
    this.snap = opts.snap ?? createGame(story, { seed: 3, seats: {}, at: T0 });
    this.at = this.snap.context.clock;
    this.driver =
      opts.driver ??
      new HostDriver({
        memories: () => memories,
        now: () => this.at,
        recheckMs: 60_000,
        ...(opts.stuckMs !== undefined ? { stuckMs: opts.stuckMs } : {}),
      });
  }

  apply(actor: Actor, command: Command, step = 1000): CommandAck {
    this.at += step;
    const r = applyCommand(this.story, this.snap, { actor, command, at: this.at });
    if (!r.ok) return { ok: false, error: r.error };
    this.snap = r.snapshot;
    this.notify();
    return { ok: true, version: this.snap.context.version };
  }

  notify(): void {
    this.driver.onHostView({
      roomId: 'room-1',
      language: 'en',
      hintLevel: this.hintLevel,
      view: projectView(this.story, this.snap, { kind: 'host' }),
      unfoundKeyLocations: ['wings'],
      narrate: (line) => Promise.resolve(this.apply(SYSTEM, { type: 'HOST_NARRATE', ...line }, 0)),
    });
  }

  async settle(): Promise<void> {
    for (let i = 0; i < 1000 && this.driver.busy; i++) await new Promise((r) => setTimeout(r, 0));
  }

  get said(): HostMessage[] {
    return this.snap.context.hostMessages.map((m) => ({ ...m }));
  }

  kind(): string {
    return this.story.phases[this.snap.context.phase]?.kind ?? 'lobby';
  }

  async advanceTo(kind: string): Promise<void> {
    for (let guard = 0; guard < 50 && this.kind() !== kind; guard++) {
      this.apply(HOST, { type: 'ADVANCE' });
      await this.settle();
    }
    expect(this.kind()).toBe(kind);
  }
}

describe('HostDriver', async () => {
  const story = await loadBundled('last-curtain');

  it('narrates each phase change once to the table, as the system, in the room language', async () => {
    const room = new Room(story, 1);
    room.notify();
    await room.settle();
    expect(room.said).toEqual([]);
    room.apply(HOST, { type: 'START' });
    await room.settle();
    expect(room.said.map((m) => [m.kind, m.text])).toEqual([
      ['narration', 'Act 1: read your script, then mark it finished.'],
    ]);
    room.apply(HOST, { type: 'ADVANCE' });
    await room.settle();
    room.notify();
    await room.settle();
    expect(room.said.map((m) => m.text)).toEqual([
      'Act 1: read your script, then mark it finished.',
      'Please introduce yourselves, one by one.',
    ]);
    room.driver.close();
  });

  it('reminds of the last minute once, on the clock alone', async () => {
    const room = new Room(story, 0);
    room.apply(HOST, { type: 'START' });
    await room.settle();
    const deadline = room.snap.context.deadline ?? 0;
    expect(deadline).toBeGreaterThan(room.at);
    room.at = deadline - 50_000;
    room.notify();
    await room.settle();
    room.at += 10_000;
    room.notify();
    await room.settle();
    expect(room.said.filter((m) => m.kind === 'reminder').map((m) => m.text)).toEqual(['One minute left.']);
    room.driver.close();
  });

  it('hints at a stuck search only when the room’s hint level allows, graded up to it', async () => {
    const hints = async (level: HintLevel) => {
      const room = new Room(story, level, [], { stuckMs: 60_000 });
      room.apply(HOST, { type: 'START' });
      await room.advanceTo('search');
      for (let i = 0; i < 4; i++) {
        room.at += 61_000;
        room.notify();
        await room.settle();
      }
      room.driver.close();
      return room.said.filter((m) => m.kind === 'hint').map((m) => m.text);
    };
    expect(await hints(0)).toEqual([]);
    const one = await hints(1);
    expect(one).toEqual(['Hint: check everyone’s times against the published clues.']);
    const two = await hints(2);
    expect(two).toHaveLength(2);
    const wings = story.locations.find((l) => l.id === 'wings')?.name.en;
    expect(wings).toBeDefined();
    expect(two[1]).toContain(wings);
  });

  it('runs the debrief once at the debrief: each AI character’s goals and every lie it told, from its ledger', async () => {
    const liar = story.characters.find((c) => c.cover)!;
    const other = story.characters.find((c) => c.id !== liar.id)!;
    const claim = liar.cover!.claims[0]!;
    const told = newMemory(liar.id);
    told.ledger.push({
      at: T0,
      to: 'table',
      channel: { kind: 'public' },
      intent: 'cover',
      claim: claim.id,
      text: claim.text.en!,
      source: 'authored',
    });
    const room = new Room(story, 1, [told, newMemory(other.id)]);
    room.apply(HOST, { type: 'START' });
    await room.advanceTo('reveal');
    expect(room.said.filter((m) => m.kind === 'debrief')).toEqual([]);
    await room.advanceTo('debrief');
    room.notify();
    await room.settle();
    const debrief = room.said.filter((m) => m.kind === 'debrief');
    expect(debrief).toHaveLength(2);
    const secret = liar.secrets.find((s) => s.id === claim.protects)!;
    expect(debrief[0]?.text).toContain(claim.text.en);
    // The script's second person ("you wrote…") is told in the character's first person.
    expect(debrief[0]?.text).toContain(firstPerson(secret.text.en!, 'en'));
    expect(debrief[0]?.text).not.toContain(secret.text.en);
    expect(debrief[0]?.text).toContain(liar.name.en);
    expect(debrief[1]?.text).toContain('I told no lies.');
    // Before the reveal nothing the host said holds a secret of the liar's.
    const beforeReveal = room.said.filter((m) => m.kind !== 'debrief');
    for (const m of beforeReveal) expect(m.text).not.toContain(secret.text.en);
    // A new host on the same game (a server restart) neither announces the phase nor runs the debrief again.
    const again = new Room(story, 1, [told], { snap: room.snap });
    again.notify();
    await again.settle();
    expect(again.said).toEqual(room.said);
    room.driver.close();
    again.driver.close();
  });
});

/**
 * A whole table as the server runs one: the engine, AI seats played by the SeatDriver (authored lines, no
 * model) from their own views, the AI host fed the host's view, and humans whose moves the test makes.
 * An AI's submit counts only while the AI holds the seat (the server's rule).
 */
class Table {
  at = T0;
  snap: GameSnapshot;
  readonly seats: SeatDriver;
  readonly host: HostDriver;

  constructor(
    readonly story: Story,
    readonly language: 'zh' | 'en',
    humans: Record<string, 'human'>,
  ) {
    this.snap = createGame(story, { seed: 5, seats: humans, at: T0 });
    const now = () => this.at;
    this.seats = new SeatDriver({ model: null, now, humanGraceMs: 0, cooldownMs: 0, recheckMs: 1 });
    this.host = new HostDriver({ memories: (room) => this.seats.memories(room), now, recheckMs: 600_000 });
  }

  apply(actor: Actor, command: Command, fromAi = false): CommandAck {
    this.at += 1000;
    const seat = actor.kind === 'seat' ? this.snap.context.seats.find((s) => s.id === actor.seat) : null;
    if (fromAi && seat?.controller !== 'ai') return { ok: false, error: { code: 'NOT_YOUR_SEAT' } as never };
    const r = applyCommand(this.story, this.snap, { actor, command, at: this.at });
    if (!r.ok) return { ok: false, error: r.error };
    this.snap = r.snapshot;
    this.notify();
    return { ok: true, version: this.snap.context.version };
  }

  /** A human's move: it must go through. */
  human(seat: string, command: Command): void {
    expect(this.apply({ kind: 'seat', seat }, command).ok, `${seat} ${command.type}`).toBe(true);
  }

  notify(): void {
    for (const s of this.snap.context.seats)
      if (s.controller === 'ai')
        this.seats.onView({
          roomId: 'room',
          story: this.story,
          language: this.language,
          seat: s.id,
          view: projectView(this.story, this.snap, { kind: 'seat', seat: s.id }),
          submit: (command) => Promise.resolve(this.apply({ kind: 'seat', seat: s.id }, command, true)),
          stream: () => undefined,
        });
    this.host.onHostView({
      roomId: 'room',
      language: this.language,
      hintLevel: 0,
      view: projectView(this.story, this.snap, { kind: 'host' }),
      unfoundKeyLocations: [],
      narrate: (line) => Promise.resolve(this.apply(SYSTEM, { type: 'HOST_NARRATE', ...line })),
    });
  }

  /** Lets the AI seats act, then again once the wait for humans is over. */
  async settle(): Promise<void> {
    for (const wait of [0, 60_000]) {
      this.at += wait;
      this.notify();
      for (let i = 0; i < 20_000 && (this.seats.busy || this.host.busy); i++)
        await new Promise((r) => setTimeout(r, 0));
    }
  }

  kind(): string {
    return this.story.phases[this.snap.context.phase]?.kind ?? 'lobby';
  }

  /** Plays phase by phase to the debrief: `moves` makes the humans' moves in each phase, the AIs act, the host moves on. */
  async playToDebrief(moves: (kind: string, phase: number) => void): Promise<HostMessage[]> {
    this.apply(HOST, { type: 'START' });
    for (let guard = 0; guard < 60 && this.kind() !== 'debrief'; guard++) {
      moves(this.kind(), this.snap.context.phase);
      await this.settle();
      if (this.kind() !== 'debrief') this.apply(HOST, { type: 'ADVANCE' });
    }
    expect(this.kind()).toBe('debrief');
    await this.settle();
    return this.snap.context.hostMessages.filter((m) => m.kind === 'debrief').map((m) => ({ ...m }));
  }

  close(): void {
    this.seats.close();
    this.host.close();
  }

  name(seat: string): string {
    return this.story.characters.find((c) => c.id === seat)?.name[this.language] ?? seat;
  }
}

/** The text outside quotation marks: what the host and the character say, not the words they quote. */
const unquoted = (text: string) => text.replace(/“[^”]*”|"[^"]*"/g, '“”');

/** Checks every debrief paragraph holds: first person, single punctuation, no sentence said twice. */
function wellFormed(paragraphs: string[], language: 'zh' | 'en'): void {
  expect(new Set(paragraphs).size).toBe(paragraphs.length);
  for (const p of paragraphs) {
    const own = unquoted(p);
    if (language === 'zh') {
      expect(own).not.toMatch(/你/);
      expect(p).not.toMatch(/[。；，：！？、][。；，：！？、]/);
    } else {
      expect(own).not.toMatch(/\byou\b|\byour\b|\byours\b|\byourself\b/i);
      expect(own).not.toMatch(/\b(?:me|I) (?:was|were) (?:me|I)\b/);
      expect(p).not.toMatch(/(?<!\.)\.\.(?!\.)|[.;,:]\s*[;,:]|[;,:]\s*\./);
    }
    const sentences = p.split(language === 'zh' ? /(?<=[。！？])(?![”」])/ : /(?<=[.!?][”"]?)\s+/);
    expect(new Set(sentences).size, p).toBe(sentences.length);
  }
}

describe('the debrief at a live table', async () => {
  const story = await loadBundled('rain-tea-hills');
  const culprit = 'lin-xiaozhou';
  const liar = story.characters.find((c) => c.id === culprit)!;
  const ASK = {
    zh: '林小舟，停电以后你去哪儿了？',
    en: 'Lin Xiaozhou, where did you go after the power failed?',
  };

  for (const language of ['zh', 'en'] as const)
    it(`${language}: one first-person paragraph per AI seat, each lie once with whom it was told to and the truth; humans never named as AI`, async () => {
      const humans = ['lin-xiuhe', 'he-shufen'];
      const table = new Table(story, language, Object.fromEntries(humans.map((h) => [h, 'human'])));
      for (const h of humans) {
        table.human(h, { type: 'TAKE_SEAT', name: h });
        table.human(h, { type: 'READY', ready: true });
      }
      let asked = 0;
      const debrief = await table.playToDebrief((kind) => {
        if (kind === 'read') for (const h of humans) table.human(h, { type: 'FINISH_READING' });
        if (kind === 'intro')
          for (const h of humans) table.human(h, { type: 'PUBLIC_MESSAGE', text: `${h}.` });
        if (kind === 'discuss' && asked++ < 2)
          table.human(humans[0]!, { type: 'PUBLIC_MESSAGE', text: ASK[language] });
      });
      const ai = story.characters.map((c) => c.id).filter((id) => !humans.includes(id));
      const texts = debrief.map((m) => m.text);
      // One paragraph per AI seat, each its own host line, headed by the character's name; none for a human.
      expect(
        texts.map((t) =>
          ai.find((id) => t.startsWith(`${table.name(id)}${language === 'zh' ? '：' : ': '}`)),
        ),
      ).toEqual(ai);
      for (const h of humans) for (const t of texts) expect(t.startsWith(table.name(h))).toBe(false);
      wellFormed(texts, language);

      // Each AI seat's lies are named once: the words, whom they were told to, and the truth they hid, once.
      // The culprit, asked where it went, lied; a seat that never lied says so.
      const memories = table.seats.memories('room');
      expect(memories.find((m) => m.seat === culprit)!.ledger.some((e) => e.claim)).toBe(true);
      for (const seat of ai) {
        const character = story.characters.find((c) => c.id === seat)!;
        const told = memories.find((m) => m.seat === seat)!.ledger.filter((e) => e.claim);
        const paragraph = texts.find((t) => t.startsWith(table.name(seat)))!;
        if (told.length === 0)
          expect(paragraph).toMatch(language === 'zh' ? /我没有说过谎。$/ : /I told no lies\.$/);
        const claims = [...new Set(told.map((e) => e.claim))].map((id) =>
          character.cover!.claims.find((c) => c.id === id)!,
        );
        for (const claim of claims) {
          const words = claim.text[language]!;
          expect(paragraph.split(words).length - 1, words).toBe(1);
          const before = paragraph.slice(0, paragraph.indexOf(words));
          const toldLine = before.slice(before.lastIndexOf(language === 'zh' ? '。我' : '. I '));
          for (const e of told.filter((x) => x.claim === claim.id)) {
            const to =
              e.channel.kind === 'talk'
                ? table.name(e.to)
                : e.channel.kind === 'statement'
                  ? language === 'zh'
                    ? '在最后陈述里'
                    : 'in my final statement'
                  : language === 'zh'
                    ? '当着大家的面'
                    : 'the table';
            expect(toldLine, `${words} told to ${to}`).toContain(to);
          }
        }
        for (const secret of new Set(claims.map((c) => c.protects))) {
          const truth = firstPerson(
            character.secrets.find((s) => s.id === secret)!.text[language]!,
            language,
          );
          expect(paragraph.split(truth).length - 1).toBe(1);
        }
      }
      table.close();
    }, 60_000);

  it('a seat taken from the AI before it spoke is not mentioned; one taken after speaks only for the AI’s part; a human seat handed to the AI is never called wholly AI', async () => {
    // All seats start as AI but one, which a human takes and later hands to the AI.
    const handed = 'shen-man';
    const early = 'zhou-yuanshan';
    const table = new Table(story, 'zh', { [handed]: 'human' });
    table.human(handed, { type: 'TAKE_SEAT', name: 'Ann' });
    table.human(handed, { type: 'READY', ready: true });
    const humanLine = '我是林小舟，我整晚都在堂屋，这是我自己说的。';
    let intro = false;
    let discussions = 0;
    const debrief = await table.playToDebrief((kind) => {
      if (kind === 'read') {
        table.human(handed, { type: 'FINISH_READING' });
        // Taken from the AI before it said a word: the host takes it back and a player sits down.
        if (table.snap.context.seats.find((s) => s.id === early)?.controller === 'ai') {
          table.apply(HOST, { type: 'TAKE_BACK', seat: early });
          table.human(early, { type: 'TAKE_SEAT', name: 'Ben' });
        }
      }
      if (kind === 'intro' && !intro) {
        intro = true;
        table.human(handed, { type: 'PUBLIC_MESSAGE', text: '我是沈曼。' });
        table.human(early, { type: 'PUBLIC_MESSAGE', text: '我是周远山。' });
        // The player goes home: the AI plays this seat from here on.
        table.apply(HOST, { type: 'HAND_TO_AI', seat: handed });
      }
      if (kind === 'discuss') {
        discussions++;
        if (discussions === 1)
          table.human(early, { type: 'PUBLIC_MESSAGE', text: '林小舟，停电以后你去哪儿了？' });
        // After the AI told its story in the first discussion, a player takes the culprit's seat and speaks.
        if (discussions === 2) {
          table.apply(HOST, { type: 'TAKE_BACK', seat: culprit });
          table.human(culprit, { type: 'TAKE_SEAT', name: 'Cal' });
          table.human(culprit, { type: 'PUBLIC_MESSAGE', text: humanLine });
        }
      }
    });
    const texts = debrief.map((m) => m.text);
    wellFormed(texts, 'zh');
    const of = (seat: string) => texts.find((t) => t.startsWith(`${table.name(seat)}：`));
    const memories = table.seats.memories('room');
    // Taken before it spoke: its agent saw the game (it finished reading) but said nothing; not a word about it.
    expect(memories.find((m) => m.seat === early)?.ledger).toEqual([]);
    expect(of(early)).toBeUndefined();
    for (const t of texts) expect(t).not.toContain('周远山：');
    // Taken after it spoke: the AI's lies are its own to confess, but the paragraph says a player played the
    // rest, never says the seat as a whole told no lies, and holds nothing the player said.
    const part = of(culprit)!;
    expect(memories.find((m) => m.seat === culprit)!.ledger.some((e) => e.claim)).toBe(true);
    expect(part).toContain('只有一部分时间由AI扮演');
    expect(part).not.toContain(humanLine);
    expect(part).not.toMatch(/^[^：]+：我没有说过谎/);
    for (const e of memories.find((m) => m.seat === culprit)!.ledger.filter((x) => x.claim)) {
      const claim = liar.cover!.claims.find((c) => c.id === e.claim)!;
      expect(part.split(claim.text.zh!).length - 1).toBe(1);
    }
    // A human's seat handed to the AI: if the AI spoke for it, it speaks for its part only, never as a whole AI seat.
    expect(memories.find((m) => m.seat === handed)!.ledger.length).toBeGreaterThan(0);
    expect(of(handed)).toContain('只有一部分时间由AI扮演');
    expect(of(handed)).not.toContain('我是沈曼');
    expect(of(handed)).not.toMatch(/。我没有说过谎/);
    // Seats an AI played all game: the usual paragraph, no word of a player.
    for (const seat of ['lin-jiadong', 'lin-xiuhe', 'he-shufen']) {
      expect(of(seat)).toBeDefined();
      expect(of(seat)).not.toContain('玩家');
    }
    table.close();
  }, 60_000);
});
