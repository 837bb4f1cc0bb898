/**
 * Clock times and periods in what people say at the table, zh and en, as minutes from midnight of the
 * story's first day (21:06 → 1266; one o'clock after midnight → 1500). A bare "nine" is placed on the clock
 * by the story's own times (the frame): the candidate (9:00, 21:00, next day 9:00) nearest to a time the
 * seat knows of, so "nine" on an evening story is 21:00 and "凌晨一点" is 25:00 whatever the frame.
 */

export interface TimeSpan {
  from: number;
  to: number;
  /** A vague time (九点多, around ten, 快十点): matches anything near it. */
  approx: boolean;
}

export interface TimeMention {
  span: TimeSpan;
  /** Where it stands in the text. */
  index: number;
  text: string;
}

/** Times the seat knows of (minutes), used to place a bare hour on the clock; empty: an evening story. */
export type TimeFrame = readonly number[];

const DAY = 1440;

const ZH_DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 十二 → 12, 二十五 → 25, 零五 → 5, 12 → 12; NaN for anything else. */
export function zhNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  if (!/^[零〇一二两三四五六七八九十]+$/.test(text)) return NaN;
  if (!text.includes('十')) {
    // 零五 → 5, 五 → 5, 二五 (rare) → 25
    return [...text].reduce((n, c) => n * 10 + (ZH_DIGIT[c] ?? 0), 0);
  }
  const [tens, ones] = text.split('十');
  const t = tens === '' || tens === undefined ? 1 : (ZH_DIGIT[tens] ?? NaN);
  const o = ones === '' || ones === undefined ? 0 : (ZH_DIGIT[ones] ?? NaN);
  return t * 10 + o;
}

const EN_NUMBER: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  'twenty-five': 25,
  'twenty five': 25,
  thirty: 30,
  forty: 40,
  'forty-five': 45,
  'forty five': 45,
  fifty: 50,
  'fifty-five': 55,
  'fifty five': 55,
};

function enNumber(text: string): number {
  const t = text.toLowerCase().replace(/\s+/g, ' ');
  if (/^\d+$/.test(t)) return Number(t);
  return EN_NUMBER[t] ?? NaN;
}

type DayPart = 'morning' | 'noon' | 'afternoon' | 'evening' | 'night' | 'small-hours' | null;

/**
 * The minutes of hour `h` (1–12 when said on a 12-hour clock, else 0–23) and minute `m`, placed on the
 * story's clock: a day part decides when there is one; else the candidate nearest a time of the frame.
 */
export function placeOnClock(h: number, m: number, part: DayPart, frame: TimeFrame): number {
  if (h >= 24) return h * 60 + m;
  if (h > 12 || h === 0) return (h === 0 ? 24 : h) * 60 + m;
  const base = h % 12;
  const am = base * 60 + m;
  const pm = (base + 12) * 60 + m;
  const small = base * 60 + m + DAY;
  switch (part) {
    case 'morning':
      // "2am", 早上两点 after a night: the small hours of the next day, unless the story's times say morning.
      return base <= 4 && h !== 12 ? nearest([small, am], frame, small) : am;
    case 'noon':
      return h === 12 ? 12 * 60 + m : pm;
    case 'afternoon':
    case 'evening':
      return h === 12 && part === 'afternoon' ? 12 * 60 + m : pm;
    case 'night':
      return base <= 4 ? small : pm;
    case 'small-hours':
      return h === 12 ? DAY + m : small;
    default:
      break;
  }
  return nearest(h === 12 ? [12 * 60 + m, DAY + m] : [pm, small, am], frame, pm);
}

