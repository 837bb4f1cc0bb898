import { clauseAct, clauses, fallbackAct, isQuestion, MARKS, type DialogueAct } from './acts.js';
import { kinTerms } from './kinship.js';
import { VICTIM, type Lexicon, type Mention } from './lexicon.js';
import { parseTimes, type TimeSpan } from './times.js';

/** What one utterance says, as the table would read it. */
export interface Understood {
  /** Its dialogue acts, in order (usually one; two for "where were you, and what did you see?"). */
  acts: DialogueAct[];
  /** It asks something of someone. */
  question: boolean;
  /** The seat it is addressed to (called by name or form of address), or null. */
  to: string | null;
  /** Characters (or 'victim') it talks about, besides the addressee and the speaker. */
  people: string[];
  places: string[];
  clues: string[];
  times: TimeSpan[];
  /** It means the time of the crime without a clock time: 案发时, when it happened. */
  incident: boolean;
  /** It denies something (没去过, never, not mine). */
  negated: boolean;
  /** Of `people`, those named only inside quoted words (a clue's text, someone's account): talked of, not aimed at. */
  quoted: string[];
  /**
   * Whom an accusation in it is aimed at: the first person its accusing clause names, or the addressee when that
   * clause names nobody ("是你下的毒吧"). Null without an accusation. "我也怀疑宋师傅。因为老俞也提出过同样的
   * 怀疑" accuses 宋师傅, not 老俞.
   */
  accused: string | null;
}

export interface UnderstandContext {
  lexicon: Lexicon;
  /** Who said it: kin words (爸, Dad) mean someone only for a known speaker. */
  speaker: string | null;
}

const INCIDENT =
  /案发|出事|事发|作案|遇害|被害|死的时候|倒下的时候|下毒的时候|出事那会|停电|断电|黑灯|\bpower (?:failed|failure|went|cut|was out)|\bblackout|\blights went out|when (?:it|this|that) happened|when (?:she|he|it) (?:died|was killed|was poisoned|collapsed|happened)|time of (?:the )?(?:murder|death|crime|killing|poisoning)|during the (?:blackout|power cut|murder|interval)|at the time\b|the (?:crime|murder) window/i;
const NEGATED =
  /没有?(?:去|进|出|到|碰|见|看|动|拿|离开|回)|从没|从来没|不是我|不是(?:我|俺)的|没去过|never\b|didn'?t\b|did not\b|wasn'?t\b|haven'?t\b|not mine|\bnot\b/i;

/** Fillers a line may start with before the name it calls: 那个, 诶, hey, ok so. */
const LEAD =
  /^(?:\s|[,，.。!！~…]|那个|那|诶|欸|哎|喂|嗯|额|呃|emmm*|ok(?:ay)?|so|hey|hi|well|um+|uh+|and|but|oi|look|listen|请问|问一下|我问|我想问(?:问)?|想问)*/i;

/** Whose kin a kin word is, by the word before it: 你爸, your dad (the addressee's); 我爸, my dad (the speaker's). */
function possessor(before: string): 'you' | 'me' | 'other' | null {
  if (/(?:你|您|妳)的?$|\b(?:your|ur|yr)\s+$/i.test(before)) return 'you';
  if (/(?:我|俺)的?$|\bmy\s+$/i.test(before)) return 'me';
  if (/(?:他|她)的?$|\b(?:his|her|their)\s+$/i.test(before)) return 'other';
  return null;
}

/**
 * Kin words at a word's edges in Latin text (a possessive s allowed: "dads note"); any place in Chinese.
 * `whose` keeps those whose possessor fits: the speaker's own (my dad, 爸), or the addressee's (your dad).
 */
