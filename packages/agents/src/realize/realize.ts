import type { Board, Contradiction, Movement } from '../board/board.js';
import type { ClueNote } from '../board/clue-notes.js';
import type { Reason } from '../decide/belief.js';
import type { Plan } from '../policy/plan.js';
import type { Language } from '../text/language.js';
import { pick, sentences } from '../text/localized.js';
import { firstPerson } from '../text/person.js';
import { parseTimes } from '../understand/times.js';
import { VICTIM } from '../understand/lexicon.js';
import {
  capital,
  saySpan,
  sayName,
  sayNames,
  sayPlace,
  sayTime,
  sayTitle,
  sentencesOf,
  shorten,
} from './format.js';

/** Everything a realization needs besides the plan. */
export interface RealizeContext {
  board: Board;
  /** Lines this seat said before: a variant already said is not said again while another is left. */
  said: ReadonlySet<string>;
  /** Lines the seat has heard at the table: a variant someone else just said is avoided too. */
  heard?: ReadonlySet<string>;
  /** Picks a variant (seeded). */
  rng: () => number;
  /**
   * The seat's place at the table. Given, variants are taken in turn rather than at random, each seat from
   * its own place in each list: seats that cannot hear each other (in their own private talks) do not
   * word the same move the same way, and one seat moves on to the next variant as it speaks.
   */
  voice?: number;
  /** How many variants this line has chosen so far (each list turns at its own pace). */
  choices?: number;
}

type Lang<T> = Record<Language, T>;

/** One of the variants not yet said or heard: the seat's turn in the list, or the rng's pick. */
function choose(variants: string[], ctx: RealizeContext): string {
  // A variant is in lines when one of them is it, or opens or ends with it.
  const within = (lines: Iterable<string>, v: string) =>
    [...lines].some((l) => l === v || (v.length >= 4 && (l.startsWith(v) || l.endsWith(v))));
  // Stale: said whole, or a lead or a tail some heard line already has.
  const fresh = variants.filter((v) => v && !ctx.said.has(v) && !within(ctx.heard ?? [], v));
  // All stale: one the seat has not said itself (others' lines only heard) before any it has.
  const unsaid = variants.filter((v) => v && !within(ctx.said, v));
  const from = fresh.length > 0 ? fresh : unsaid.length > 0 ? unsaid : variants.filter(Boolean);
  if (ctx.voice === undefined) return from[Math.floor(ctx.rng() * from.length)] ?? '';
  // Lists of a line turn at strides 1, 2, 3…: with nothing stale, two seats whose places differ modulo a
  // prime list length never pick the same pair from two such lists.
  const stride = (ctx.choices = (ctx.choices ?? 0) + 1);
  return from[(ctx.voice * stride + ctx.said.size) % from.length] ?? '';
}

const REVEALING =
  /只有|只剩|缺了?|少了|新鲜|没有人|没有|从没|一模一样|正是|同样|唯一|不是|\bonly\b|missing|fresh|\bnever\b|\bnot\b|nobody|no one|same|exactly|identical|\bno\b/i;

/** A gist that opens with the words the title ends on ("an envelope under the pillow: Under the pillow on…") starts after them. */
function dropEcho(title: string, gist: string): string {
  const words = title.toLowerCase().split(/\s+/);
  for (let n = Math.min(4, words.length); n >= 2; n--) {
    const tail = words.slice(-n).join(' ');
    if (gist.toLowerCase().startsWith(`${tail} `)) {
      const rest = gist.slice(tail.length).trim();
      return rest.charAt(0).toUpperCase() + rest.slice(1);
    }
  }
  return gist;
}

