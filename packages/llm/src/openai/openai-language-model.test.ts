import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLlmError } from '../errors.js';
import type { GenerationStream } from '../language-model.js';
import { OpenAiLanguageModel } from './openai-language-model.js';

interface Seen {
  path: string;
  auth: string | undefined;
  body: Record<string, unknown>;
}

const seen: Seen[] = [];
let closedSlowStream: () => void;
const slowStreamClosed = new Promise<void>((resolve) => (closedSlowStream = resolve));
let server: Server;
let baseUrl: string;

const REPLY = ['我昨晚', '在花园里，', 'I heard a scream — 尖叫声！'];

function sse(payload: unknown): string {
  return `data: ${JSON.stringify(payload)}\n\n`;
}

/** Writes `bytes` in pieces cut at the given offsets, yielding between writes so they arrive apart. */
async function writeInPieces(res: ServerResponse, bytes: Buffer, cuts: number[]): Promise<void> {
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    res.write(bytes.subarray(start, cut));
    start = cut;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  let raw = '';
  for await (const part of req) raw += String(part);
  const body = JSON.parse(raw) as Record<string, unknown>;
  seen.push({ path: req.url ?? '', auth: req.headers.authorization, body });
  const model = body['model'];
  if (model === 'boom') {
    res.writeHead(500).end('internal error');
    return;
  }
  if (model === 'long') {
    res.writeHead(400, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: "This model's maximum context length is 4096 tokens" } }));
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  if (model === 'slow') {
    res.on('close', () => closedSlowStream());
    const timer = setInterval(() => res.write(sse({ choices: [{ delta: { content: '…' } }] })), 5);
    res.on('close', () => clearInterval(timer));
    return;
  }
  if (model === 'midstream-error') {
    res.write(sse({ choices: [{ delta: { content: 'Hel' } }] }));
    res.end(sse({ error: { message: 'overloaded' } }));
    return;
  }
  const chat = req.url?.endsWith('/chat/completions');
  const events =
    ': keep-alive\n\n' +
    REPLY.map((text) =>
      sse({ choices: [{ [chat ? 'delta' : 'text']: chat ? { content: text } : text }] }),
    ).join('') +
    sse({ choices: [{ delta: {}, finish_reason: 'length' }] }) +
    sse({ choices: [], usage: { prompt_tokens: 31, completion_tokens: 9 } }) +
    'data: [DONE]\n\n';
  const bytes = Buffer.from(events);
  // Cut inside the first CJK character of the reply and inside a `data:` line.
  const cjk = bytes.indexOf(Buffer.from('昨')) + 1;
  const midLine = bytes.indexOf(Buffer.from('data:'), cjk) + 3;
  await writeInPieces(res, bytes, [cjk, midLine, midLine + 20]);
  res.end();
}

beforeAll(async () => {
  server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function collect(stream: GenerationStream): Promise<string[]> {
  const chunks: string[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

async function failureCode(stream: GenerationStream): Promise<string> {
  try {
    await collect(stream);
    return 'ok';
  } catch (error) {
    if (isLlmError(error)) return error.code;
    throw error;
  }
}

describe('OpenAiLanguageModel against a real SSE server', () => {
  it('streams a chat completion byte-exact across split characters and lines, with usage', async () => {
    let now = 0;
    const model = new OpenAiLanguageModel({
      baseUrl,
      model: 'qwen',
      apiKey: 'sk-test',
      clock: () => (now += 10),
    });
    const stream = model.generate({
      messages: [{ role: 'user', content: '你在哪里？' }],
      maxTokens: 40,
      topK: 20,
      seed: 3,
    });
    expect((await collect(stream)).join('')).toBe(REPLY.join(''));
    const stats = await stream.stats;
    expect(stats).toMatchObject({ promptTokens: 31, completionTokens: 9, finishReason: 'length' });
    expect(stats.timeToFirstTokenMs).toBeGreaterThan(0);
    const request = seen.at(-1)!;
    expect(request.path).toBe('/v1/chat/completions');
    expect(request.auth).toBe('Bearer sk-test');
    expect(request.body).toMatchObject({ model: 'qwen', stream: true, max_tokens: 40, top_k: 20, seed: 3 });
    expect(request.body['messages']).toEqual([{ role: 'user', content: '你在哪里？' }]);
    expect(model.description).toBe(`openai:qwen@${baseUrl.replace(/\/$/, '')}`);
  });

  it('sends raw prompts to /completions and applies stop strings itself', async () => {
    const model = new OpenAiLanguageModel({ baseUrl, model: 'qwen' });
    const stream = model.generate({ prompt: 'Where?', stop: ['，'] });
    expect((await collect(stream)).join('')).toBe('我昨晚在花园里');
    expect((await stream.stats).finishReason).toBe('stop');
    expect(seen.at(-1)!.path).toBe('/v1/completions');
    expect(seen.at(-1)!.auth).toBeUndefined();
  });

  it('maps HTTP and stream errors to typed errors', async () => {
    const make = (name: string): OpenAiLanguageModel => new OpenAiLanguageModel({ baseUrl, model: name });
    expect(await failureCode(make('boom').generate({ prompt: 'x' }))).toBe('BACKEND_UNAVAILABLE');
    expect(await failureCode(make('long').generate({ prompt: 'x' }))).toBe('CONTEXT_TOO_LONG');
    expect(await failureCode(make('midstream-error').generate({ prompt: 'x' }))).toBe('BACKEND_UNAVAILABLE');

    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = new OpenAiLanguageModel({ baseUrl: `http://127.0.0.1:${port}/v1`, model: 'x' });
    expect(await failureCode(refused.generate({ prompt: 'x' }))).toBe('BACKEND_UNAVAILABLE');
  });

  it('cancels by AbortSignal and closes the HTTP stream', async () => {
    const model = new OpenAiLanguageModel({ baseUrl, model: 'slow' });
    const controller = new AbortController();
    const stream = model.generate({ prompt: 'x', signal: controller.signal });
    let received = 0;
    await expect(
      (async () => {
        for await (const _chunk of stream) {
          if (++received === 3) controller.abort();
        }
      })(),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    await expect(stream.stats).rejects.toMatchObject({ code: 'CANCELLED' });
    await slowStreamClosed;
  });
});
