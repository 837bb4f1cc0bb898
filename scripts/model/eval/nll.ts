/**
 * Summed negative log-likelihood, in nats, of `ids[from…]` under `logits` ([positions, vocab], row-major,
 * one row per position of `ids`): row i - 1 predicts token i, as in training, which scores only the reply.
 */
export function replyNll(logits: Float32Array, vocab: number, ids: readonly number[], from: number): number {
  if (from < 1) throw new Error('the first scored token needs a position before it');
  let total = 0;
  for (let i = from; i < ids.length; i++) {
    const row = logits.subarray((i - 1) * vocab, i * vocab);
    let max = -Infinity;
    for (const x of row) if (x > max) max = x;
    let sum = 0;
    for (const x of row) sum += Math.exp(x - max);
    const target = row[ids[i] ?? -1];
    if (target === undefined) throw new Error(`token ${ids[i]} is outside the vocabulary of ${vocab}`);
    total += max + Math.log(sum) - target;
  }
  return total;
}

/** Perplexity of many replies together: exp of the mean NLL per reply token (null when no token was scored). */
export function perplexity(parts: readonly { nll: number; tokens: number }[]): number | null {
  const tokens = parts.reduce((n, p) => n + p.tokens, 0);
  return tokens === 0 ? null : Math.exp(parts.reduce((n, p) => n + p.nll, 0) / tokens);
}
