/**
 * Incremental parser for server-sent events. Bytes arrive in arbitrary pieces (inside a UTF-8 character,
 * inside a line); it yields the `data` of each complete event. Comments and other fields are skipped.
 */
export class SseParser {
  private readonly decoder = new TextDecoder('utf-8');
  private buffer = '';
  private data: string[] = [];

  push(bytes: Uint8Array): string[] {
    this.buffer += this.decoder.decode(bytes, { stream: true });
    return this.drain();
  }

  /** Flushes a final event not followed by a blank line (a server that just closed the stream). */
  end(): string[] {
    this.buffer += this.decoder.decode();
    const events = this.drain();
    if (this.buffer !== '') this.line(this.buffer, events);
    this.buffer = '';
    if (this.data.length > 0) events.push(this.data.join('\n'));
    this.data = [];
    return events;
  }

  private drain(): string[] {
    const events: string[] = [];
    for (;;) {
      const newline = this.buffer.search(/\r\n|\r|\n/);
      // A lone \r at the very end may be the first half of \r\n: wait for more.
      if (newline === -1 || (this.buffer[newline] === '\r' && newline === this.buffer.length - 1)) break;
      const width = this.buffer.startsWith('\r\n', newline) ? 2 : 1;
      const line = this.buffer.slice(0, newline);
      this.buffer = this.buffer.slice(newline + width);
      this.line(line, events);
    }
    return events;
  }

  private line(line: string, events: string[]): void {
    if (line === '') {
      if (this.data.length > 0) events.push(this.data.join('\n'));
      this.data = [];
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.data.push(value);
  }
}
