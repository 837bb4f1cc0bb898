import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeJson, encodeJson, encodeJsonObject } from './json-text.js';
import { isMatchStoreError } from './match-store-error.js';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return isMatchStoreError(error) ? error.code : 'not a MatchStoreError';
  }
  return undefined;
}

describe('encodeJson', () => {
  it('round-trips any plain JSON value exactly', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(decodeJson(encodeJson(value, 'v'))).toStrictEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('keeps __proto__ and constructor as plain keys', () => {
    const value = JSON.parse('{"__proto__":{"x":1},"constructor":{"prototype":{"y":2}}}') as unknown;
    const back = decodeJson(encodeJson(value, 'v')) as Record<string, unknown>;
    expect(Object.keys(back)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });

  it('drops undefined object properties, as JSON.stringify does', () => {
    expect(encodeJson({ a: 1, b: undefined, c: { d: undefined } }, 'v')).toBe('{"a":1,"c":{}}');
  });

  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['undefined in an array', [1, undefined]],
    ['NaN', { a: NaN }],
    ['-Infinity', [-Infinity]],
    ['a bigint', { a: 1n }],
    ['a function', { a: () => 0 }],
    ['a symbol', { a: Symbol('s') }],
    ['a Date', { a: new Date(0) }],
    ['a Map', new Map()],
    [
      'a class instance',
      new (class Clue {
        name = 'knife';
      })(),
    ],
    ['a typed array', { a: new Uint8Array(2) }],
  ])('refuses %s with INVALID_INPUT', (_what, value) => {
    expect(codeOf(() => encodeJson(value, 'v'))).toBe('INVALID_INPUT');
  });

  it('refuses cycles but accepts the same object twice', () => {
    const shared = { clue: 'knife' };
    expect(encodeJson({ a: shared, b: [shared] }, 'v')).toBe('{"a":{"clue":"knife"},"b":[{"clue":"knife"}]}');
    const cyclic: Record<string, unknown> = {};
    cyclic['next'] = { back: cyclic };
    expect(codeOf(() => encodeJson(cyclic, 'v'))).toBe('INVALID_INPUT');
  });

  it('accepts objects without a prototype', () => {
    const bare = Object.assign(Object.create(null) as object, { a: 1 });
    expect(encodeJson(bare, 'v')).toBe('{"a":1}');
  });
});

describe('encodeJsonObject', () => {
  it.each([null, [], 'text', 3])('refuses %j, which is not an object', (value) => {
    expect(codeOf(() => encodeJsonObject(value, 'snapshot'))).toBe('INVALID_INPUT');
  });
});
