import type { Story } from '@jubensha/story';
import { bundledTurn } from './bundled.js';
import { sampleTurn } from './dialogue.js';
import { makeMystery } from './mystery.js';
import { Rng, seedFor } from './rng.js';
import type { Row } from './row.js';
import { rowProblem, toRow } from './row.js';
import type { Lang } from './text.js';

export interface CorpusOptions {
  split: Row['split'];
  mysteries: number;
  turnsPerMystery: number;
  seed: number;
  /** The bundled stories (train only: held-out rows are all from unseen mysteries). */
  stories: Story[];
}

/** Share of training rows that are authored lines of the bundled stories. */
export const BUNDLED_SHARE = 0.04;

/** Held-out mysteries live in their own seed space, besides their own slice of names and settings. */
const HELDOUT_SEED_OFFSET = 1e9;

/**
 * The rows of a corpus, mystery by mystery: even mysteries in Chinese, odd ones in English, all turns
 * of one mystery in its language. Same options, same rows.
 */
export function* corpusRows(o: CorpusOptions): Generator<Row> {
  const heldOut = o.split === 'heldout';
  const base = o.seed + (heldOut ? HELDOUT_SEED_OFFSET : 0);
  for (let m = 0; m < o.mysteries; m++) {
    const mystery = makeMystery(seedFor(base, m, 1), heldOut);
    const rng = new Rng(seedFor(base, m, 2));
    const lang: Lang = m % 2 === 0 ? 'zh' : 'en';
    for (let k = 0; k < o.turnsPerMystery; k++) {
      const id = `${o.split}-${o.seed}-${m}-${k}`;
      if (!heldOut && o.stories.length > 0 && rng.chance(BUNDLED_SHARE)) {
        const row = bundledRow(rng, o.stories, lang, id, o.split);
        if (row) {
          yield row;
          continue;
        }
      }
      // A drawn turn that cannot be grounded is drawn again (a few tries; then the turn is skipped).
      for (let attempt = 0; attempt < 8; attempt++) {
        const turn = sampleTurn(rng, mystery, lang);
        const row = turn ? toRow(id, o.split, turn) : null;
        if (row) {
          yield row;
          break;
        }
      }
    }
  }
}

function bundledRow(rng: Rng, stories: Story[], lang: Lang, id: string, split: Row['split']): Row | null {
  for (let attempt = 0; attempt < 8; attempt++) {
    const made = bundledTurn(rng, stories, lang);
    if (!made) continue;
    // The id says where the line came from: `train-1-5-3-rain-tea-hills`.
    const row = toRow(`${id}-${made.story}`, split, made.turn);
    if (row && rowProblem(row, made.phrases) === null) return row;
  }
  return null;
}
