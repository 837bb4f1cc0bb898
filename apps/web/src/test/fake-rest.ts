import { gameError } from '@jubensha/protocol';
import { vi } from 'vitest';

export interface RestAnswer {
  status: number;
  body: unknown;
}

/**
 * Stubs `fetch` with the game server's REST answers by exact URL (any other URL answers ROOM_NOT_FOUND, as
 * the server does) and returns the requests made, bodies parsed, so a test can check what a page sent.
 */
export function serveRest(answers: Record<string, RestAnswer>): { url: string; body: unknown }[] {
  const calls: { url: string; body: unknown }[] = [];
  vi.stubGlobal('fetch', (url: string, init?: RequestInit) => {
    calls.push({ url, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    const answer = answers[url] ?? { status: 404, body: { error: gameError('ROOM_NOT_FOUND') } };
    return Promise.resolve(
      new Response(JSON.stringify(answer.body), {
        status: answer.status,
        headers: { 'content-type': 'application/json' },
      }),
    );
  });
  return calls;
}
