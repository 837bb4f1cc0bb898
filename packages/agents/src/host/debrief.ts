import type { PrivateCharacter, View } from '@jubensha/protocol';
import type { AgentMemory, LedgerEntry } from '../character/memory.js';
import type { Language } from '../text/language.js';
import { pick } from '../text/localized.js';
import { firstPerson } from '../text/person.js';

/**
 * How much of a seat an AI played. `whole`: no human ever held it. `part`: a human held it for some of
 * the game (took it over, or had it before it was handed to the AI) and the AI said something while it
 * held it. `none`: a human holds or held it and the AI never said a word for it: nothing to debrief, and
 * naming it an AI would tell the table a human's seat was an AI's.
 */
export type AiShare = 'whole' | 'part' | 'none';

/**
 * What share of a seat its AI played, from what the host may see once the game is revealed: who holds the
 * seat now, whether a human ever took it (a name), and whether anything said for the seat at the table
 * (public chat, statements) is not in the AI's ledger, so that a human said it.
 */
export function aiShare(view: View, memory: AgentMemory): AiShare {
  const seat = view.progress.seats.find((s) => s.seat === memory.seat);
  if (!seat) return 'none';
  const humanHeld = seat.controller === 'human' || seat.name !== null || humanSpoke(view, memory);
  if (!humanHeld) return 'whole';
  return memory.ledger.length > 0 ? 'part' : 'none';
}

/** Whether a line said for the seat at the table is none of the AI's (matched by text, each once). */
function humanSpoke(view: View, memory: AgentMemory): boolean {
  const said = [
    ...(view.table?.chat ?? []).filter((m) => m.seat === memory.seat).map((m) => m.text),
    ...(view.table?.statements ?? []).filter((s) => s.seat === memory.seat).flatMap((s) => s.text ?? []),
  ];
  const mine = memory.ledger.map((e) => e.text.trim());
  return said.some((line) => {
    const text = line.trim();
    // A line the AI said is in its ledger whole; the table may hold it cut to the message limit.
    const i = mine.findIndex((t) => t === text || (text.length > 0 && t.startsWith(text)));
    if (i < 0) return true;
    mine.splice(i, 1);
    return false;
  });
}

