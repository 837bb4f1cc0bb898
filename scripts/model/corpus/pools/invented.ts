import { pinyin } from 'pinyin-pro';
import type { Rng } from '../rng.js';
import type { Bi } from '../text.js';
import { capitalizeFirst } from '../text.js';
import type { GivenName } from './people.js';

/**
 * Invented given names and place names for the training split. With the 72 training given names and the
 * settings' fixed places, a small model lowers its loss by learning those pools and then invents a plausible
 * name where a story's own belongs (the first candidate did exactly this: grounding 0%). Names made of any of
 * the 3,755 common characters cannot be learned as a pool; the only way to predict them is to copy them from
 * the prompt, which is what a reply grounded in a real story needs.
 */

/** GB2312 level 1: the 3,755 most common characters, in the order of the standard (decoded, not typed in). */
const COMMON: readonly string[] = (() => {
  const gb = new TextDecoder('gb2312');
  const out: string[] = [];
  for (let hi = 0xb0; hi <= 0xd7; hi++)
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      if (hi === 0xd7 && lo > 0xf9) break; // the last row ends at D7F9
      out.push(gb.decode(Uint8Array.of(hi, lo)));
    }
  return out;
})();

/** One pinyin syllable per character, without tones; ü written u as on passports and signs. */
function syllables(chars: string): string[] {
  return pinyin(chars, { toneType: 'none', type: 'array' }).map((s) => s.replace(/ü/g, 'u'));
}

function chars(rng: Rng, n: number): string {
  return Array.from({ length: n }, () => rng.pick(COMMON)).join('');
}

/** A given name of one or two common characters that `taken` (the held-out names, in either language) refuses. */
export function inventedGiven(rng: Rng, taken: (g: GivenName) => boolean): GivenName {
  for (;;) {
    const zh = chars(rng, rng.chance(0.2) ? 1 : 2);
    const g = { zh, syllables: syllables(zh) };
    if (!taken(g)) return g;
  }
}

/** Kinds of named place: 听雨阁 / Tingyu Pavilion. */
const PLACE_KINDS: readonly Bi[] = [
  { zh: '阁', en: 'Pavilion' },
  { zh: '楼', en: 'Tower' },
  { zh: '轩', en: 'Lodge' },
  { zh: '堂', en: 'Hall' },
  { zh: '院', en: 'Court' },
  { zh: '亭', en: 'Kiosk' },
  { zh: '斋', en: 'Study' },
  { zh: '馆', en: 'House' },
  { zh: '台', en: 'Terrace' },
  { zh: '桥', en: 'Bridge' },
  { zh: '坊', en: 'Workshop' },
  { zh: '园', en: 'Garden' },
  { zh: '室', en: 'Room' },
  { zh: '仓', en: 'Store' },
];

/** A named place: one or two common characters and a kind, in both languages. */
export function inventedPlace(rng: Rng): Bi {
  const name = chars(rng, rng.chance(0.3) ? 1 : 2);
  const kind = rng.pick(PLACE_KINDS);
  return { zh: `${name}${kind.zh}`, en: `${capitalizeFirst(syllables(name).join(''))} ${kind.en}` };
}
