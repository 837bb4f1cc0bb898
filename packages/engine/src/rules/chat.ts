import type { SeatCommand } from '@jubensha/protocol';
import type { Rule } from './rule.js';

export const publicMessage: Rule<Extract<SeatCommand, { type: 'PUBLIC_MESSAGE' }>> = ({
  ctx,
  cmd,
  seat,
  now,
}) => {
  ctx.chat.push({ n: ctx.chat.length + 1, seat, text: cmd.text, at: now });
  return undefined;
};
