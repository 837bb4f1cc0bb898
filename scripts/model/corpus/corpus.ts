import { sampleTurn } from './dialogue.js';
import { makeMystery } from './mystery.js';
import { Rng, seedFor } from './rng.js';
import type { Row } from './row.js';
import { toRow } from './row.js';
import type { Lang } from './text.js';

export interface CorpusOptions {
  split: Row['split'];
  mysteries: number;
  turnsPerMystery: number;
  seed: number;
}

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
