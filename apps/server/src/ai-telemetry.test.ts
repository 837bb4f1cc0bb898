import { Writable } from 'node:stream';
import type { AiLineRecord } from '@jubensha/agents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AiHost } from './ai-host.js';
import type { AiSeats } from './ai-seats.js';
import { aiTelemetry } from './ai-telemetry.js';
import { createLogger } from './logger.js';
import { Metrics } from './metrics.js';
import { api, startTestServer, tempDir, type TestServer } from './testing/harness.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, log: createLogger('info', sink) };
}

const LINE: AiLineRecord = {
  roomId: 'r-1',
  seat: 'lin-xiuhe',
  phase: 3,
  act: 'answer',
  intent: 'state',
  source: 'template',
  command: 'PUBLIC_MESSAGE',
  accepted: true,
  guardFailures: ['grounding', 'secret', 'grounding'],
  tokens: { prompt: 310, completion: 24 },
  modelMs: 180,
};

describe('aiTelemetry', () => {
  it('logs each AI line without its text and counts it by source, guard rule and model time', async () => {
    const { lines, log } = capture();
    const metrics = new Metrics();
    const t = aiTelemetry(log, metrics);
    t.line(LINE);
    t.line({ ...LINE, source: 'model', guardFailures: [], modelMs: 0, tokens: { prompt: 0, completion: 0 } });
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'AI line',
      roomId: 'r-1',
      seat: 'lin-xiuhe',
      phase: 3,
      act: 'answer',
      source: 'template',
      accepted: true,
      guardFailures: ['grounding', 'secret', 'grounding'],
      promptTokens: 310,
      completionTokens: 24,
      modelMs: 180,
    });
    expect(Object.keys(lines[0]!)).not.toContain('text');
    const text = await metrics.registry.metrics();
    expect(text).toContain('jubensha_ai_lines_total{source="template"} 1');
    expect(text).toContain('jubensha_ai_lines_total{source="model"} 1');
    expect(text).toContain('jubensha_ai_guard_failures_total{rule="grounding"} 2');
    expect(text).toContain('jubensha_ai_guard_failures_total{rule="secret"} 1');
    // Only lines that used the model are timed.
    expect(text).toContain('jubensha_ai_model_seconds_count 1');
    expect(text).toContain('jubensha_ai_model_seconds_sum 0.18');
    expect(text).toContain('jubensha_ai_tokens_total{kind="prompt"} 310');
  });

  it('logs and counts a failure with its error', async () => {
    const { lines, log } = capture();
    const metrics = new Metrics();
    aiTelemetry(log, metrics).failure({ where: 'seat', roomId: 'r-1', seat: 's', err: new Error('boom') });
    expect(lines[0]).toMatchObject({
      level: 50,
      msg: 'AI seat failed',
      roomId: 'r-1',
      seat: 's',
      where: 'seat',
    });
    expect((lines[0]!['err'] as { message: string }).message).toBe('boom');
    expect(await metrics.registry.metrics()).toContain('jubensha_ai_failures_total{where="seat"} 1');
  });
});

describe('AI failures inside a room', () => {
  let server: TestServer;
  let dir: Awaited<ReturnType<typeof tempDir>>;
  const throwing: AiSeats = {
    onView: () => {
      throw new Error('agent crashed');
    },
    onRoomClosed: () => undefined,
  };
  const throwingHost: AiHost = {
    onHostView: () => {
      throw new Error('host crashed');
    },
    onRoomClosed: () => undefined,
  };
  beforeAll(async () => {
    dir = await tempDir();
    server = await startTestServer(dir.dir, { aiSeats: throwing, aiHost: throwingHost });
  });
  afterAll(async () => {
    await server.close();
    await dir.remove();
  });

  it('do not fail the room or the command: they go to the one handler, counted per seat and host', async () => {
    const created = await api(server.url, '/api/rooms', {
      storyId: 'rain-tea-hills',
      language: 'zh',
      seats: [],
    });
    expect(created.status).toBe(201);
    const text = await server.metrics.registry.metrics();
    // Every seat is an AI's: one failure each, and one for the host.
    expect(text).toContain('jubensha_ai_failures_total{where="seat"} 6');
    expect(text).toContain('jubensha_ai_failures_total{where="host"} 1');
  });
});
