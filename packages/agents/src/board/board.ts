import type { View } from '@jubensha/protocol';
import type { ClueReadings } from '../decide/clue-reading.js';
import { COACHING, secretTeller } from '../knowledge/knowledge.js';
import type { Language } from '../text/language.js';
import { pick, sentences } from '../text/localized.js';
import { firstPerson } from '../text/person.js';
import { Lexicon, VICTIM } from '../understand/lexicon.js';
import { parseTimes, spansMeet, type TimeSpan } from '../understand/times.js';
import { understand, type Understood } from '../understand/understand.js';
import { clueNotes, type ClueNote } from './clue-notes.js';
import { spanOf, whereabouts, type Whereabouts } from './whereabouts.js';

/** One of the seat's own movements that night (a timeline entry it is in). */
export interface Movement {
  span: TimeSpan;
  /** A location id, or null for a place outside the story's locations. */
  place: string | null;
  placeName: string;
  with: string[];
  /** The script sentence that tells it, in the first person, when one does and it gives nothing away. */
  told: string | null;
  /** The seat must not tell it: it is what a cover claim stands in for, or it tells a secret. */
  secret: boolean;
}

/** A cover claim of the seat's own, read for when and where it puts the seat. */
export interface OwnClaim extends Whereabouts {
  id: string;
  protects: string;
  text: string;
  /** A published clue the seat has seen contradicts it: telling it again would be caught. */
  broken: boolean;
}

/** Something said at the table or in one of the seat's talks, read. */
export interface Said {
  /** public:<n>, talk:<id>:<n> or statement:<seat>. */
  ref: string;
  speaker: string;
  text: string;
  at: number;
  channel: 'public' | 'talk' | 'statement';
  u: Understood;
}

/** Someone's account of where they were, heard at the table. */
export interface HeardClaim extends Whereabouts {
  ref: string;
  speaker: string;
  text: string;
}

/** A claim that does not fit: a clue, another's account or the seat's own knowledge says otherwise. */
export interface Contradiction {
  key: string;
  against: string;
  claim: HeardClaim;
  by:
    | { kind: 'clue'; clue: ClueNote }
    | { kind: 'claim'; claim: HeardClaim }
    | { kind: 'own'; movement: Movement };
}

export interface BoardOptions {
  language: Language;
  /** The author's reading of clues (null: read clue texts only, the --blind-clues ablation). */
  readings: ClueReadings | null;
  /** Understood lines by ref, kept by the agent across views (reading is the costly part). */
  understood?: Map<string, Understood>;
}

const minutesOf = (day: number, hhmm: string | null) => {
  if (!hhmm) return null;
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return day * 1440 + h * 60 + m;
};

/**
 * The seat's case board: its own movements, its cover claims, the clues it has seen and what they tie to
 * whom, everything said that it heard, the accounts people gave of themselves, and where they do not fit.
 * Built from the seat's view alone (and the author's clue readings unless blind).
 */
export class Board {
  readonly lexicon: Lexicon;
  readonly movements: Movement[];
  readonly claims: OwnClaim[];
  readonly clues: ClueNote[];
  readonly said: Said[];
  readonly heard: HeardClaim[];
  readonly contradictions: Contradiction[];
  /** When it happened, as the table knows it. */
  readonly incident: TimeSpan | null;

  constructor(
    readonly view: View,
    readonly options: BoardOptions,
  ) {
    const language = options.language;
    this.lexicon = lexiconFor(view);
    this.incident = incidentOf(view, this.lexicon);
    this.clues = clueNotes(view, this.lexicon, language);
    this.claims = this.ownClaims();
    this.movements = this.ownMovements();
    this.said = this.readSaid();
    this.heard = this.heardClaims();
    this.contradictions = this.findContradictions();
  }

  get seat(): string {
    return this.view.me?.seat ?? '';
  }

  get language(): Language {
    return this.options.language;
  }

  /** The seat tells lies (it has a cover story). */
  get liar(): boolean {
    return this.claims.length > 0;
  }

  private ownClaims(): OwnClaim[] {
    const cover = this.view.me?.character.cover ?? [];
    return cover.map((k) => {
      const text = pick(k.text, this.language);
      const w = whereabouts(text, this.lexicon, this.seat);
      // "After the power failed I went to the shed": a claim about the incident without a clock time covers it.
      if (
        !w.span &&
        this.incident &&
        understand(text, { lexicon: this.lexicon, speaker: this.seat }).incident
      )
        w.span = this.incident;
      return { id: k.id, protects: k.protects, text, ...w, broken: this.broken(k.id, w) };
    });
  }

