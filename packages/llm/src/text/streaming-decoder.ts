/** Turns token ids into text; `decode` must be the tokenizer's full decode (special tokens skipped). */
export type Decode = (tokens: readonly number[]) => string;

const REPLACEMENT = '\uFFFD';

/**
 * Streaming detokenization that never emits half a character: it decodes a short window of recent tokens and
 * holds text back while it ends in U+FFFD (an incomplete UTF-8 sequence in byte-level vocabularies). At the
 * end, `finish` makes the emitted text equal the full decode exactly.
 */
export class StreamingDecoder {
  private readonly tokens: number[] = [];
  private prefixOffset = 0;
  private readOffset = 0;
  private emitted = '';

  constructor(private readonly decode: Decode) {}

  /** Adds one token; returns newly complete text (possibly empty). */
  push(token: number): string {
    this.tokens.push(token);
    const prefixText = this.decode(this.tokens.slice(this.prefixOffset, this.readOffset));
    const newText = this.decode(this.tokens.slice(this.prefixOffset));
    if (newText.length <= prefixText.length || newText.endsWith(REPLACEMENT)) return '';
    if (!newText.startsWith(prefixText)) return '';
    const out = newText.slice(prefixText.length);
    this.prefixOffset = this.readOffset;
    this.readOffset = this.tokens.length;
    this.emitted += out;
    return out;
  }

  /** Everything not yet emitted, so that all chunks together equal the full decode. */
  finish(): string {
    const full = this.decode(this.tokens);
    if (full.startsWith(this.emitted)) {
      const out = full.slice(this.emitted.length);
      this.emitted = full;
      return out;
    }
    return '';
  }
}
