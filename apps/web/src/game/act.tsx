import type { Command, ErrorCode, GameError } from '@jubensha/protocol';
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import type { Send } from './use-game.js';

export interface Actions {
  /** Sends a command; a refusal is shown to the player in their UI language. Resolves true if accepted. */
  act: (command: Command, opts?: { expect?: ErrorCode }) => Promise<boolean>;
  busy: boolean;
  error: GameError | null;
  clearError: () => void;
}

const ActionsContext = createContext<Actions | null>(null);

export function ActionsProvider({ send, children }: { send: Send; children: ReactNode }) {
  const actions = useActionsState(send);
  return <ActionsContext.Provider value={actions}>{children}</ActionsContext.Provider>;
}

export function useActionsState(send: Send): Actions {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<GameError | null>(null);
  const act = useCallback(
    // `expect`: a refusal that is the very answer asked for (ending the game answers GAME_OVER).
    async (command: Command, opts: { expect?: ErrorCode } = {}) => {
      setBusy(true);
      // A refusal belongs to the action that caused it: a new action starts with a clean slate.
      setError(null);
      try {
        const ack = await send(command);
        const ok = ack.ok || ack.error.code === opts.expect;
        setError(ok || ack.ok ? null : ack.error);
        return ok;
      } finally {
        setBusy(false);
      }
    },
    [send],
  );
  const clearError = useCallback(() => setError(null), []);
  return { act, busy, error, clearError };
}

export function useActions(): Actions {
  const a = useContext(ActionsContext);
  if (!a) throw new Error('useActions outside ActionsProvider');
  return a;
}