  /** Whether a published clue the seat has seen contradicts its claim (the author's reading, or the text's). */
  private broken(claimId: string, w: Whereabouts): boolean {
    const published = this.clues.filter((c) => c.published);
    if (this.options.readings)
      return published.some((c) =>
        (this.options.readings?.[c.id]?.contradicts ?? []).some(
          (k) => k.character === this.seat && k.claim === claimId,
        ),
      );
    const text = pick(
      this.view.me?.character.cover?.find((k) => k.id === claimId)?.text ?? null,
      this.language,
    );
    return published.some((c) => clueBreaks(c, w, this.seat, this.withoutNames(text)));
  }

  /** The seat's movements change only with the act (what it knows) and its cover story: read once per act. */
  private ownMovements(): Movement[] {
    const me = this.view.me;
    if (!me) return [];
    const key = `${this.view.story.id}|${me.seat}|${this.view.progress.act}|${this.language}`;
    const hit = movementCache.get(key);
    if (hit) return hit;
    const out = this.readMovements();
    if (movementCache.size > 500) movementCache.clear();
    movementCache.set(key, out);
    return out;
  }

  private readMovements(): Movement[] {
    const me = this.view.me;
    if (!me) return [];
    const tells = secretTeller(this.view, this.language);
    const script = me.character.script.flatMap((act) => sentences(pick(act, this.language)));
    const timed = script.map((s) => ({ s, times: parseTimes(s, this.lexicon.frame) }));
    return me.character.movements.map((m) => {
      const from = minutesOf(m.day, m.at) ?? 0;
      const to = minutesOf(m.day, m.until) ?? from;
      const span: TimeSpan = { from, to: Math.max(from, to), approx: false };
      const placeName = m.location
        ? pick(this.view.story.locations.find((l) => l.id === m.location)?.name ?? null, this.language)
        : pick(m.place, this.language);
      const what = pick(m.what, this.language);
      // Under a cover story, what the claims stand in for is never told: its times and denied places.
      const covered = this.claims.some(
        (k) =>
          (k.span !== null && spansMeet(k.span, span, 2)) ||
          (m.location !== null && k.denied.includes(m.location)),
      );
      const secret = covered || tells(what) !== null;
      // The script sentence that starts at this time tells it best, in the character's own words.
      const sentence = timed.find(
        (t) => t.times.some((x) => x.span.from === from) && !COACHING.test(t.s) && tells(t.s) === null,
      );
      return {
        span,
        place: m.location,
        placeName,
        with: m.with,
        told: !secret && sentence ? firstPerson(sentence.s, this.language) : null,
        secret,
      };
    });
  }

  private readSaid(): Said[] {
    const out: Said[] = [];
    const cache = this.options.understood;
    const read = (ref: string, speaker: string, text: string) => {
      const hit = cache?.get(ref);
      if (hit) return hit;
      const u = understand(text, { lexicon: this.lexicon, speaker });
      cache?.set(ref, u);
      return u;
    };
    for (const m of this.view.table?.chat ?? [])
      out.push({
        ref: `public:${m.n}`,
        speaker: m.seat,
        text: m.text,
        at: m.at,
        channel: 'public',
        u: read(`public:${m.n}`, m.seat, m.text),
      });
    for (const t of this.view.me?.talks ?? [])
      for (const m of t.messages)
        out.push({
          ref: `talk:${t.id}:${m.n}`,
          speaker: m.seat,
          text: m.text,
          at: m.at,
          channel: 'talk',
          u: read(`talk:${t.id}:${m.n}`, m.seat, m.text),
        });
    for (const s of this.view.table?.statements ?? [])
      if (s.text)
        out.push({
          ref: `statement:${s.seat}`,
          speaker: s.seat,
          text: s.text,
          at: s.at,
          channel: 'statement',
          u: read(`statement:${s.seat}`, s.seat, s.text),
        });
    return out.sort((a, b) => a.at - b.at);
  }

  /**
   * Accounts people gave of where they were: the sentences of their lines in the first person that put them
   * somewhere, quotes and reported speech ("X说…", "X said…") left out.
   */
  private heardClaims(): HeardClaim[] {
    const out: HeardClaim[] = [];
    for (const s of this.said) {
      if (s.speaker === this.seat || s.u.question) continue;
      if (!s.u.acts.some((a) => a === 'claim' || a === 'disagree' || a === 'inform')) continue;
      const own = ownAccount(s.text);
      if (!own) continue;
      const w = whereabouts(own, this.lexicon, s.speaker);
      if (w.places.length === 0 && w.denied.length === 0) continue;
      out.push({
        ref: s.ref,
        speaker: s.speaker,
        text: own,
        ...w,
        span: w.span ?? (s.u.incident ? this.incident : null),
      });
    }
    return out;
  }

