import { compactKv, kvBytes, truncateKv } from './kv-cache.js';
import type { KvState } from './kv-cache.js';

interface Entry {
  key: string;
  tokens: readonly number[];
  kv: KvState;
  /** Logits after the last token, so an exact repeat of the prompt needs no model call at all. */
  lastLogits: Float32Array;
  bytes: number;
}

export interface PrefixHit {
  /** Positions already computed; the caller runs the prompt from here. */
  kv: KvState;
  /** Set when the whole prompt was cached: the logits to sample the first new token from. */
  logits?: Float32Array;
}

/**
 * A memory-bounded LRU of computed prompt prefixes. Entries are stored under a caller's key (one per
 * character prompt) but matched by tokens: any request whose prompt starts with a cached prefix reuses it,
 * so a wrong key can cost speed, never correctness.
 */
export class PrefixCache {
  private entries: Entry[] = [];
  private used = 0;

  constructor(private readonly maxBytes: number) {}

  get bytes(): number {
    return this.used;
  }

  get size(): number {
    return this.entries.length;
  }

  /** The longest cached prefix shared with `tokens` (at least `minTokens` long), most recent first on ties. */
  lookup(tokens: readonly number[], minTokens = 1): PrefixHit | undefined {
    let best: Entry | undefined;
    let bestLength = 0;
    for (const entry of this.entries) {
      const limit = Math.min(entry.tokens.length, tokens.length);
      let n = 0;
      while (n < limit && entry.tokens[n] === tokens[n]) n++;
      if (n > bestLength) {
        best = entry;
        bestLength = n;
      }
    }
    if (!best || bestLength < minTokens) return undefined;
    this.touch(best);
    if (bestLength === tokens.length && best.tokens.length === tokens.length) {
      return { kv: best.kv, logits: best.lastLogits };
    }
    // Keep one token to run, so the model yields the logits for the first new token.
    return { kv: truncateKv(best.kv, Math.min(bestLength, tokens.length - 1)) };
  }

  /** Stores the computed prompt under `key`, replacing that key's previous prefix. */
  store(key: string, tokens: readonly number[], kv: KvState, lastLogits: Float32Array): void {
    this.remove(key);
    const own = compactKv(kv);
    const bytes = kvBytes(own) + lastLogits.byteLength + tokens.length * 8;
    if (bytes > this.maxBytes) return;
    this.entries.push({ key, tokens: [...tokens], kv: own, lastLogits: lastLogits.slice(), bytes });
    this.used += bytes;
    while (this.used > this.maxBytes) {
      const oldest = this.entries.shift();
      if (!oldest) break;
      this.used -= oldest.bytes;
    }
  }

  private remove(key: string): void {
    const index = this.entries.findIndex((entry) => entry.key === key);
    if (index === -1) return;
    this.used -= (this.entries[index] as Entry).bytes;
    this.entries.splice(index, 1);
  }

  private touch(entry: Entry): void {
    this.entries.splice(this.entries.indexOf(entry), 1);
    this.entries.push(entry);
  }
}