function findKin(
  text: string,
  kin: ReadonlyMap<string, string>,
  whose: (p: ReturnType<typeof possessor>, term: string) => boolean,
): Mention[] {
  const out: Mention[] = [];
  const lower = text.toLowerCase();
  for (const [term, id] of kin) {
    const latin = /^[a-z ]+$/.test(term);
    let from = 0;
    for (;;) {
      const i = (latin ? lower : text).indexOf(term, from);
      if (i < 0) break;
      from = i + 1;
      const end = i + term.length;
      if (
        latin &&
        (/[a-z]/.test(lower[i - 1] ?? ' ') ||
          /[a-z]/.test(
            lower
              .slice(end)
              .replace(/^s(?![a-z])/, '')
              .charAt(0),
          ))
      )
        continue;
      if (!whose(possessor(text.slice(Math.max(0, i - 8), i)), term)) continue;
      out.push({ kind: 'person', id, index: i, text: text.slice(i, end) });
    }
  }
  // Longest first: 爸爸 over 爸.
  out.sort((a, b) => b.text.length - a.text.length);
  const kept: Mention[] = [];
  for (const m of out)
    if (!kept.some((k) => m.index < k.index + k.text.length && k.index < m.index + m.text.length))
      kept.push(m);
  return kept;
}

const EN_AFTER_NAME =
  /^\s*(?:u|you|your|ur|ya|i|we|honestly|just|tell|explain|look|come|please|pls|where|what|whats|who|whos|why|how|did|do|does|were|was it|is it|are|have|has|can|could|would|will|be|stop|admit|you're|youre|it was|its|it's|be honest|between|from|at|when|after|before|sometime|around|about)\b/i;
const ZH_AFTER_NAME =
  /^(?:\s|[,，:：、!！?？~…]|$|你|您|妳|不对|同志|师傅|老师|啊|呀|哇|呢|吧|我问你|问你|说说|讲讲|请|麻烦|到底|究竟|怎么|为什么|为啥|是不是|有没有|老实|别|qtime|[零一二两三四五六七八九十\d]+[点點:])/;

/** A title before a name in Latin text: "aunt xiuhe", "young Lin" (the lexicon knows the name alone). */
const TITLE =
  /^\s*(?:aunt|auntie|aunty|uncle|mr\.?|mrs\.?|ms\.?|miss|master|manager|young|little|old|brother|sister|dr\.?|doctor|teacher|boss|madam|sir|comrade|director|grandpa|granny)\s+$/i;