  private findContradictions(): Contradiction[] {
    const out: Contradiction[] = [];
    const seen = new Set<string>();
    const push = (c: Contradiction) => {
      if (seen.has(c.key)) return;
      seen.add(c.key);
      out.push(c);
    };
    for (const claim of this.heard) {
      // A published clue (or one the seat holds) that puts the speaker where they say they were not.
      for (const clue of this.clues) {
        const byReading = this.options.readings
          ? (this.options.readings[clue.id]?.contradicts ?? []).some((k) => k.character === claim.speaker)
          : false;
        if (
          clueBreaks(clue, claim, claim.speaker, this.withoutNames(claim.text)) ||
          (byReading && clueTouches(clue, claim))
        )
          push({
            key: `${claim.ref}|clue:${clue.id}`,
            against: claim.speaker,
            claim,
            by: { kind: 'clue', clue },
          });
      }
      // Someone else says they saw the speaker elsewhere then (or were with them there): only an account that
      // puts the speaker somewhere, not one that merely names them.
      for (const other of this.heard) {
        if (other.speaker === claim.speaker || !other.people.includes(claim.speaker)) continue;
        if (!SAW_SOMEONE.test(other.text)) continue;
        if (!claim.span || !other.span || !spansMeet(claim.span, other.span, 5) || claim.places.length !== 1)
          continue;
        const elsewhere = other.places.some((p) => !claim.places.includes(p)) && claim.places.length > 0;
        const denied = other.places.some((p) => claim.denied.includes(p));
        if (elsewhere || denied)
          push({
            key: `${claim.ref}|${other.ref}`,
            against: claim.speaker,
            claim,
            by: { kind: 'claim', claim: other },
          });
      }
      // The seat itself was with the speaker somewhere else then.
      // Only a one-place account, and a stay of the seat's own with them inside its span, of five minutes or more.
      for (const m of this.movements) {
        if (
          m.secret ||
          !m.with.includes(claim.speaker) ||
          !claim.span ||
          !m.place ||
          claim.places.length !== 1
        )
          continue;
        const inside =
          m.span.from >= claim.span.from && m.span.to <= claim.span.to && m.span.to - m.span.from >= 5;
        if (inside && !claim.places.includes(m.place))
          push({
            key: `${claim.ref}|own:${m.span.from}`,
            against: claim.speaker,
            claim,
            by: { kind: 'own', movement: m },
          });
      }
    }
    return out;
  }

  /** A text with the story's people left out: what it says, not whom it calls. */
  withoutNames(text: string): string {
    let out = text;
    for (const m of this.lexicon
      .find(text)
      .filter((x) => x.kind === 'person')
      .sort((a, b) => b.index - a.index))
      out = out.slice(0, m.index) + ' ' + out.slice(m.index + m.text.length);
    return out;
  }

  /** Own movements that meet a span, nearest first; the nearest ones before it when none meets it. */
  movementsAt(span: TimeSpan): Movement[] {
    const meet = this.movements.filter((m) => spansMeet(m.span, span));
    if (meet.length > 0) return meet;
    return [...this.movements]
      .filter((m) => m.span.to <= span.from)
      .sort((a, b) => b.span.to - a.span.to)
      .slice(0, 1);
  }

  /** Whose seat a name belongs to, or null for the victim and unknown names. */
  isSeat(id: string): boolean {
    return id !== VICTIM && this.view.story.characters.some((c) => c.id === id);
  }

  /** The lines a seat said, in order. */
  linesOf(seat: string): Said[] {
    return this.said.filter((s) => s.speaker === seat);
  }
}

const movementCache = new Map<string, Movement[]>();
const lexiconCache = new Map<string, Lexicon>();

/** One lexicon per seat and set of clues seen: it is the same for every view until a clue is found. */
function lexiconFor(view: View): Lexicon {
  const clues = [...(view.me?.clues ?? []), ...(view.table?.publishedClues ?? [])].map((c) => c.id).sort();
  const key = `${view.story.id}|${view.me?.seat ?? ''}|${view.progress.act}|${[...new Set(clues)].join(',')}`;
  let lexicon = lexiconCache.get(key);
  if (!lexicon) {
    if (lexiconCache.size > 200) lexiconCache.clear();
    lexiconCache.set(key, (lexicon = new Lexicon(view)));
  }
  return lexicon;
}

/** Words by which an account puts another person somewhere: seeing them, being with them. */
const SAW_SOMEONE =
  /看见|看到|瞧见|碰到|遇到|撞见|和.{1,6}在一起|跟.{1,6}在一起|\bsaw\b|\bseen\b|\bwith (?:him|her)\b|\bran into\b|\bmet\b/i;

/**
 * The part of a line where the speaker tells of themselves: sentences in the first person, without quoted or
 * reported words of others and without finds ("I found the mug in dressing room 1" is not where one was).
 */
