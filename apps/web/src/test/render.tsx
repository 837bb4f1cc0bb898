import type { AiVoices, Command, CommandAck, GameError } from '@jubensha/protocol';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { ActionsProvider } from '../game/act.js';
import { RoomContext } from '../table/room-context.js';

/**
 * Renders a table component as a room would: story language, room ids, and an `act` that records
 * every command and answers like the server (accepted, or the given refusal).
 */
export function renderAtTable(
  ui: ReactElement,
  opts: { refuse?: GameError; lang?: 'zh' | 'en'; aiVoices?: AiVoices; finished?: boolean } = {},
): RenderResult & { sent: Command[] } {
  const sent: Command[] = [];
  const send = (command: Command): Promise<CommandAck> => {
    sent.push(command);
    return Promise.resolve(
      opts.refuse ? { ok: false, error: opts.refuse } : { ok: true, version: sent.length },
    );
  };
  const result = render(
    <RoomContext.Provider
      value={{
        roomId: 'room-1',
        code: 'ABCDEFGH',
        lang: opts.lang ?? 'en',
        aiVoices: opts.aiVoices ?? null,
        finished: opts.finished ?? false,
      }}
    >
      <ActionsProvider send={send}>{ui}</ActionsProvider>
    </RoomContext.Provider>,
  );
  return Object.assign(result, { sent });
}
