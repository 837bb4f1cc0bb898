import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyViewChanges, diffView, markExtends, ViewChangeSchema, ViewDiffMemo } from './view-patch.js';

const json = fc.jsonValue({ maxDepth: 4 });

describe('view changes', () => {
  it('diff then apply turns a into b and leaves a untouched', () => {
    fc.assert(
      fc.property(json, json, (a, b) => {
        const before = structuredClone(a);
        const changes = diffView(a, b);
        for (const c of changes) expect(ViewChangeSchema.safeParse(c).success).toBe(true);
        expect(applyViewChanges(a, changes)).toEqual(b);
        expect(a).toEqual(before);
      }),
      { numRuns: 1000 },
    );
  });

  it('sends only the appended chat line, not the whole list', () => {
    const a = { chat: [{ n: 1, text: 'hi' }], version: 3 };
    const b = {
      chat: [
        { n: 1, text: 'hi' },
        { n: 2, text: 'yo' },
      ],
      version: 4,
    };
    expect(diffView(a, b)).toEqual([
      { op: 'set', path: ['chat', 1], value: { n: 2, text: 'yo' } },
      { op: 'set', path: ['version'], value: 4 },
    ]);
    expect(diffView(b, b)).toEqual([]);
  });

  it('gives the same changes whether unchanged parts are shared objects or copies', () => {
    fc.assert(
      fc.property(json, json, json, (kept, a, b) => {
        const before = { kept, list: [kept, a], x: a };
        const after = { kept, list: [kept, a, b], x: b };
        expect(diffView(before, after)).toEqual(diffView(structuredClone(before), structuredClone(after)));
      }),
      { numRuns: 300 },
    );
  });

  it('with a memo, gives the changes it gives without, and diffs a part two views share once', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), json), fc.dictionary(fc.string(), json), (a, b) => {
        const memo = new ViewDiffMemo();
        expect(diffView(a, b, memo)).toEqual(diffView(a, b));
        expect(diffView(a, b, memo)).toEqual(diffView(a, b));
      }),
      { numRuns: 300 },
    );
    const table = { chat: [{ n: 1 }] };
    const next = { chat: [...table.chat, { n: 2 }] };
    const memo = new ViewDiffMemo();
    const one = diffView({ table, me: { seat: 'a' } }, { table: next, me: { seat: 'a' } }, memo);
    const two = diffView({ table, me: { seat: 'b' } }, { table: next, me: { seat: 'c' } }, memo);
    expect(one).toEqual([{ op: 'set', path: ['table', 'chat', 1], value: { n: 2 } }]);
    expect(two[0]).toBe(one[0]);
    expect(two).toEqual([...one, { op: 'set', path: ['me', 'seat'], value: 'c' }]);
  });

  it('a list marked as another plus items gives the same changes, without comparing the old items', () => {
    fc.assert(
      fc.property(fc.array(json), fc.array(json, { minLength: 1 }), (old, added) => {
        const longer = [...old, ...added];
        const expected = diffView({ chat: [...old] }, { chat: [...longer] });
        markExtends(longer, old);
        expect(diffView({ chat: old }, { chat: longer })).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('deletes keys that disappeared', () => {
    expect(applyViewChanges({ a: 1, b: 2 }, diffView({ a: 1, b: 2 }, { a: 1 }))).toEqual({ a: 1 });
  });
});