/** After a name, words that make it the one spoken of, not to: 's, said, was in the hall, 说, 的. */
const EN_SUBJECT =
  /^(?:['’]s\b|s\b|\s+(?:and|or|said|says|told|tells|thinks|knows|was|is|has|had|did|does|went|goes|came|left|saw|heard|never|always|could|would|must|might|\w+ed)\b)/i;
const ZH_SUBJECT =
  /^(?:的|说|讲|告诉|和|跟|与|同|在|去|到|是|也|都|就|一直|刚|又|把|被|那|这|他|她|才|还说过|曾)/;
/** An inverted question after the name keeps it a call: "uncle su, was uncle chen really next to u". */
const EN_INVERTED =
  /^\s+(?:was|is|did|does|has|had|were)\s+(?:qperson|he|she|they|anyone|anybody|someone|the|that|this)\b/i;
const SECOND_PERSON_AFTER = /你|您|妳|\b(?:u|you|ur|your|ya)\b/i;

/**
 * A name that opens a line which speaks to "you" later is the one spoken to, unless the words after it make it
 * the subject ("小燕说你…", "xiaoyan said u…"): "mr zheng those remittance slips have ur company's address",
 * "郑生包厢废纸篓里撕烂那份合约是咋回事 你跟师父到底啥关系".
 */
function spokenTo(text: string, m: Mention): boolean {
  const after = text.slice(m.index + m.text.length);
  if (!SECOND_PERSON_AFTER.test(after)) return false;
  const zh = /[\u3400-\u9fff]/.test(m.text) || /^[\u3400-\u9fff]/.test(after);
  if (zh) return !ZH_SUBJECT.test(after.trimStart());
  return (
    !EN_SUBJECT.test(after) ||
    EN_INVERTED.test(after.replace(/\b(?:uncle|aunt|mr|ms|mrs|miss|master|old|young)\s+\w+/i, 'qperson'))
  );
}

/**
 * The seat a line is addressed to: a name that opens the line or a clause (after fillers) and is followed by a
 * pause, "you", a question word or a time; or a name it ends with after a comma ("…, Uncle De?").
 */
function addressee(text: string, people: Mention[], times: { index: number }[]): Mention | null {
  const lead = LEAD.exec(text)?.[0].length ?? 0;
  const vocative = (m: Mention) => {
    let after = text.slice(m.index + m.text.length);
    if (times.some((t) => t.index === m.index + m.text.length)) after = `qtime${after}`;
    return /[\u3400-\u9fff]/.test(m.text) || /[\u3400-\u9fff]/.test(after.slice(0, 2))
      ? ZH_AFTER_NAME.test(after)
      : /^\s*(?:[,，:：!！?？~…—-]|$)/.test(after) || EN_AFTER_NAME.test(after);
  };
  const first = people.find(
    (m) => m.index >= lead && (m.index <= lead + 1 || TITLE.test(text.slice(lead, m.index))),
  );
  if (first && (vocative(first) || spokenTo(text, first))) return first;
  // A name that opens a later clause and is followed by "you": "…左右 小舟你那会在干嘛", "…headdress xiaoyan it was u".
  for (const m of people) {
    const before = text.slice(0, m.index);
    if (!/(?:[\s,，。.!！?？;；]|^)$/.test(before)) continue;
    const after = text.slice(m.index + m.text.length);
    if (/^(?:你|您|\s*(?:u|you|ur|your)\b|\s+it was u\b|\s+it was you\b)/i.test(after)) return m;
    // "…around 9:10 xiaozhou what were u doing then": a name, then a question put to "you".
    if (
      m.index > lead &&
      /^\s+(?:what|where|why|how|when|who|did|were|was|do|have|can|could|are|will|would)\b.{0,24}\b(?:u|you)\b/i.test(
        after,
      )
    )
      return m;
  }
  // "You're right, Uncle De. Rat poison…": a name set off by a comma and the end of a sentence.
  for (const m of people) {
    const before = text.slice(0, m.index);
    const after = text.slice(m.index + m.text.length);
    if (/[,，]\s*$/.test(before) && /^\s*(?:[.。!！?？;；…]|—|--|$)/.test(after)) return m;
  }
  const last = people[people.length - 1];
  if (last) {
    const before = text.slice(0, last.index);
    const after = text.slice(last.index + last.text.length);
    if (/[,，]\s*$/.test(before) && /^\s*(?:[?？!！.。~…]|$)/.test(after)) return last;
    if (
      /\s$/.test(before) &&
      !/[\u3400-\u9fff]/.test(last.text) &&
      /^\s*(?:and\b|[?？!！.。]|$)/.test(after) &&
      /\b(?:u|you|ur|your)\b/i.test(before)
    )
      return last;
  }
  return null;
}

/**
 * Names with a typed possessive s and no apostrophe: "chuntaos headdress", "xiaozhous name". The lexicon reads
 * whole words; the word less its s is looked up when it is not a story word itself.
 */
function possessives(text: string, found: Mention[], lexicon: Lexicon): Mention[] {
  const out: Mention[] = [];
  for (const w of text.matchAll(/\b[a-z][a-z-]{3,}s\b/gi)) {
    const index = w.index ?? 0;
    if (found.some((m) => index < m.index + m.text.length && m.index < index + w[0].length)) continue;
    const stem = w[0].slice(0, -1);
    const hit = lexicon.find(stem).filter((m) => m.kind === 'person' && m.text.length === stem.length);
    if (hit.length === 1 && hit[0]) out.push({ ...hit[0], index, text: stem });
  }
  return out;
}

/** The text with these mentions blanked out: "ah-he" and "mrs he" hold no "he". */
function blank(text: string, mentions: Mention[]): string {
  let out = text;
  for (const m of mentions)
    out = out.slice(0, m.index) + ' '.repeat(m.text.length) + out.slice(m.index + m.text.length);
  return out;
}

const SHE = /\b(?:she|her|hers|herself)\b|她(?![们俩])/i;
const HE = /\b(?:he|him|his|himself)\b|(?<!其)他(?![们俩])/i;

/**
 * "She" or "he" of the victim's gender in a line that names nobody else it could mean: the one the whole table
 * talks about ("did she say anything about the taste", 是你害了她).
 */
function victimPronoun(text: string, named: string[], lexicon: Lexicon): boolean {
  const gender = lexicon.genders.get(VICTIM);
  if (!gender) return false;
  if (!(gender === 'f' ? SHE : HE).test(text)) return false;
  return !named.some((id) => {
    const g = lexicon.genders.get(id);
    return g === gender || g === null || g === undefined;
  });
}

/** Reads one utterance: acts, addressee, and the story's people, places, clues and times in it. */
export function understand(text: string, ctx: UnderstandContext): Understood {
  const { lexicon } = ctx;
  const words = lexicon.find(text);
  let times = parseTimes(text, lexicon.frame);
  // A story word that a time reading cuts into keeps its words: "dressing room 1 after nine" is the room,
  // then "after nine" (not "1 after nine"). The time is read again with the word blanked out.
  const cut = words.filter((m) =>
    times.some(
      (t) =>
        m.index < t.index + t.text.length &&
        t.index < m.index + m.text.length &&
        (m.index < t.index || m.index + m.text.length > t.index + t.text.length),
    ),
  );
  if (cut.length > 0) {
    times = parseTimes(blank(text, cut), lexicon.frame);
  }
  // A time read with the spaces around it (" 九点到九点一刻 ") stands where its words do.
  times = times.map((t) => {
    const lead = t.text.length - t.text.trimStart().length;
    return lead > 0 || t.text !== t.text.trimEnd() ? { ...t, index: t.index + lead, text: t.text.trim() } : t;
  });
  const found = words.filter(
    (m) => !times.some((t) => m.index >= t.index && m.index < t.index + t.text.length),
  );
  const own = ctx.speaker ? kinTerms(lexicon.view, lexicon, ctx.speaker) : new Map<string, string>();
  const kin = findKin(text, own, (p) => p === null || p === 'me');
  const overlaps = (k: Mention, list: Mention[]) =>
    list.some((m) => k.index < m.index + m.text.length && m.index < k.index + k.text.length);
  // A story word typed with one letter wrong: "the hankerchief in the courtyard leaves".
  for (const w of text.matchAll(/[a-z]{7,}/gi)) {
    const index = w.index ?? 0;
    if (
      /[a-z]/i.test(text.charAt(index - 1)) ||
      words.some((m) => index < m.index + m.text.length && m.index < index + w[0].length)
    )
      continue;
    for (const e of lexicon.misspelt(w[0])) found.push({ ...e, index, text: w[0] });
  }
  const mentions = [
    ...found,
    ...possessives(text, found, lexicon),
    ...kin.filter((k) => !overlaps(k, found)),
  ].sort((a, b) => a.index - b.index);
  const to = addressee(
    text,
    mentions.filter((m) => m.kind === 'person'),
    times,
  );
  const toSeat = to && to.id !== 'victim' && to.id !== ctx.speaker ? to.id : null;
  // The addressee's kin: 你爸, "ur brother"; and a kin word the speaker has none for, in the addressee's
  // words: "小燕，师父不肯让你唱" (her teacher).
  if (toSeat) {
    const theirs = findKin(
      text,
      kinTerms(lexicon.view, lexicon, toSeat),
      (p, term) => p === 'you' || (p === null && !own.has(term)),
    );
    for (const k of theirs) if (!overlaps(k, mentions)) mentions.push(k);
    mentions.sort((a, b) => a.index - b.index);
  }
  const people = mentions.filter((m) => m.kind === 'person');

  // The acts, clause by clause, read with the story's words replaced by marks.
  const found2: DialogueAct[] = [];
  let offset = 0;
  let asked = false;
  let timeBefore = false;
  let index = 0;
  const quotes = quotedRanges(text);
  let accused: string | null | undefined;
  const inQuote = (i: number) => quotes.some(([a, b]) => i >= a && i < b);
  for (const clause of clauses(text)) {
    const start = text.indexOf(clause, offset);
    offset = start >= 0 ? start + clause.length : offset;
    // Quoted words (what a clue says, what someone said) are not what this line does.
    if (
      start >= 0 &&
      quotes.length > 0 &&
      [...clause].every((_, i) => inQuote(start + i) || /\s/.test(clause.charAt(i)))
    )
      continue;
    const inClause = (i: number) => start >= 0 && i >= start && i < start + clause.length;
    const marks: { index: number; length: number; mark: string }[] = [
      ...mentions
        .filter((m) => inClause(m.index))
        .map((m) => ({ index: m.index - start, length: m.text.length, mark: MARKS[m.kind] })),
      ...times
        .filter((t) => inClause(t.index))
        .map((t) => ({ index: t.index - start, length: t.text.length, mark: MARKS.time })),
    ].sort((a, b) => b.index - a.index);
    let marked = clause;
    for (const m of marks) marked = marked.slice(0, m.index) + m.mark + marked.slice(m.index + m.length);
    const ownTimes = times.filter((t) => inClause(t.index)).length;
    // A time said earlier in the line still frames this clause: "九点到九点一刻 谁不在台上".
    if (ownTimes === 0 && timeBefore) marked = `${MARKS.time} ${marked}`;
    if (ownTimes > 0) timeBefore = true;
    if (isQuestion(marked)) asked = true;
    const own = mentions.filter((m) => inClause(m.index));
    const act = clauseAct(clause, {
      people: own.filter((m) => m.kind === 'person' && m !== to).length,
      places: own.filter((m) => m.kind === 'place').length,
      clues: own.filter((m) => m.kind === 'clue').length,
      times: ownTimes,
      marked,
      first: index === 0,
    });
    index++;
    if (act === 'accuse' && accused === undefined) {
      const named = own.find(
        (m) => m.kind === 'person' && m !== to && m.id !== ctx.speaker && !inQuote(m.index),
      );
      accused = named ? named.id : to && to.id !== ctx.speaker ? to.id : null;
    }
    if (act && !found2.includes(act)) found2.push(act);
  }
  // A remark beside a question or an accusation is its preamble ("the bill says 9:10, so where did you go?").
  let acts = found2.length > 1 ? found2.filter((a) => a !== 'offtopic' && a !== 'inform') : found2;
  if (acts.length === 0)
    acts = [
      fallbackAct(text, asked, {
        people: people.filter((m) => m !== to).length,
        places: mentions.filter((m) => m.kind === 'place').length,
        clues: mentions.filter((m) => m.kind === 'clue').length,
        times: times.length,
      }),
    ];
  if (acts.length > 2) acts = acts.slice(0, 2);

  // A noun two clues share names the one the line also names another way: "the bottle in the cream tin".
  const shared = new Set<Mention>();
  for (const m of mentions) {
    if (m.kind !== 'clue') continue;
    const here = mentions.filter((o) => o.kind === 'clue' && o.index === m.index);
    if (here.length < 2) continue;
    const elsewhere = here.filter((o) =>
      mentions.some((x) => x.kind === 'clue' && x.index !== m.index && x.id === o.id),
    );
    if (elsewhere.length > 0 && !elsewhere.includes(m)) shared.add(m);
  }
  const ids = (kind: Mention['kind']) => [
    ...new Set(mentions.filter((m) => m.kind === kind && !shared.has(m)).map((m) => m.id)),
  ];
  const named = [
    // A "name" that opens the line but is no seat to speak to (the victim: 爷爷到底是被谁害的) is talked about.
    ...new Set(
      people.filter((m) => (m !== to || !toSeat) && m.id !== ctx.speaker && m.id !== toSeat).map((m) => m.id),
    ),
  ];
  if (!named.includes(VICTIM) && victimPronoun(blank(text, people), named, lexicon)) named.push(VICTIM);
  return {
    acts,
    question: asked,
    to: toSeat,
    people: named,
    places: ids('place'),
    clues: ids('clue'),
    times: times.map((t) => t.span),
    incident: INCIDENT.test(text),
    negated: NEGATED.test(text),
    quoted: named.filter((id) => people.filter((m) => m.id === id).every((m) => inQuote(m.index))),
    accused: acts.includes('accuse') ? (accused ?? null) : null,
  };
}

/**
 * Where quoted words stand: between quotation marks, and a clue's words after "上写着：" / "says:" to the end
 * of the sentence.
 */
function quotedRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(/“[^”]*”|「[^」]*」|"[^"]*"/g))
    out.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  for (const m of text.matchAll(/(?:上写着|写着|上说|\bsays|\bsaid|\breads):\s*|(?:上写着|写着|上说)：/g)) {
    const from = (m.index ?? 0) + m[0].length;
    const end = text.slice(from).search(/[。！？!?；;]|\.(?:\s|$)/);
    out.push([from, end < 0 ? text.length : from + end]);
  }
  return out;
}
