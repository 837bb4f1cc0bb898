import type { SeatCommand } from '@jubensha/protocol';
import type { Rule } from './rule.js';

export const finishReading: Rule<Extract<SeatCommand, { type: 'FINISH_READING' }>> = ({ ctx, seat }) => {
  if (ctx.finishedReading.includes(seat)) return 'ALREADY_DONE';
  ctx.finishedReading.push(seat);
  return undefined;
};
