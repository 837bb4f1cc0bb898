import type { Lexicon } from '../understand/lexicon.js';
import { parseTimes, type TimeSpan } from '../understand/times.js';

/**
 * Where someone says they were: the span the text's times cover, the places it puts them in, and the places
 * it denies ("没进过一号房", "I never went out to the courtyard"). Read the same way from a cover claim, a
 * line heard at the table, or a clue.
 */
export interface Whereabouts {
  span: TimeSpan | null;
  places: string[];
  denied: string[];
  people: string[];
  clues: string[];
}

const NEGATION_ZH =
  /(?:没有?|从没|从来没|从未|不曾|未曾|未|没再|并没)(?:有)?(?:再)?(?:进|去|到|碰|出|离开|回|上|下|踏进|走进|靠近|见过|看过|碰过|动过|拿过)?过?[^，。；,.;!?！？]{0,6}$/;
const NEGATION_EN =
  /\b(?:never|didn'?t|did not|not once|wasn'?t|haven'?t|hadn'?t|no one|nobody)\b[^,.;!?—]{0,40}$/i;

/** The span of all times in a text: from the first to the last, a lone time as a point. */
const UNTIL = /才|直到|一直到|until|till|only came|not before|不到/i;
const SINCE = /以后|之后|后来|过后|\bafter\b|\bsince\b|\bfrom\b/i;
const THROUGHOUT =
  /一直|始终|没出过|没离开|没出去|never (?:went|left|came)|the whole (?:time|evening|night)|all (?:evening|night)|饭后|after dinner|整晚/i;

/**
 * The span of all times in a text: from the first to the last. A lone time with "until" ends a stay ("I
 * never went out; I only came to the hall at a quarter to ten"), with "after" starts one, with "the whole
 * time" sits in one: two hours, as people speak of an evening.
 */
export function spanOf(text: string, frame: readonly number[]): TimeSpan | null {
  const times = parseTimes(text, frame);
  if (times.length === 0) return null;
  const from = Math.min(...times.map((t) => t.span.from));
  const to = Math.max(...times.map((t) => t.span.to));
  const approx = times.some((t) => t.span.approx);
  if (times.length === 1 && to - from < 5 && THROUGHOUT.test(text)) {
    if (UNTIL.test(text)) return { from: from - 120, to, approx };
    if (SINCE.test(text)) return { from, to: to + 120, approx };
    return { from: from - 60, to: to + 60, approx };
  }
  return { from, to, approx };
}

export function whereabouts(text: string, lexicon: Lexicon, self: string | null = null): Whereabouts {
  const found = lexicon.find(text);
  const places: string[] = [];
  const denied: string[] = [];
  for (const m of found) {
    if (m.kind !== 'place') continue;
    const before = text.slice(Math.max(0, m.index - 48), m.index);
    const negated = /[\u3400-\u9fff]/.test(m.text) ? NEGATION_ZH.test(before) : NEGATION_EN.test(before);
    const list = negated ? denied : places;
    if (!list.includes(m.id)) list.push(m.id);
  }
  const people = [...new Set(found.filter((m) => m.kind === 'person' && m.id !== self).map((m) => m.id))];
  const clues = [...new Set(found.filter((m) => m.kind === 'clue').map((m) => m.id))];
  return {
    span: spanOf(text, lexicon.frame),
    places: places.filter((p) => !denied.includes(p)),
    denied,
    people,
    clues,
  };
}