export function ownAccount(text: string): string | null {
  const bare = text.replace(/“[^”]*”|"[^"]*"|「[^」]*」/g, '');
  const parts = sentences(bare).filter(
    (p) =>
      /我|\bI\b|\bI'm\b|\bme\b/.test(p) &&
      !/(?:说|写着|写的|says|said|wrote)[：:，,\s]*$/.test(p) &&
      !/[\u3400-\u9fff]{2,4}说[：:]|\b\w+ said\b|\bsays\b|写着/.test(p) &&
      !/找到|搜到|搜出|发现了|\bfound\b|\bin my search\b|我怀疑|我觉得|我看|I think|I suspect|I'd say|my verdict|我的结论|我投|I vote/i.test(
        p,
      ),
  );
  // A frame before a colon ("我说说我那段时间的行踪：", "As I said: ") is how it was told, not what: the account
  // quoted back to its speaker starts after it.
  const told = parts.map((p) => {
    const rest = p.replace(/^[^：:“"\d]{1,32}[：:]\s*/, '');
    return rest !== p && /我|\bI\b|\bI'm\b|\bme\b/.test(rest) ? rest : p;
  });
  return told.length > 0 ? told.join(' ') : null;
}

/** When it happened: the story's incident, else the span of the premise's clock times. */
function incidentOf(view: View, lexicon: Lexicon): TimeSpan | null {
  const i = view.story.incident;
  if (i) {
    const from = minutesOf(i.day, i.at) ?? 0;
    return { from, to: minutesOf(i.day, i.until) ?? from + 30, approx: false };
  }
  return spanOf(pick(view.story.premise, 'zh') || pick(view.story.premise, 'en'), lexicon.frame);
}

/**
 * Whether a clue's text breaks an account of someone: it ties them to a place the account denies (the
 * pompom from her headdress, found in the room she never entered), or to another place at a time the account
 * covers.
 */
export function clueBreaks(clue: ClueNote, w: Whereabouts, who: string, account = ''): boolean {
  // What the account says was done at a place, and a clue there that says nobody did it: "I pulled the cord
  // for twenty minutes" in the shed, "Nobody has pulled the cord tonight" on the shed's generator.
  if (account && (w.places.includes(clue.location) || clue.where.places.some((p) => w.places.includes(p)))) {
    const mine = contentWords(account);
    if (clue.parts.some((p) => NOBODY.test(p.text) && [...contentWords(p.text)].some((x) => mine.has(x))))
      return true;
  }
  // Found where the account says the person never went, and naming them (by name or the part they play): a
  // word of their belongings alone is too weak to place them anywhere.
  const named = clue.parts.some((p) => (p.ties[who] ?? 0) >= 1);
  if (!named) return false;
  if (w.denied.includes(clue.location) || clue.where.places.some((p) => w.denied.includes(p))) return true;
  if (!w.span || w.places.length === 0) return false;
  const span = w.span;
  // One sentence must name the person (a belonging is not enough to place them), a time in the account's
  // span and another place together.
  return clue.parts.some((p) => {
    if ((p.ties[who] ?? 0) < 1 || !p.where.span || !spansMeet(span, p.where.span, 3)) return false;
    const there = p.where.places.length > 0 ? p.where.places : [clue.location];
    return there.every((x) => !w.places.includes(x));
  });
}

const NOBODY =
  /没有人|没人|谁也没|从没|从来没|根本没|没有被|未被|不曾|nobody|no one|never|has not been|hasn't been|had not been|not once|untouched|unused/i;
const STOP_WORDS = new Set([
  'that',
  'this',
  'with',
  'from',
  'have',
  'been',
  'were',
  'they',
  'there',
  'tonight',
  'about',
  'after',
  'before',
  'into',
  'only',
  'just',
  'what',
  'when',
  'said',
]);

/** Words of substance of a text: English words of four letters or more, Chinese two-character runs without function characters. */
function contentWords(text: string): Set<string> {
  if (/[\u3400-\u9fff]/.test(text)) {
    const out = new Set<string>();
    const t = text.replace(/[^\u3400-\u9fff]/g, ' ');
    for (const run of t.split(/\s+/))
      for (let i = 0; i + 2 <= run.length; i++) {
        const g = run.slice(i, i + 2);
        if (!/[的了是在我你他她们这那有不没也都就还和着过把被说到上下里]/.test(g)) out.add(g);
      }
    return out;
  }
  return new Set(
    (text.toLowerCase().match(/[a-z]{4,}/g) ?? [])
      .map((w) => w.replace(/(?:ing|ed|s)$/, ''))
      .filter((w) => w.length >= 4 && !STOP_WORDS.has(w)),
  );
}

/** Whether a clue is about what an account says: the same place, time or object. */
function clueTouches(clue: ClueNote, w: Whereabouts): boolean {
  return (
    w.places.includes(clue.location) ||
    w.denied.includes(clue.location) ||
    w.clues.includes(clue.id) ||
    (w.span !== null && clue.where.span !== null && spansMeet(w.span, clue.where.span, 5))
  );
}
