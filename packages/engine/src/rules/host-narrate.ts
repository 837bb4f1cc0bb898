import type { SystemCommand } from '@jubensha/protocol';
import type { Rule } from './rule.js';

/**
 * The server's AI host says something to the table. It is part of the game (logged, in the snapshot),
 * so a reload, a reconnect or a restart shows the same narration; only who sends it is checked (the
 * system actor, in runRule), since the server writes the text from public facts or, at the debrief,
 * after the reveal.
 */
export const hostNarrate: Rule<Extract<SystemCommand, { type: 'HOST_NARRATE' }>> = ({ ctx, cmd, now }) => {
  ctx.hostMessages.push({
    n: ctx.hostMessages.length + 1,
    kind: cmd.kind,
    text: cmd.text,
    at: now,
    after: ctx.chat.length,
  });
  return undefined;
};