/** The candidate nearest a time of the frame; ties (within half an hour) go to the earlier candidate. */
function nearest(candidates: number[], frame: TimeFrame, fallback: number): number {
  if (frame.length === 0) return candidates[0] ?? fallback;
  let best = candidates[0] ?? fallback;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = Math.min(...frame.map((f) => Math.abs(f - c)));
    // Ties (and near ties) go to the first candidate: the evening, the usual time of a murder-mystery night.
    if (d < bestDistance - 30) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** A span as the table says it: 21:06, 9:06 pm / 九点零六分, 晚上九点零六分. */
export function clock(minutes: number): string {
  const m = ((minutes % DAY) + DAY) % DAY;
  return `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;
}

const ZH_NUM = '[零〇一二两三四五六七八九十\\d]';
const ZH_PART =
  '(早上|早晨|上午|中午|下午|傍晚|晚上|晚间|夜里|夜裡|夜间|今晚|昨晚|当晚|那晚|半夜|深夜|后半夜|凌晨|清晨)';

/**
 * One zh clock time: an optional day part, the hour (digits or numerals) with 点/點/时/: or 钟, then minutes
 * (半, 一刻, 三刻, 零五, 四十, 05) with an optional 分, then an optional vagueness (多, 左右, 前后, 来钟).
 */
const ZH_TIME = new RegExp(
  `${ZH_PART}?\\s*(差\\s*(${ZH_NUM}{1,3}|一刻)\\s*分?\\s*)?(${ZH_NUM}{1,3})\\s*(?:点钟|點鐘|点|點|时|時|[:：](?=\\d))\\s*` +
    `(半|一刻|三刻|${ZH_NUM}{1,3}(?![点點时時]))?\\s*(?:分钟|分)?\\s*(差\\s*(${ZH_NUM}{1,3}|一刻)\\s*分?)?` +
    `\\s*(多|左右|前后|上下|来钟|钟左右|钟|的样子|出头)?`,
  'g',
);

function partOf(text: string | undefined): DayPart {
  if (!text) return null;
  const t = text.toLowerCase();
  if (/早|上午|清晨|morning|\bam\b|a\.m\./.test(t)) return 'morning';
  if (/中午|noon/.test(t)) return 'noon';
  if (/下午|afternoon/.test(t)) return 'afternoon';
  if (/凌晨|半夜|后半夜|small hours/.test(t)) return 'small-hours';
  if (/深夜|夜|night/.test(t)) return 'night';
  if (/晚|傍晚|evening|\bpm\b|p\.m\.|tonight/.test(t)) return 'evening';
  return null;
}

const APPROX_ZH = /多|左右|前后|上下|来钟|的样子|出头/;

/** Right after a time: a bound (以后, 之前) makes it one end of a period. */
const ZH_AFTER = /^\s*(?:以后|之后|后|过后|以前|之前|前|以来)/;

function zhMinutes(text: string | undefined): number {
  if (!text) return 0;
  if (text === '半') return 30;
  if (text === '一刻') return 15;
  if (text === '三刻') return 45;
  return zhNumber(text);
}

/** Numbers like 一点/两点 also mean "a bit"/"two points": a time only with something that makes it one. */
function looseHour(
  hText: string,
  rest: { part: boolean; minutes: boolean; suffix: boolean; before: string },
) {
  if (rest.part || rest.minutes || rest.suffix) return false;
  if (/[\d十三四五六七八九]/.test(hText)) return false;
  return !/(?:在|于|从|到|至|约|大概|大约|差不多|是|那会儿|的时候|直到)\s*$/.test(rest.before);
}

function zhTimes(text: string, frame: TimeFrame): TimeMention[] {
  const out: TimeMention[] = [];
  let carriedPart: DayPart = null;
  for (const m of text.matchAll(ZH_TIME)) {
    const [whole, partText, lessBefore, lessBeforeM, hText, mText, lessAfter, lessAfterM, fuzz] = m;
    const index = m.index ?? 0;
    if (!hText) continue;
    const after = text.slice(index + whole.length);
    // 一点线索, 两点疑问: not times.
    if (
      looseHour(hText, {
        part: !!partText,
        minutes: !!mText || !!lessBefore || !!lessAfter,
        suffix: !!fuzz || ZH_AFTER.test(after) || /^\s*(?:到|至|和|跟|-|~|—)/.test(after),
        before: text.slice(Math.max(0, index - 6), index),
      })
    )
      continue;
    let h = zhNumber(hText);
    let min = zhMinutes(mText);
    if (!Number.isFinite(h) || !Number.isFinite(min) || h > 29 || min > 59) continue;
    const less = lessBefore ? lessBeforeM : lessAfter ? lessAfterM : undefined;
    if (less !== undefined) {
      const back = less === '一刻' ? 15 : zhNumber(less);
      if (!Number.isFinite(back)) continue;
      h = h - 1;
      min = 60 - back;
    }
    const part = partOf(partText) ?? carriedPart;
    if (partText) carriedPart = partOf(partText);
    const t = placeOnClock(h, min, part, frame);
    let span: TimeSpan = { from: t, to: t, approx: false };
    if (fuzz && APPROX_ZH.test(fuzz)) {
      // 九点多: the whole hour after; 九点左右: near nine.
      span =
        fuzz === '多' && !mText ? { from: t, to: t + 59, approx: true } : { from: t, to: t, approx: true };
    }
    const bound = ZH_AFTER.exec(after);
    let length = whole.length;
    if (bound) {
      const b = bound[0].trim();
      if (/前/.test(b)) span = { from: t - 60, to: t, approx: true };
      else span = { from: t, to: t + 60, approx: true };
      length += bound[0].length;
    }
    out.push({ span, index, text: text.slice(index, index + length) });
  }
  // A quarter said alone after a time is a quarter past that hour: 九点十分离开，一刻以后才进 → 9:15.
  for (const m of text.matchAll(/(?<![点點时時:：\d零〇一二两三四五六七八九十])(一刻|三刻)(钟)?/g)) {
    const index = m.index ?? 0;
    const prev = out.filter((t) => t.index + t.text.length <= index).pop();
    if (!prev || m[2] || out.some((t) => index >= t.index && index < t.index + t.text.length)) continue;
    const t = Math.floor(prev.span.from / 60) * 60 + (m[1] === '一刻' ? 15 : 45);
    const bound = ZH_AFTER.exec(text.slice(index + m[0].length));
    const span: TimeSpan = bound
      ? /前/.test(bound[0])
        ? { from: t - 60, to: t, approx: true }
        : { from: t, to: t + 60, approx: true }
      : { from: t, to: t, approx: false };
    out.push({ span, index, text: text.slice(index, index + m[0].length + (bound?.[0].length ?? 0)) });
  }
  out.sort((a, b) => a.index - b.index);
  // 快十点, 将近十点: the quarter hour before.
  for (const m of out) {
    const before = text.slice(Math.max(0, m.index - 4), m.index);
    if (/(?:快|将近|快到|接近|不到)$/.test(before))
      m.span = { from: m.span.from - 15, to: m.span.from, approx: true };
  }
  return joinPeriods(
    text,
    out,
    /^\s*(?:到|至|-|~|—|－|～|一直到)\s*$/,
    /^\s*(?:和|跟|与)\s*$/,
    /^\s*(?:之间|中间)/,
  );
}

const EN_HOUR = '(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)';
const EN_MIN_WORD =
  '(five|ten|fifteen|twenty|twenty[- ]five|thirty|forty|forty[- ]five|fifty|fifty[- ]five|o[h]? (?:one|two|three|four|five|six|seven|eight|nine)|\\d{1,2})';
const EN_SUFFIX = "\\s*(a\\.?m\\.?|p\\.?m\\.?|o['’]?clock|ish)?";

interface EnPattern {
  re: RegExp;
  read: (m: RegExpMatchArray) => { h: number; min: number; marker?: string | undefined } | null;
}

const OH: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
};

function enMinute(text: string): number {
  const t = text.toLowerCase();
  const oh = /^o[h]? (\w+)$/.exec(t);
  if (oh) return OH[oh[1] ?? ''] ?? NaN;
  return enNumber(t.replace('-', ' ').replace(/ /g, t.includes('-') ? ' ' : ' '));
}

const EN_PATTERNS: EnPattern[] = [
  // 9:05, 21:05, 9.05 pm
  {
    re: new RegExp(`\\b(\\d{1,2})[:.](\\d{2})${EN_SUFFIX}`, 'gi'),
    read: (m) => ({ h: Number(m[1]), min: Number(m[2]), marker: m[3] }),
  },
  // half past nine, a quarter to ten, twenty past nine, 5 past 9, ten to ten
  {
    re: new RegExp(
      `\\b(?:(a )?(quarter|half)|${EN_MIN_WORD}(?: minutes)?)\\s+(past|after|to|till|before)\\s+${EN_HOUR}\\b${EN_SUFFIX}`,
      'gi',
    ),
    read: (m) => {
      const amount = m[2] ? (m[2].toLowerCase() === 'half' ? 30 : 15) : enMinute(m[3] ?? '');
      const h = enNumber(m[5] ?? '');
      if (!Number.isFinite(amount) || !Number.isFinite(h)) return null;
      const back = /to|till|before/i.test(m[4] ?? '');
      if (back && /before/i.test(m[4] ?? '') && !m[2] && !/minutes/i.test(m[0])) return null;
      return back ? { h: h - 1, min: 60 - amount, marker: m[6] } : { h, min: amount, marker: m[6] };
    },
  },
  // half nine (British)
  {
    re: new RegExp(`\\bhalf\\s+${EN_HOUR}\\b(?!\\s+(?:minutes|hours))${EN_SUFFIX}`, 'gi'),
    read: (m) => {
      const h = enNumber(m[1] ?? '');
      return Number.isFinite(h) ? { h, min: 30, marker: m[2] } : null;
    },
  },
  // nine thirty, nine-fifteen, nine oh six, 9 30 pm
  {
    re: new RegExp(`\\b${EN_HOUR}[- ]${EN_MIN_WORD}\\b${EN_SUFFIX}`, 'gi'),
    read: (m) => {
      const h = enNumber(m[1] ?? '');
      const min = enMinute(m[2] ?? '');
      if (!Number.isFinite(h) || !Number.isFinite(min) || min > 59 || h > 12) return null;
      // "one twenty" could be a count; accept only with a clock word around (checked by the caller).
      return { h, min, marker: m[3] };
    },
  },
  // 9pm, 9 o'clock, nine o'clock, 10ish
  {
    re: new RegExp(
      `\\b${EN_HOUR}\\s*(a\\.?m\\.?|p\\.?m\\.?|o['’]?clock|ish)(?![a-z])(?:\\s*(a\\.?m\\.?|p\\.?m\\.?))?`,
      'gi',
    ),
    read: (m) => {
      const h = enNumber(m[1] ?? '');
      return Number.isFinite(h) ? { h, min: 0, marker: `${m[2] ?? ''} ${m[3] ?? ''}` } : null;
    },
  },
  // midnight, noon
  {
    re: /\b(midnight|noon|midday)\b/gi,
    read: (m) => ({ h: /midnight/i.test(m[1] ?? '') ? 24 : 12, min: 0 }),
  },
  // at nine, around 10, between nine and ..., by ten, after nine
  {
    re: new RegExp(
      `\\b(?:at|around|about|by|after|before|until|till|from|between|since|near|nearly|almost|roughly|approximately|circa|past|just after|just before|and|to)\\s+(?:about\\s+|around\\s+)?${EN_HOUR}\\b(?![:.]\\d)(?!\\s*(?:minutes|mins|hours|people|of|times|cigarettes|years|days|yuan|dollars|cups|pills|tablets|butts|shots|\\w+s\\b))`,
      'gi',
    ),
    read: (m) => {
      const h = enNumber(m[1] ?? '');
      return Number.isFinite(h) ? { h, min: 0 } : null;
    },
  },
];

/** Minutes past with no hour after them: quarter past, twenty past (an hour said before supplies it). */
const BARE_PAST = new RegExp(
  `\\b(?:a\\s+)?(?:(quarter|half)|${EN_MIN_WORD}(?:\\s+minutes)?)\\s+past\\b(?!\\s+(?:the\\s+)?(?:\\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|midnight|noon)\\b)`,
  'gi',
);

const EN_PART =
  /\b(this morning|in the morning|morning|this afternoon|in the afternoon|afternoon|this evening|in the evening|evening|tonight|last night|at night|night|after midnight|small hours)\b/i;

function enTimes(text: string, frame: TimeFrame): TimeMention[] {
  const found: TimeMention[] = [];
  const taken: [number, number][] = [];
  const overlaps = (a: number, b: number) => taken.some(([x, y]) => a < y && b > x);
  for (const p of EN_PATTERNS) {
    for (const m of text.matchAll(p.re)) {
      const index = m.index ?? 0;
      // Only the time itself counts as taken: "at nine" keeps "at" free for a period.
      let start = index;
      const lead =
        /^(?:at|around|about|by|after|before|until|till|from|between|since|near|nearly|almost|roughly|approximately|circa|past|just after|just before|and|to)\s+(?:about\s+|around\s+)?/i.exec(
          m[0],
        );
      if (lead && p === EN_PATTERNS[EN_PATTERNS.length - 1]) start = index + lead[0].length;
      const end = index + m[0].length;
      if (overlaps(start, end)) continue;
      const r = p.read(m);
      if (!r) continue;
      const { h, min } = r;
      if (!Number.isFinite(h) || !Number.isFinite(min) || h < 0 || h > 24 || min < 0 || min > 59) continue;
      const context = text.slice(Math.max(0, index - 30), end + 30);
      // "one twenty" with no clock word around it is a number, not a time; "nine thirty" is a time.
      if (
        p === EN_PATTERNS[3] &&
        !r.marker &&
        ![15, 30, 45].includes(min) &&
        !/^o/i.test(m[2] ?? '') &&
        !/\b(at|around|about|from|until|till|by|to|between|since)\s*$/i.test(text.slice(0, index))
      )
        continue;
      const marker = r.marker ?? '';
      const part = partOf(marker.trim() || undefined) ?? partOf(EN_PART.exec(context)?.[1]);
      const t = placeOnClock(h, min, part, frame);
      const approx =
        /ish/i.test(marker) ||
        /\b(around|about|roughly|approximately|circa|nearly|almost)\s+(?:\S+\s+)?$/i.test(
          text.slice(Math.max(0, index - 20), start),
        ) ||
        /\b(around|about|roughly|approximately|circa|nearly|almost)\b/i.test(m[0]);
      let span: TimeSpan = { from: t, to: t, approx };
      const before = text.slice(Math.max(0, start - 16), start).toLowerCase();
      if (
        /\b(?:after|since|past|just after)\s+$/.test(before) ||
        /^(after|since|past|just after)\b/i.test(m[0])
      )
        span = { from: t, to: t + 60, approx: true };
      else if (
        /\b(?:before|by|until|till|just before)\s+$/.test(before) ||
        /^(before|by|until|till|just before)\b/i.test(m[0])
      )
        span = { from: t - 60, to: t, approx: true };
      if (/\b(?:nearly|almost)\s+$/.test(before) || /^(nearly|almost)\b/i.test(m[0]))
        span = { from: t - 15, to: t, approx: true };
      taken.push([start, end]);
      found.push({ span, index: start, text: text.slice(start, end) });
    }
  }
  // Minutes past with no hour after a time: "from nine to twenty past", "left at 9:10, came in at quarter past".
  for (const m of text.matchAll(BARE_PAST)) {
    const index = m.index ?? 0;
    const end = index + m[0].length;
    if (overlaps(index, end)) continue;
    const prev = found
      .filter((t) => t.index + t.text.length <= index)
      .sort((a, b) => a.index - b.index)
      .pop();
    const amount = m[1] ? (/half/i.test(m[1]) ? 30 : 15) : enMinute(m[2] ?? '');
    if (!prev || !Number.isFinite(amount) || amount > 59) continue;
    const t = Math.floor(prev.span.from / 60) * 60 + amount;
    const approx = /\b(?:around|about|roughly|nearly|almost)\s+$/i.test(
      text.slice(Math.max(0, index - 12), index),
    );
    found.push({ span: { from: t, to: t, approx }, index, text: m[0] });
  }
  found.sort((a, b) => a.index - b.index);
  return joinPeriods(
    text,
    found,
    /^\s*(?:to|till|until|-|–|—|and)\s*$/i,
    /^\s*and\s*$/i,
    null,
    /\b(?:between|from)\s+$/i,
  );
}

/**
 * A stretch kept up from one time to the next: 八点五十上台，一直唱到九点一刻; "went on at 8:50 and sang until
 * the curtain at 9:15". Not a late return ("didn't come back till 9:08", 九点零八才回来): two times.
 */
const STAYED_UNTIL =
  /^(?=[^。.;；!?！？]{0,40}$)(?![^]*(?:才|没|不|didn'?t|did not|not|never|only))(?:[^]*一直[^]*(?:到|至)\s*$|[^]*\b(?:until|till)\b[^]*)$/i;

/**
 * Two times joined as a period: 九点到九点半, between nine and half past, from 9 to 9:30. `joiner` joins
 * outright; `pair` joins only when `closer` follows (和…之间) or `opener` came before (between … and).
 */
function joinPeriods(
  text: string,
  times: TimeMention[],
  joiner: RegExp,
  pair: RegExp,
  closer: RegExp | null,
  opener?: RegExp,
): TimeMention[] {
  const out: TimeMention[] = [];
  for (let i = 0; i < times.length; i++) {
    const a = times[i];
    const b = times[i + 1];
    if (a && b) {
      const between = text.slice(a.index + a.text.length, b.index);
      const after = text.slice(b.index + b.text.length);
      const before = text.slice(Math.max(0, a.index - 12), a.index);
      const stayed = !joiner.test(between) && STAYED_UNTIL.test(between);
      const joined =
        joiner.test(between) ||
        stayed ||
        (pair.test(between) && ((closer !== null && closer.test(after)) || (opener?.test(before) ?? false)));
      if (
        joined &&
        /^\s*(?:to|till|until|-|–|—|and)\s*$/i.test(between) &&
        /\band\b/i.test(between) &&
        !(opener?.test(before) ?? false) &&
        !(closer?.test(after) ?? false)
      ) {
        // "at nine and at ten": two times, not a period.
        out.push(a);
        continue;
      }
      if (joined) {
        let to = b.span.to;
        // A bare later hour in the same clause: "九点到十点" is 21:00–22:00, never 21:00–10:00.
        while (to < a.span.from) to += 720;
        const end = b.index + b.text.length + (closer?.exec(after)?.[0].length ?? 0);
        out.push({
          span: { from: a.span.from, to, approx: a.span.approx || b.span.approx },
          index: a.index,
          // A stretch told with a verb between keeps the verb readable: its mention is the first time's words.
          text: stayed ? a.text : text.slice(a.index, end),
        });
        i++;
        continue;
      }
    }
    out.push(a as TimeMention);
  }
  return out;
}

/** Every clock time and period in a text, either language, in order. */
export function parseTimes(text: string, frame: TimeFrame = []): TimeMention[] {
  const normal = text.normalize('NFKC');
  // Digits with a colon read the same in both parsers: an English line is read as English only.
  const zh = /[\u3400-\u9fff]/.test(normal) ? zhTimes(normal, frame) : [];
  const en = enTimes(normal, frame).filter(
    (e) => !zh.some((z) => e.index < z.index + z.text.length && z.index < e.index + e.text.length),
  );
  return [...zh, ...en].sort((a, b) => a.index - b.index);
}

/** Whether two spans meet, the vague one widened by a quarter hour each way. */
export function spansMeet(a: TimeSpan, b: TimeSpan, slack = 0): boolean {
  const pad = (s: TimeSpan) => (s.approx ? 15 : 0) + slack;
  return a.from - pad(a) <= b.to + pad(b) && b.from - pad(b) <= a.to + pad(a);
}

/** Minutes between two spans (0 when they meet). */
export function spanGap(a: TimeSpan, b: TimeSpan): number {
  if (spansMeet(a, b)) return 0;
  return a.to < b.from ? b.from - a.to : a.from - b.to;
}
