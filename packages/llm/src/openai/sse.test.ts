import { describe, expect, it } from 'vitest';
import { SseParser } from './sse.js';

describe('SseParser', () => {
  it('parses events split at every byte, including inside CJK characters and CRLF', () => {
    const text =
      'data: {"a":"凶手"}\r\n\r\n: keep-alive\n\ndata: line1\ndata: line2\n\nevent: x\ndata:[DONE]\n\n';
    const bytes = new TextEncoder().encode(text);
    const parser = new SseParser();
    const events: string[] = [];
    for (const byte of bytes) events.push(...parser.push(Uint8Array.of(byte)));
    events.push(...parser.end());
    expect(events).toEqual(['{"a":"凶手"}', 'line1\nline2', '[DONE]']);
  });

  it('flushes a last event without its blank line', () => {
    const parser = new SseParser();
    expect(parser.push(new TextEncoder().encode('data: tail'))).toEqual([]);
    expect(parser.end()).toEqual(['tail']);
  });
});
