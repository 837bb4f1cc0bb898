import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReply, type GuardContext } from './guard.js';
import { readings } from './decodings.js';

const ctx = (language: 'zh' | 'en', given = false): GuardContext => ({
  phrases: ['我用火钎砸了爷爷', 'I hit Grandpa with the poker'],
  secretRuns: new Set(['火钎砸了', 'hit grandpa']),
  language,
  grounding: '八点四十分全场停电。At 8:40 the power went out.',
  ...(given ? { given: { names: ['德叔', 'Uncle De', '焙房'], text: '德叔 八点四十 焙房' } } : {}),
});
const CONTEXTS = [ctx('zh'), ctx('en'), ctx('zh', true), ctx('en', true)];

/** Pieces a hostile or broken model reply is made of: entities past U+10FFFF, lone surrogates, controls. */
const PIECES = [
  '&#99999999;',
  '&#x110000;',
  '&#xFFFFFFFFFFFFFFFFFFFF;',
  `&#${'9'.repeat(400)};`,
  '&#0;',
  '&#55296;',
  '\\uD800',
  '\\u0000',
  '\ud800',
  '\udfff',
  '\udfff\ud800',
  '\u0000',
  '\u0007',
  '\u202e',
  '\u200b',
  '\ufeff',
  '\u{1F600}',
  '我用火钎砸了爷爷',
  'I hit Grandpa with the poker',
  'aGVsbG8gd29ybGQgaGVsbG8=',
  'de ad be ef 00 ff 12 34',
  '<<INTENT>>',
  '八点四十',
  '10:45',
  'wo yong huo qian',
];

const reply = fc.array(
  fc.oneof(
    fc.constantFrom(...PIECES),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({
      unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)),
      maxLength: 40,
    }),
    fc.nat().map((n) => `&#${n};`),
    fc.bigInt({ min: 0n, max: 1n << 80n }).map((n) => `&#x${n.toString(16)};`),
  ),
  { maxLength: 12 },
);

describe('the output guard never throws', () => {
  it('decodes an entity past U+10FFFF as written (it threw a RangeError)', () => {
    expect(() => readings('&#99999999; &#x110000;')).not.toThrow();
    expect(readings('&#99999999; &#25105;')).toContain('&#99999999; 我');
    expect(checkReply('&#99999999;', ctx('zh'))).toMatchObject({ ok: false });
  });

  it('answers a verdict for arbitrary strings (seeded)', () => {
    fc.assert(
      fc.property(reply, fc.nat(CONTEXTS.length - 1), (parts, i) => {
        const verdict = checkReply(parts.join(''), CONTEXTS[i]!);
        expect(typeof verdict.ok).toBe('boolean');
      }),
      { seed: 18, numRuns: 3000 },
    );
  });
});
