import { describe, expect, it } from 'vitest';
import { perplexity, replyNll } from './nll.js';

describe('replyNll', () => {
  // Three positions over a vocabulary of two; ids [0, 1, 0], the reply starting at position 1.
  const logits = Float32Array.from([0, Math.log(3), 5, 5, 0, 0]);
  it('scores each reply token with the row before it, as training does', () => {
    // Token 1 after row 0 (p = 3/4), token 0 after row 1 (p = 1/2).
    expect(replyNll(logits, 2, [0, 1, 0], 1)).toBeCloseTo(-Math.log(3 / 4) - Math.log(1 / 2), 6);
    expect(replyNll(logits, 2, [0, 1, 0], 2)).toBeCloseTo(Math.log(2), 6);
  });
  it('refuses a token outside the vocabulary and a reply with no position before it', () => {
    expect(() => replyNll(logits, 2, [0, 7, 0], 1)).toThrow(/vocabulary/);
    expect(() => replyNll(logits, 2, [0, 1, 0], 0)).toThrow();
  });
});

describe('perplexity', () => {
  it('is exp of the mean NLL per token over every reply', () => {
    expect(
      perplexity([
        { nll: 2 * Math.log(4), tokens: 2 },
        { nll: Math.log(4), tokens: 1 },
      ]),
    ).toBeCloseTo(4, 6);
    expect(perplexity([])).toBeNull();
  });
});