/** A sentence run on after a comma: its first letter lowercased, unless it is "I" or starts a name. */
function lowerFirst(text: string): string {
  if (/^I\b/.test(text) || /^[A-Z][a-z]+ [A-Z]/.test(text)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Quotation marks out of a piece of text that will stand inside a line of its own (a cut quote never closes). */
export function unquote(text: string): string {
  let t = text.replace(/[“”"「」『』]/g, '');
  // A bracket cut open by the shortening, or opened in the sentence before: brackets out.
  for (const [a, b] of [
    ['(', ')'],
    ['（', '）'],
    ['《', '》'],
    ['[', ']'],
  ] as const)
    if (t.split(a).length !== t.split(b).length) t = t.split(a).join('').split(b).join('');
  // A single quotation mark opened at a word and cut before it closes ("'If he really sells the hills").
  const opens = (t.match(/(?:^|[\s(:])'(?=\w)/g) ?? []).length;
  const closes = (t.match(/(?<=[\w.,!?])'(?=[\s.,;:!?)]|$)/g) ?? []).length;
  if (opens !== closes)
    t = t.replace(/(^|[\s(:])'(?=\w)/g, '$1').replace(/(?<=[\w.,!?])'(?=[\s.,;:!?)]|$)/g, '');
  return t.replace(/\s{2,}/g, ' ').trim();
}

/**
 * The sentence of a clue that says most: times and numbers, the story's names, a telling word (only,
 * missing, fresh, 只剩); not the one that only repeats the title. Shortened, without quotation marks.
 */
export function gist(
  clue: ClueNote,
  board: Board,
  max?: number,
  said: ReadonlySet<string> = new Set(),
): string {
  const lines = [...said];
  const all = sentences(clue.text);
  // A sentence the seat has already quoted goes only when no other is left.
  const fresh = all.filter((s) => !lines.some((l) => l.includes(unquote(shorten(s, board.language, max)))));
  const parts = fresh.length > 0 ? fresh : all;
  const titleWords = new Set(clue.title.toLowerCase().match(/[a-z]{3,}|[\u3400-\u9fff]/g) ?? []);
  let best = parts[0] ?? clue.text;
  let score = -Infinity;
  for (const [i, s] of parts.entries()) {
    const words = s.toLowerCase().match(/[a-z]{3,}|[\u3400-\u9fff]/g) ?? [];
    const echo = words.length > 0 ? words.filter((w) => titleWords.has(w)).length / words.length : 0;
    const n =
      parseTimes(s).length * 2 +
      (/\d/.test(s) ? 1 : 0) +
      board.lexicon.find(s).length * 0.7 +
      (REVEALING.test(s) ? 1.5 : 0) +
      (i > 0 ? 0.3 : 0) -
      echo * 3;
    if (n > score) {
      score = n;
      best = s;
    }
  }
  return unquote(shorten(dropPlace(best, board.language), board.language, max));
}

/**
 * A sentence that opens with where the thing lies ("Under the pillow on Master Zhou's cot…, a brown envelope…",
 * "青间角落周师傅的铺位上，枕头底下压着…") starts after it: the place is said beside the gist, and cut short
 * the gist would be the place alone.
 */
function dropPlace(sentence: string, language: Language): string {
  const lead =
    language === 'zh'
      ? /^[^，。；“”]{2,20}(?:上|里|中|下|旁|边|前|后|外|内|角落|底下|门口)，/.exec(sentence)
      : /^(?:under|in|on|at|behind|between|inside|beneath|beside|by|near|outside|among|across|along|next to)\b[^,.;]{3,90},\s*/i.exec(
          sentence,
        );
  if (!lead) return sentence;
  const rest = sentence.slice(lead[0].length);
  const enough = language === 'zh' ? rest.length >= 12 : rest.split(/\s+/).length >= 5;
  return enough ? rest.charAt(0).toUpperCase() + rest.slice(1) : sentence;
}

/** Whether a gist already says the clue's title (then the title is not said again beside it). */
function echoesTitle(g: string, title: string): boolean {
  if (/[\u3400-\u9fff]/.test(title)) {
    for (let i = 0; i + 3 <= title.length; i++) if (g.includes(title.slice(i, i + 3))) return true;
    return false;
  }
  // Names in a title ("Old Lin's meeting note") are not what it is: only its common words count.
  const words = (title.match(/[A-Za-z']+/g) ?? [])
    .filter((w, i) => i === 0 || !/^[A-Z]/.test(w))
    .map((w) => w.toLowerCase().replace(/'s$/, ''))
    .filter((w) => !['the', 'a', 'an', 'of', 'in', 'on', 'by', 'old'].includes(w));
  const lower = g.toLowerCase();
  for (let i = 0; i + 2 <= words.length; i++)
    if (lower.includes(words.slice(i, i + 2).join(' '))) return true;
  return false;
}

/** Who a clue ties to most (not the seat itself), when it ties to anyone. */
function tiedTo(clue: ClueNote, board: Board): string | null {
  const ranked = Object.entries(clue.ties)
    .filter(([who, w]) => who !== board.seat && w >= 0.5)
    .sort((a, b) => b[1] - a[1]);
  return ranked[0]?.[0] ?? null;
}

/** One movement as the seat tells it: the script's own sentence, or when and where and with whom. */
export function tellMovement(m: Movement, board: Board): string {
  if (m.told) return m.told;
  const { view, language } = board;
  const place = sayPlace(view, m.place, m.placeName, language);
  const others = m.with.filter((w) => board.isSeat(w));
  if (language === 'zh')
    return `${saySpan(m.span, language)}，我在${place}${others.length > 0 ? `，和${sayNames(view, others, language)}在一起` : ''}`;
  return capital(
    `${saySpan(m.span, language)} I was ${m.place ? 'in' : 'at'} ${place}${others.length > 0 ? `, with ${sayNames(view, others, language)}` : ''}`,
  );
}

/** What someone claimed, quoted short: the sentence of it that puts them somewhere, without lead-ins or the name they said it to. */
function claimQuote(text: string, board: Board): string {
  const parts = sentences(text);
  let placed =
    parts.find((s) => board.lexicon.find(s).some((m) => m.kind === 'place') || parseTimes(s).length > 0) ??
    parts[0] ??
    text;
  // "Uncle De, to be clear, after my exit…" → "after my exit…": a short opening piece with no place or time goes.
  for (let i = 0; i < 3; i++) {
    const cut = /^([^，,：:]{1,24})(?:[，,]|：|:\s)\s*/.exec(placed);
    if (!cut?.[1]) break;
    const head = cut[1];
    const short = /[\u3400-\u9fff]/.test(head) ? head.length <= 8 : head.split(/\s+/).length <= 4;
    const empty = !board.lexicon.find(head).some((m) => m.kind === 'place') && parseTimes(head).length === 0;
    if (!short || !empty || cut[0].length >= placed.length) break;
    placed = placed.slice(cut[0].length);
  }
  return unquote(shorten(placed, board.language, board.language === 'zh' ? 30 : 18));
}

const WRITTEN_ZH =
  /信|条|纸|本|簿|单|书|稿|记录|日记|合约|合同|账|票|便签|通知|电报|传真|字|笔记|档案|登记|名单|清单|报告|证|卡|帖|契|据|函|表|册|页/;
const WRITTEN_EN =
  /\b(?:note|letter|book|log|ledger|bill|diary|contract|ticket|script|notebook|file|record|fax|telegram|notice|receipt|register|list|report|card|slip|memo|deed|page|paper|message|sign|form|entry|writing|draft|copy|telex|schedule|order|tag|label)s?\b/i;

/**
 * What a clue shows, after its title: a written thing says it (上写着, says), anything else shows it
 * (从…看, shows): gloves do not "say", and nothing is written on them.
 */
function evidence(title: string, gist: string, language: Language, opensLine: boolean): string {
  const t = opensLine && language === 'en' ? capital(title) : title;
  if (language === 'zh') return WRITTEN_ZH.test(title) ? `${t}上写着：${gist}` : `从${t}看：${gist}`;
  if (WRITTEN_EN.test(title)) return `${t} says: ${gist}`;
  // The head noun is the last word before "of/in/behind…": "the gloves behind the cabinet" show.
  const head =
    title.split(/\s+(?:of|in|on|at|behind|under|by|from|with|near|beside|inside|outside|over|for)\s+/i)[0] ??
    title;
  const plural = /[^s]s$/i.test(head.trim()) || /\b(?:two|three|several|some|both)\b/i.test(head);
  return `${t} ${plural ? 'show' : 'shows'}: ${gist}`;
}

/** A reason behind a suspicion, said in a clause: a clue's gist, a broken account, a refusal. */
export function sayReason(r: Reason, board: Board): string {
  const { view, language } = board;
  const zh = language === 'zh';
  if (r.kind === 'clue') {
    const title = sayTitle(r.clue.title, language);
    const g = gist(r.clue, board, zh ? 30 : 16);
    if (echoesTitle(g, r.clue.title)) return g;
    return evidence(title, g, language, true);
  }
  if (r.kind === 'contradiction') return sayContradiction(r.contradiction, board);
  if (r.kind === 'refusal') {
    const who = sayName(view, board.said.find((s) => s.ref === r.ref)?.speaker ?? '', language);
    return zh ? `问${who}的时候，对方不肯把话说清楚` : `${who} would not give a straight answer when asked`;
  }
  if (r.kind === 'accused') {
    const by = sayName(view, r.by, language);
    return zh ? `${by}也提出过同样的怀疑` : `${by} raised the same doubt`;
  }
  return '';
}

function sayContradiction(c: Contradiction, board: Board, toThem = false): string {
  const { view, language } = board;
  const zh = language === 'zh';
  const who = toThem ? (zh ? '你' : 'you') : sayName(view, c.against, language);
  const said = claimQuote(c.claim.text, board);
  if (c.by.kind === 'clue') {
    const title = sayTitle(c.by.clue.title, language);
    const g = gist(c.by.clue, board, zh ? 30 : 16);
    const shown = echoesTitle(g, c.by.clue.title) ? g : evidence(title, g, language, false);
    return zh
      ? `${who}说“${said}”，可${shown}`
      : `${toThem ? who : capital(who)} said "${said}", but ${inner(shown)}`;
  }
  if (c.by.kind === 'claim') {
    const other = sayName(view, c.by.claim.speaker, language);
    const o = claimQuote(c.by.claim.text, board);
    return zh
      ? `${who}说“${said}”，可${other}说“${o}”`
      : `${toThem ? who : capital(who)} said "${said}", but ${other} said "${o}"`;
  }
  const m = c.by.movement;
  const place = sayPlace(view, m.place, m.placeName, language);
  return zh
    ? `${who}说“${said}”，可${saySpan(m.span, language)}我明明和${who}在${place}`
    : `${who} said "${said}", but ${saySpan(m.span, language)} I was with ${who} in ${place}`;
}

/** The strongest reasons, said in a sentence or two; ones the seat has said before go last. */
function reasons(rs: Reason[], board: Board, max = 2, said: ReadonlySet<string> = new Set()): string[] {
  const out: string[] = [];
  const lines = [...said];
  const fresh = (r: Reason) => !lines.some((l) => l.includes(sayReason(r, board)));
  rs = [...rs.filter(fresh), ...rs.filter((r) => !fresh(r))];
  const usedClues = new Set<string>();
  for (const r of rs) {
    if (out.length >= max) break;
    if (r.weight <= 0) continue;
    if (r.kind === 'clue') {
      if (usedClues.has(r.clue.id)) continue;
      usedClues.add(r.clue.id);
    }
    // Others who raised the same doubt are one reason, not one per person.
    if (r.kind === 'accused') {
      if (usedClues.has('accused')) continue;
      usedClues.add('accused');
    }
    if (r.kind === 'contradiction') {
      if (usedClues.has(`against:${r.contradiction.against}`)) continue;
      usedClues.add(`against:${r.contradiction.against}`);
      if (r.contradiction.by.kind === 'clue') usedClues.add(r.contradiction.by.clue.id);
    }
    const s = sayReason(r, board);
    // Two accusations by one person read the same: a reason is said once.
    if (s && !out.includes(s)) out.push(s);
  }
  return out;
}

/** The seat's own account over a span, for an alibi or to back a denial: one or two movements, run together when one follows the other. */
function alibi(plan: Plan, board: Board): string[] {
  // A moment inside a longer stay at the same place adds nothing to it.
  const all = plan.movements ?? [];
  const ms = all
    .filter(
      (m) =>
        !all.some(
          (o) =>
            o !== m &&
            o.place === m.place &&
            o.span.from <= m.span.from &&
            o.span.to >= m.span.to &&
            o.span.to - o.span.from > m.span.to - m.span.from,
        ),
    )
    .slice(0, 2);
  const [a, b] = ms;
  if (a && b && !a.told && !b.told && b.span.from >= a.span.from) {
    const { view, language } = board;
    const place = sayPlace(view, b.place, b.placeName, language);
    const zh = language === 'zh';
    const next =
      b.span.from - a.span.to <= 2
        ? zh
          ? `之后到${sayTime(b.span.to, language)}在${place}`
          : `then until ${sayTime(b.span.to, language)} ${b.place ? 'in' : 'at'} ${place}`
        : zh
          ? `${saySpan(b.span, language)}在${place}`
          : `then ${saySpan(b.span, language)} ${b.place ? 'in' : 'at'} ${place}`;
    return [`${tellMovement(a, board)}${zh ? '，' : ', '}${next}`];
  }
  return ms.map((m) => tellMovement(m, board));
}

/** A reason inside a sentence: its first letter lowered only when it starts with an article. */
function inner(text: string): string {
  return /^(?:The|A|An) /.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

const LEAD: Record<string, Lang<string[]>> = {
  alibi: {
    zh: ['', '我说说我那段时间的行踪：', '这个我记得清楚：', '我直说吧，', '那会儿的事我都记得，'],
    en: [
      '',
      'Here is where I was. ',
      'I remember it clearly. ',
      'Let me be plain. ',
      'I can tell you exactly. ',
    ],
  },
};

/**
 * Words a plan: templates per act in zh and en, with enough variants that a game does not repeat itself,
 * filled with the board's own spans (names, places, times, clue text, claims), script text turned into the
 * speaker's first person. Never garbles: every piece is a story span or a fixed template.
 */
export function realize(plan: Plan, ctx: RealizeContext): string {
  const first = sentenceCase(oneMark(realizePlan(plan, { ...ctx, choices: 0 })));
  // A whole line the seat said, or just heard, is worded again from the next places in the lists: the lead
  // variants may be fresh while lead and reasons together are not (three seats backing one suspect with one clue).
  const stale = (t: string) => ctx.said.has(t) || (ctx.heard?.has(t) ?? false);
  if (!stale(first)) return first;
  for (let k = 1; k <= 4; k++) {
    const next = sentenceCase(
      oneMark(
        realizePlan(plan, {
          ...ctx,
          choices: 0,
          ...(ctx.voice !== undefined ? { voice: ctx.voice + k } : {}),
        }),
      ),
    );
    if (!stale(next)) return next;
  }
  return first;
}

/**
 * An English sentence starts with a capital, whatever opens it: an alias written lower case mid-sentence
 * ("old Yu") or a clue title. Chinese lines are left as they are.
 */
export function sentenceCase(text: string): string {
  if (/[\u3400-\u9fff]/.test(text)) return text;
  return text.replace(
    /(^|[.!?]\s+)([a-z])/g,
    (_, lead: string, letter: string) => lead + letter.toUpperCase(),
  );
}

/**
 * One mark at each seam: a script sentence ending in "；" or "," meets the template's full stop
 * ("泡参茶；。", "them.; Keep"), and a quoted line's own stop meets the frame's.
 */
export function oneMark(text: string): string {
  return text
    .replace(/[，,；;、：:]+(\s*)([。！？!?]|\.(?!\.))/g, '$2')
    .replace(/([。！？!?])[，,；;、]+/g, '$1')
    .replace(/([。！？，,；;、])\1+/g, '$1')
    .replace(/(?<!\.)\.\.(?!\.)/g, '.')
    .replace(/([!?])\./g, '$1');
}

/** Whether the seat has told this claim before, whole or by its first sentence. */
function toldBefore(claim: string, ctx: RealizeContext): boolean {
  if (!claim) return false;
  return [...ctx.said].some((l) => l.includes(claim) || l.includes(claimCore(claim, ctx.board.language)));
}

/** A claim's first sentence, its full stop kept: what a liar repeats once the whole story has been told. */
export function claimCore(claim: string, language: Language): string {
  // Cut at a semicolon, the first part ends as a sentence does.
  const first = (sentences(claim)[0] ?? claim).trim().replace(/[；;，,：:]$/, language === 'zh' ? '。' : '.');
  return first.length >= (language === 'zh' ? 8 : 20) ? first : claim;
}

function realizePlan(plan: Plan, ctx: RealizeContext): string {
  const { board } = ctx;
  const { view, language } = board;
  const zh = language === 'zh';
  const to = plan.to ? sayName(view, plan.to, language) : null;
  const call = (s: string) => (to ? (zh ? `${to}，${s}` : `${capital(to)}, ${s}`) : s);
  switch (plan.act) {
    case 'intro': {
      const me = view.story.characters.find((c) => c.id === board.seat);
      const name = me ? sayName(view, me.id, language) : '';
      const profile = shorten(
        firstPerson(pick(me?.profile ?? null, language), language),
        language,
        zh ? 60 : 34,
      );
      return choose(
        zh
          ? [`我是${name}。${profile}。`, `大家好，我是${name}。${profile}。`]
          : [`I'm ${name}. ${profile}.`, `Hello, everyone. I'm ${name}. ${profile}.`],
        ctx,
      );
    }
    case 'alibi': {
      const told = alibi(plan, board);
      if (told.length === 0) {
        const span = plan.span ? saySpan(plan.span, language) : zh ? '那段时间' : 'then';
        return zh
          ? `${span}？没什么特别的，我一个人，哪儿也没去。`
          : `${capital(span)}? Nothing worth telling: I was on my own and went nowhere special.`;
      }
      const leads = [
        ...(LEAD['alibi']?.[language] ?? ['']),
        ...(to ? (zh ? [`${to}，`, `${to}，我告诉你：`] : [`${to}, `, `${to}, here it is. `]) : []),
      ];
      const lead = choose(leads, ctx);
      const body = sentencesOf(told, language);
      return lead + (lead.endsWith(', ') ? lowerFirst(body) : body);
    }
    case 'cover': {
      const told = plan.claim?.text ?? '';
      const again = toldBefore(told, ctx);
      // Told again, the claim is its first sentence, word for word: the same story, not the whole speech.
      const claim = again ? claimCore(told, language) : told;
      const name = to ?? (zh ? '各位' : 'Everyone');
      const lower = lowerFirst(claim);
      const variants = zh
        ? again
          ? [
              `我刚才说过了：${claim}`,
              `还是那句话：${claim}`,
              `我再说一遍，${claim}`,
              `${name}，我说过了，${claim}`,
              `${name}，这个我已经讲清楚了：${claim}`,
              `不管问几遍都一样：${claim}`,
              `${name}，这话我说了不止一遍了：${claim}`,
              `我的话不会变：${claim}`,
            ]
          : [claim, `实话跟你说，${claim}`, `${name}，${claim}`, `我说说吧：${claim}`]
        : again
          ? [
              `As I said: ${claim}`,
              `I'll say it again. ${claim}`,
              `Same as before: ${claim}`,
              `${name}, I've told you already. ${claim}`,
              `${name}, my answer hasn't changed. ${claim}`,
              `However many times you ask, it's the same. ${claim}`,
              `${name}, I have said it more than once. ${claim}`,
              `My story doesn't change. ${claim}`,
            ]
          : [claim, `To be clear, ${lower}`, `${name}, ${lower}`, `Let me tell you. ${claim}`];
      const text = choose(variants, ctx);
      if (plan.asked?.acts.includes('accuse')) return zh ? `不是我。${text}` : `It wasn't me. ${text}`;
      return text;
    }
    case 'saw': {
      const lines = (plan.text ? [plan.text] : []).concat(alibi(plan, board));
      if (lines.length === 0)
        return zh
          ? '那时候我没看到也没听到什么特别的。'
          : "I didn't see or hear anything out of the ordinary then.";
      const tail = plan.text
        ? ''
        : zh
          ? choose(['没看到什么特别的。', '我没注意到有什么不对劲。', '我没看见有人进出。'], ctx)
          : choose(
              [
                "I didn't see anything out of the ordinary.",
                "I didn't notice anything wrong.",
                "I didn't see anyone come or go.",
              ],
              ctx,
            );
      return sentencesOf([...lines.slice(0, 2), tail], language);
    }
    case 'relation': {
      const who = plan.person ? sayName(view, plan.person, language) : '';
      const text = (plan.text ?? '').trim();
      if (!text) return realize({ ...plan, act: 'refuse' }, ctx);
      const lead = zh
        ? choose([`说起${who}，`, '', `我和${who}的事，`], ctx)
        : choose([`About ${who}: `, '', `As for ${who}, `], ctx);
      return lead + sentencesOf([text], language);
    }
    case 'clue': {
      const clue = plan.clues?.[0];
      if (!clue)
        return zh
          ? '那样东西我还没见到，谁找到的请公开给大家看看。'
          : "I haven't seen that yet. Whoever found it, please publish it.";
      const title = sayTitle(clue.title, language);
      const g = gist(clue, board, undefined, ctx.said);
      const tied = tiedTo(clue, board);
      const mine = (clue.ties[board.seat] ?? 0) >= 0.5;
      // The one it ties to may be the one asking: then "you", not their name to their face.
      const toThem = tied !== null && tied === plan.to;
      const reading = tied
        ? zh
          ? choose(
              toThem
                ? ['我看这跟你脱不了关系。', '这条指向你。', '这个你得解释一下。']
                : [
                    `我看这跟${sayName(view, tied, language)}脱不了关系。`,
                    `这条指向${sayName(view, tied, language)}。`,
                    `${sayName(view, tied, language)}得解释一下。`,
                  ],
              ctx,
            )
          : choose(
              toThem
                ? ["I'd say it points at you.", 'You have some explaining to do.', 'That ties to you.']
                : [
                    `I'd say it points at ${sayName(view, tied, language)}.`,
                    `${sayName(view, tied, language)} has some explaining to do.`,
                    `That ties to ${sayName(view, tied, language)}.`,
                  ],
              ctx,
            )
        : '';
      const own = mine ? (zh ? '这条跟我有关，我不躲：' : "It touches me, and I won't dodge it: ") : '';
      const head = to && !own ? (zh ? `${to}，` : `${to}, `) : own;
      if (echoesTitle(g, clue.title))
        return zh ? `${head}${g}。${reading}` : `${head}${head ? g : capital(g)}. ${reading}`.trim();
      return zh
        ? `${head}${evidence(title, g, language, false)}。${reading}`
        : `${head}${evidence(title, g, language, !head)}. ${reading}`.trim();
    }
    case 'place': {
      const place = sayPlace(view, plan.asked?.places[0] ?? null, '', language);
      const found = (plan.clues ?? []).map((c) => sayTitle(c.title, language));
      const been = alibi(plan, board);
      const parts: string[] = [];
      if (found.length > 0)
        parts.push(
          zh ? `${place}搜出来的有${found.join('、')}` : `${capital(place)} gave us ${found.join(', ')}`,
        );
      parts.push(...been);
      if (parts.length === 0)
        parts.push(
          zh ? `${place}我没去过，也没在那里搜到东西` : `I never went to ${place} and found nothing there`,
        );
      return sentencesOf(parts, language);
    }
    case 'suspect':
    case 'accuse':
    case 'back': {
      const s = plan.suspect;
      if (!s)
        return zh
          ? '现在还说不准，我想再听听大家的说法。'
          : "I can't say yet. I want to hear more from everyone.";
      const name = sayName(view, s.character, language);
      // Reasons the table has just heard from another go after fresh ones: three seats backing one suspect
      // in a row do not give the same two clues in the same words.
      const why = reasons(s.reasons, board, 2, new Set([...ctx.said, ...(ctx.heard ?? [])]));
      const head =
        plan.act === 'back'
          ? zh
            ? choose(
                [
                  `我同意，${name}最可疑。`,
                  `我也怀疑${name}。`,
                  `我站${sayName(view, plan.line?.speaker ?? '', language)}这边，${name}说不过去。`,
                ],
                ctx,
              )
            : choose(
                [
                  `I agree, ${name} is the one to watch.`,
                  `I suspect ${name} too.`,
                  `I'm with ${sayName(view, plan.line?.speaker ?? '', language)}: ${name} doesn't add up.`,
                ],
                ctx,
              )
          : plan.act === 'accuse'
            ? zh
              ? choose(
                  [
                    `${name}，我觉得就是你。`,
                    `我要说了：我怀疑${name}。`,
                    `大家看看${name}。`,
                    `我怎么想都绕不开${name}。`,
                    `该说的我说了：问题出在${name}身上。`,
                  ],
                  ctx,
                )
              : choose(
                  [
                    `${name}, I think it was you.`,
                    `I'll say it: I suspect ${name}.`,
                    `Look at ${name}, everyone.`,
                    `I keep coming back to ${name}.`,
                    `I'll be plain: the trouble is ${name}.`,
                  ],
                  ctx,
                )
            : zh
              ? choose([`我怀疑${name}。`, `要我说，${name}嫌疑最大。`, `我现在最怀疑的是${name}。`], ctx)
              : choose(
                  [`I suspect ${name}.`, `If you ask me, ${name}.`, `Right now my money is on ${name}.`],
                  ctx,
                );
      if (why.length === 0)
        return head + (zh ? '证据还不够，但直觉是这样。' : " I don't have proof yet, but that's my read.");
      return head + (zh ? `因为${why.join('；')}。` : ` Because ${why.map(inner).join('; and ')}.`);
    }
    case 'deny': {
      // Asked what it makes of a clue, not accused: it puts the thing away from itself, no "it wasn't me".
      const accused = plan.asked ? plan.asked.acts.includes('accuse') : true;
      const lead = zh
        ? choose(
            accused
              ? [
                  '不是我。',
                  '我没有。',
                  '这事跟我没关系。',
                  `${to ?? '你'}，你冤枉我了。`,
                  '我什么都没做。',
                  `${to ?? '各位'}，别往我身上推。`,
                ]
              : ['这东西跟我扯不上关系。', '这个跟我没关系。', `${to ?? '各位'}，别看我，这事与我无关。`],
            ctx,
          )
        : choose(
            accused
              ? [
                  "It wasn't me.",
                  'No, I did not.',
                  'I had nothing to do with it.',
                  `${to ?? 'You'}, you have the wrong person.`,
                  'I did nothing of the kind.',
                  `${to ?? 'Please'}, don't pin this on me.`,
                ]
              : [
                  'That has nothing to do with me.',
                  "I can't help you there; it isn't about me.",
                  `${to ?? 'Please'}, don't look at me for that one.`,
                ],
            ctx,
          );
      const account = plan.claim
        ? [toldBefore(plan.claim.text, ctx) ? claimCore(plan.claim.text, language) : plan.claim.text]
        : alibi(plan, board);
      // Someone else's doubt is no evidence to turn on a third person: only a clue or a broken account is.
      const point = plan.other
        ? (reasons(
            plan.other.reasons.filter((r) => r.kind !== 'accused'),
            board,
            1,
            ctx.said,
          )[0] ?? '')
        : '';
      // The one it points at may be the one asking: then it is "you", not a name said to their face.
      const toThem = plan.other !== undefined && plan.other.character === plan.to;
      const otherName = plan.other ? sayName(view, plan.other.character, language) : '';
      const other = point
        ? zh
          ? toThem
            ? `倒是你自己该解释解释：${point}`
            : `倒是${otherName}：${point}`
          : toThem
            ? `You are the one with explaining to do: ${inner(point)}`
            : `Look at ${otherName} instead: ${inner(point)}`
        : '';
      return sentencesOf([lead, ...account.slice(0, 1), other], language);
    }
    case 'refuse': {
      const lead = zh
        ? choose(
            ['这是我的私事，和案子没关系。', '这个我不想多说，跟案子无关。', '那件事我现在不想谈。'],
            ctx,
          )
        : choose(
            [
              "That's a private matter and has nothing to do with the case.",
              "I'd rather not go into that; it isn't about the case.",
              "I won't talk about that now.",
            ],
            ctx,
          );
      // A refusal still gives something: where it was, else a clue that points elsewhere, else its suspicion.
      const some = alibi(plan, board)[0];
      const clue = plan.clues?.[0];
      const reason = plan.suspect ? reasons(plan.suspect.reasons, board, 1, ctx.said)[0] : undefined;
      const give = some
        ? zh
          ? `不过我可以告诉你：${some}`
          : `But I can tell you this: ${some}`
        : clue
          ? zh
            ? `不过${sayTitle(clue.title, language)}值得大家看看：${gist(clue, board)}`
            : `But look at ${sayTitle(clue.title, language)}: ${gist(clue, board)}`
          : plan.suspect && reason
            ? zh
              ? `我倒想请大家看看${sayName(view, plan.suspect.character, language)}：${reason}`
              : `I'd rather you looked at ${sayName(view, plan.suspect.character, language)}: ${inner(reason)}`
            : '';
      return sentencesOf([lead, give], language);
    }
    case 'share': {
      const clue = plan.clues?.[0];
      if (!clue) return zh ? '我这边没搜到什么新东西。' : "I haven't found anything new.";
      const where = sayPlace(view, clue.location, '', language);
      const title = sayTitle(clue.title, language);
      const tied = tiedTo(clue, board);
      const reading = tied
        ? zh
          ? `我看这条指向${sayName(view, tied, language)}。`
          : `I think it points at ${sayName(view, tied, language)}.`
        : '';
      const said = gist(clue, board);
      // A title that names the place it lies in ("冷冰冰的播音室", "A cold studio") would find the place in itself.
      const placeCore = where.replace(/^(?:the|a|an) /i, '').toLowerCase();
      const namesPlace = placeCore.length >= 2 && clue.title.toLowerCase().includes(placeCore);
      const what = echoesTitle(said, clue.title) || namesPlace ? (zh ? '一样东西' : 'something') : title;
      const g = zh ? said : dropEcho(what, said);
      // The place once: not in the lead when the clue's own words say it.
      const placeSaid = board.lexicon.find(g).some((m) => m.kind === 'place' && m.id === clue.location);
      return zh
        ? `${choose(['我', '我刚', '说一下，我'], ctx)}${placeSaid ? '' : `在${where}`}找到了${what}：${g}。${reading}`
        : `${choose(['I found', 'In my search I found', ...(what === 'something' ? [] : ['Something I found:'])], ctx)} ${what}${placeSaid ? '' : ` ${/\bin$/i.test(what) ? 'over in' : 'in'} ${where}`}: ${g}. ${reading}`.trim();
    }
    case 'ask':
      return call(askText(plan, ctx));
    case 'confront': {
      const c = plan.contradiction;
      if (!c) return '';
      const tail = zh
        ? choose(
            ['这怎么解释？', '你怎么说？', '这对不上吧？', '你给大家一个交代吧？', '这两样怎么能都是真的？'],
            ctx,
          )
        : choose(
            [
              'How do you explain that?',
              'What do you say to that?',
              "That doesn't fit, does it?",
              'Which one is true?',
              'Can you square that for us?',
            ],
            ctx,
          );
      const lead = zh
        ? choose(['', '我想请你解释一下：', '有件事我想不通：', '我们对一对：', '我得问个明白：'], ctx)
        : choose(
            [
              '',
              'help me with something: ',
              "here's what bothers me: ",
              "let's check this: ",
              'explain one thing: ',
            ],
            ctx,
          );
      return call(
        zh
          ? `${lead}${sayContradiction(c, board, true)}。${tail}`
          : `${lead}${sayContradiction(c, board, true)}. ${tail}`,
      );
    }
    case 'dispute': {
      const accused = plan.person ? sayName(view, plan.person, language) : '';
      const self = plan.person === board.seat;
      const top = plan.suspect && plan.suspect.character !== plan.person ? plan.suspect : null;
      const why = top?.reasons[0] ? sayReason(top.reasons[0], board) : '';
      const instead =
        top && why
          ? zh
            ? `要我说更可疑的是${sayName(view, top.character, language)}：${why}`
            : `The stronger case is against ${sayName(view, top.character, language)}: ${inner(why)}`
          : '';
      const lead = zh
        ? choose(['我不同意。', '这说不通。', '慢着。'], ctx)
        : choose(["I don't agree.", "That doesn't hold.", 'Hold on.'], ctx);
      const not = self
        ? zh
          ? '不是我'
          : "It wasn't me"
        : zh
          ? `我不觉得是${accused}`
          : `I don't think it was ${accused}`;
      return sentencesOf([lead, not, instead], language);
    }
    case 'accept': {
      const backing = plan.text ?? '';
      return call(
        zh
          ? `${choose(['好，', '明白了，', '行，'], ctx)}${backing || '我记下了。'}`
          : `${choose(['All right.', 'Understood.', 'Fine.'], ctx)} ${backing || "I'll keep that in mind."}`,
      );
    }
    case 'challenge': {
      const c = plan.contradiction;
      const why = c ? sayContradiction(c, board, true) : (plan.text ?? '');
      const ask = zh
        ? choose(['这怎么说？', '你怎么解释？'], ctx)
        : choose(['How do you explain that?', 'Which is it?'], ctx);
      return call(
        zh
          ? `${choose(['可是', '不对，', '这说不过去：'], ctx)}${why}。${ask}`
          : `${choose(['but', "that doesn't fit:", 'wait:'], ctx)} ${why}. ${ask}`,
      );
    }
    case 'statement': {
      const s = plan.suspect;
      const own = alibi(plan, board).slice(0, 1);
      const cover = plan.claim ? [plan.claim.text] : [];
      if (!s)
        return sentencesOf([zh ? '我还下不了结论' : "I can't reach a verdict", ...cover, ...own], language);
      const name = sayName(view, s.character, language);
      const why = reasons(s.reasons, board, 2, ctx.said);
      return sentencesOf(
        [
          zh ? `我的结论是${name}` : `My verdict is ${name}`,
          ...(why.length > 0
            ? [zh ? `理由有这些：${why.join('；')}` : `Here is why: ${why.map(inner).join('; ')}`]
            : []),
          ...cover,
          ...own,
          zh ? '我投' + name : `I vote for ${name}`,
        ],
        language,
      );
    }
    default:
      return '';
  }
}

/** A question to someone, worded by what it asks. */
function askText(plan: Plan, ctx: RealizeContext): string {
  const { board } = ctx;
  const { view, language } = board;
  const zh = language === 'zh';
  const q = plan.question;
  if (!q) return '';
  const span = q.incident || !q.span ? (zh ? '案发那段时间' : 'when it happened') : saySpan(q.span, language);
  const lead = zh
    ? choose(['', '我想问问，', '我直说了，', '先问个要紧的：', '有件事得问清楚：', '别怪我多嘴，'], ctx)
    : choose(
        [
          '',
          'I have to ask: ',
          'straight question: ',
          'one thing first: ',
          "don't take this badly, but ",
          'tell me this: ',
        ],
        ctx,
      );
  switch (q.act) {
    case 'where':
      return (
        lead +
        (zh
          ? choose(
              [
                `${span}你在哪里？有人能证明吗？`,
                `${span}你在做什么？`,
                `说说${span}你的行踪吧。`,
                `${span}你一直待在哪儿？`,
                `${span}谁能给你作证？你人在哪？`,
              ],
              ctx,
            )
          : choose(
              [
                `where were you ${span}? Can anyone vouch for you?`,
                `what were you doing ${span}?`,
                `tell us where you were ${span}.`,
                `where exactly were you ${span}?`,
                `who can vouch for where you were ${span}?`,
              ],
              ctx,
            ))
      );
    case 'saw': {
      const place = q.place ? sayPlace(view, q.place, '', language) : '';
      return zh
        ? choose(
            [`${span}你${place ? `在${place}` : ''}看到或听到什么没有？`, `${span}你注意到有谁进出吗？`],
            ctx,
          )
        : choose(
            [
              `did you see or hear anything ${span}${place ? ` in ${place}` : ''}?`,
              `did you notice anyone coming or going ${span}?`,
            ],
            ctx,
          );
    }
    case 'relation': {
      const who = q.person ? sayName(view, q.person, language) : zh ? '死者' : 'the victim';
      return q.person === VICTIM || !q.person
        ? zh
          ? choose(
              [`你和${who}到底是什么关系？`, `你跟${who}之间有什么过节吗？`, `${who}对你来说算什么人？`],
              ctx,
            )
          : choose(
              [
                `what was ${who} to you, really?`,
                `was there bad blood between you and ${who}?`,
                `how did you get on with ${who}?`,
              ],
              ctx,
            )
        : zh
          ? choose([`你和${who}是什么关系？`, `你跟${who}之间有什么事？`], ctx)
          : choose([`what's between you and ${who}?`, `how do you get on with ${who}?`], ctx);
    }
    case 'about': {
      if (!q.clue) return '';
      // Asked to the face, a thing of theirs is "your": not "Nie Yuan, what do you make of Nie Yuan's satchel?"
      const person = plan.to ? view.story.characters.find((c) => c.id === plan.to) : undefined;
      const names = person
        ? [
            sayName(view, person.id, language),
            pick(person.name, language)
              .replace(/[（(].*$/u, '')
              .trim(),
          ]
        : [];
      let title = sayTitle(q.clue.title, language);
      for (const n of names.filter(Boolean)) {
        const owned = zh ? `${n}的` : `${n}'s `;
        const at = title.indexOf(owned);
        if (at >= 0) {
          title = `${title.slice(0, at).replace(/\bthe $/i, '')}${zh ? '你的' : 'your '}${title.slice(at + owned.length)}`;
          break;
        }
      }
      const g = gist(q.clue, board, zh ? 30 : 16);
      const quoted = echoesTitle(g, q.clue.title)
        ? zh
          ? `线索里说“${g}”，你怎么解释？`
          : `the clue says "${g}". How do you explain that?`
        : zh
          ? `${title}上写着“${g}”，你怎么解释？`
          : `${title} says "${g}". How do you explain that?`;
      return zh
        ? choose([quoted, `${title}你怎么看？`, `${title}是怎么回事？`], ctx)
        : choose([quoted, `what do you make of ${title}?`, `what's the story behind ${title}?`], ctx);
    }
    case 'suspect':
      return zh
        ? choose(['你怀疑谁？为什么？', '你觉得是谁干的？'], ctx)
        : choose(['whom do you suspect, and why?', 'who do you think did it?'], ctx);
    case 'share':
      return zh
        ? choose(['你搜到了什么？说给大家听听。', '你手上有什么线索？'], ctx)
        : choose(['what did you find? Tell the table.', 'what clues do you have?'], ctx);
    default:
      return '';
  }
}
