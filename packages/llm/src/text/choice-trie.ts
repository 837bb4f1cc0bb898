/**
 * The token sequences a constrained reply may take, as a trie: at each node the tokens that continue some
 * choice, and whether a choice ends there. Decoding inside it can only ever produce one of the choices.
 */
export interface ChoiceNode {
  readonly next: Map<number, ChoiceNode>;
  /** Index of the choice that ends here, or -1. */
  end: number;
}

export function buildChoiceTrie(choices: readonly (readonly number[])[]): ChoiceNode {
  const root: ChoiceNode = { next: new Map(), end: -1 };
  choices.forEach((tokens, index) => {
    let node = root;
    for (const token of tokens) {
      let child = node.next.get(token);
      if (!child) {
        child = { next: new Map(), end: -1 };
        node.next.set(token, child);
      }
      node = child;
    }
    // Two choices that tokenize alike are one choice: the first keeps it.
    if (node.end < 0) node.end = index;
  });
  return root;
}

/**
 * A copy of `logits` in which only the tokens that continue a choice keep their score, and `endToken` (an EOS
 * id) scores a choice ending here. -Infinity elsewhere, so greedy or sampled picks stay inside the trie.
 */
export function maskToChoices(logits: Float32Array, node: ChoiceNode, endToken: number | null): Float32Array {
  const masked = new Float32Array(logits.length).fill(-Infinity);
  for (const token of node.next.keys()) masked[token] = logits[token] ?? -Infinity;
  if (node.end >= 0 && endToken !== null && !node.next.has(endToken))
    masked[endToken] = logits[endToken] ?? -Infinity;
  return masked;
}
