import type { GameContext, TalkState } from './context.js';

/**
 * The copy a rule changes: everything cloned, except the lines said (public chat, the host's lines, the
 * messages of talks), which are written once and never changed, so the new context shares them with the
 * old one. A command then costs the same at line 3,000 as at line 1 (a whole clone grew with the chat),
 * and projections of the same line can be recognised by identity. Keys keep their order: a snapshot's
 * JSON is the same as a full clone's.
 */
export function draftOf(ctx: GameContext): GameContext {
  const draft: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(ctx)) {
    if (key === 'chat' || key === 'hostMessages') draft[key] = [...(value as unknown[])];
    else if (key === 'talks') draft[key] = (value as TalkState[]).map(draftTalk);
    else draft[key] = cloneJson(value);
  }
  return draft as unknown as GameContext;
}

function draftTalk(talk: TalkState): TalkState {
  const draft: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(talk))
    draft[key] = key === 'messages' ? [...(value as unknown[])] : cloneJson(value);
  return draft as unknown as TalkState;
}

/** A deep copy of plain JSON (the context is nothing else): a few times faster than structuredClone here. */
function cloneJson<T>(v: T): T {
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) return v.map(cloneJson) as T;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    const value = cloneJson((v as Record<string, unknown>)[k]);
    // A key named __proto__ (from a stored game) stays data, never a prototype.
    if (k === '__proto__')
      Object.defineProperty(out, k, { value, writable: true, enumerable: true, configurable: true });
    else out[k] = value;
  }
  return out as T;
}
