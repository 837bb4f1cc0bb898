import { describe, expect, it } from 'vitest';
import { IdSchema } from './common.js';

describe('ids', () => {
  it('are letters of any script, digits and dashes, starting with a letter', () => {
    for (const id of ['tea-cup', 'c1', '林守正', '茶杯-2', 'café', 'ñandú', 'ใบไม้'])
      expect(IdSchema.safeParse(id).success, id).toBe(true);
  });

  it('never start with a digit or dash, hold no space or capital, and are at most 40 letters', () => {
    for (const id of ['1st', '-x', 'tea cup', 'Alice', '林 守正', 'tea_cup', '', '林'.repeat(41)])
      expect(IdSchema.safeParse(id).success, id).toBe(false);
    expect(IdSchema.safeParse('Alice').error?.issues[0]?.message).toMatch(/any script/);
  });
});
