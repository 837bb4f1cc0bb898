import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_MESSAGES, gameError, GameErrorSchema } from './errors.js';

describe('error codes', () => {
  it('every code has a Chinese and an English message and builds a valid error', () => {
    expect(ERROR_CODES.length).toBeGreaterThan(20);
    for (const code of ERROR_CODES) {
      const e = gameError(code);
      expect(GameErrorSchema.parse(e)).toEqual(e);
      expect(e.message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(e.message.en).toMatch(/^[A-Z].*\.$/);
      expect(e.message).toEqual(ERROR_MESSAGES[code]);
    }
  });

  it('the list is closed', () => {
    expect(GameErrorSchema.safeParse({ code: 'SOMETHING_ELSE', message: { zh: 'x', en: 'x' } }).success).toBe(
      false,
    );
  });
});