/** Sentence-final marks: a piece ending in one (or in one inside closing quotes) needs no other. */
const ENDED = /[。！？!?.…]["”’」』)）]*$/u;
/** Punctuation and space a piece may trail before a join: the join supplies its own. */
const TRAILING = /[\s。！？；，、：!?;,:.…]+$/u;

/** A piece with no mark at its end: for lists, where the join puts its separator. */
export function clause(text: string): string {
  return text.trim().replace(TRAILING, '');
}

/** A piece as a sentence: ended by exactly one mark (its own if it has one). */
export function sentence(text: string, language: Language): string {
  const t = text.trim().replace(/[\s；，、：;,:]+$/u, '');
  if (!t) return '';
  return ENDED.test(t) ? t : `${t}${language === 'zh' ? '。' : '.'}`;
}

/**
 * The one place where a debrief's pieces are joined: each list item loses its own end mark and takes the
 * separator, each sentence ends with exactly one mark, and sentences follow one another with a space in
 * English and none in Chinese. So no "。；", "..", ".;" at a seam, whatever the script's text ends with.
 */
export function joinSentences(pieces: string[], language: Language): string {
  return pieces
    .map((p) => sentence(p, language))
    .filter(Boolean)
    .join(language === 'zh' ? '' : ' ');
}

export function joinList(items: string[], language: Language): string {
  return items
    .map(clause)
    .filter(Boolean)
    .join(language === 'zh' ? '；' : '; ');
}

/** One lie: a cover claim (or a cover line without a claim), its words, and everyone it was told to. */
interface Lie {
  key: string;
  text: string;
  protects: string | null;
  to: string[];
}

/** Where a line was told: 'table', 'statement' or the seat of a private talk. */
function placeOf(e: LedgerEntry): string {
  if (e.channel.kind === 'statement') return 'statement';
  if (e.channel.kind === 'talk') return e.to === 'table' ? 'table' : e.to;
  return 'table';
}

/** The seat's lies, each once, in the order first told: the cover claims in its ledger. */
export function liesOf(
  memory: AgentMemory,
  character: PrivateCharacter | undefined,
  language: Language,
): Lie[] {
  const lies = new Map<string, Lie>();
  for (const e of memory.ledger) {
    if (e.intent !== 'cover' && !e.claim) continue;
    const key = e.claim ?? `text:${e.text}`;
    let lie = lies.get(key);
    if (!lie) {
      const claim = e.claim ? character?.cover?.find((k) => k.id === e.claim) : undefined;
      // The lie in the script's words (the claim), else as first said.
      const text = (claim ? pick(claim.text, language) : '') || e.text;
      lie = { key, text: text.trim(), protects: claim?.protects ?? null, to: [] };
      lies.set(key, lie);
    }
    const place = placeOf(e);
    if (!lie.to.includes(place)) lie.to.push(place);
  }
  return [...lies.values()];
}

/**
 * One AI character's debrief paragraph, in its own voice: its goals (the script's second person turned to
 * the first), then each lie once (to whom, the words, and what was true). A seat an AI played only in part
 * says so and speaks for that part alone; null for a seat no AI spoke for.
 */
export function debriefParagraph(view: View, memory: AgentMemory, language: Language): string | null {
  const reveal = view.reveal;
  if (!reveal) return null;
  const share = aiShare(view, memory);
  if (share === 'none') return null;
  const zh = language === 'zh';
  const name = (id: string) =>
    pick(view.story.characters.find((c) => c.id === id)?.name ?? null, language) || id;
  const character = reveal.characters.find((c) => c.id === memory.seat);
  const own = (text: string) => firstPerson(text, language);
  const pieces: string[] = [];
  if (share === 'part')
    pieces.push(
      zh
        ? '这个座位只有一部分时间由AI扮演，其余时间是玩家在玩。我只讲AI扮演的那部分，玩家说过的话由玩家自己来讲'
        : 'An AI played this seat for only part of the game and a player played the rest. I speak only for the AI’s part; what the player said is theirs to tell',
    );
  const goals = (character?.goals ?? []).map((g) => own(pick(g.text, language))).filter((g) => g.trim());
  if (goals.length > 0)
    pieces.push(
      zh
        ? // Items of a list: a goal's own inner full stops become commas.
          `我的目标是：${joinList(
            goals.map((g) => clause(g).replace(/。(?=.)/gu, '，')),
            language,
          )}`
        : `My goals: ${joinSentences(goals, language)}`,
    );
  const lies = liesOf(memory, character, language);
  if (lies.length === 0)
    pieces.push(
      share === 'part'
        ? zh
          ? 'AI替我说话的那段时间里，我没有说过谎'
          : 'While the AI played me, I told no lies'
        : zh
          ? '我没有说过谎'
          : 'I told no lies',
    );
  // Lies that hid the same secret are told together, and the truth once after them.
  const secrets = [...new Set(lies.map((l) => l.protects))];
  for (const secret of secrets) {
    const group = lies.filter((l) => l.protects === secret);
    group.forEach((lie, i) => pieces.push(toldLine(lie, i > 0, name, language)));
    const truth = secret ? pick(character?.secrets.find((s) => s.id === secret)?.text ?? null, language) : '';
    const many = group.length > 1;
    pieces.push(zh ? (many ? '这些都是假话' : '这是假话') : many ? 'Those were lies' : 'That was a lie');
    if (truth.trim()) pieces.push(zh ? `真相是：${own(truth)}` : `The truth: ${own(truth)}`);
  }
  const head = `${name(memory.seat)}${zh ? '：' : ': '}`;
  return head + joinSentences(pieces, language);
}

/** "I told the table and Zheng Jiahui in private: “…”": the lie's words, to everyone it was told to. */
function toldLine(lie: Lie, again: boolean, name: (id: string) => string, language: Language): string {
  const words = sentence(lie.text, language);
  const zh = language === 'zh';
  const talks = lie.to.filter((p) => p !== 'table' && p !== 'statement').map(name);
  const places = [
    ...(lie.to.includes('table') ? [zh ? '当着大家的面' : 'the table'] : []),
    ...(lie.to.includes('statement') ? [zh ? '在最后陈述里' : 'the table in my final statement'] : []),
    ...(talks.length > 0
      ? [zh ? `私下对${series(talks, language)}` : `${series(talks, language)} in private`]
      : []),
  ];
  if (zh) return `我${again ? '还' : ''}${places.join('，也')}说过：“${words}”`;
  return `I${again ? ' also' : ''} told ${series(places, language)}: “${words}”`;
}

/** "A, B and C" / "A、B和C". */
function series(items: string[], language: Language): string {
  const and = language === 'zh' ? '和' : ' and ';
  const comma = language === 'zh' ? '、' : ', ';
  return items.length > 1 ? `${items.slice(0, -1).join(comma)}${and}${items.at(-1) ?? ''}` : (items[0] ?? '');
}
