import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from './common.js';
import { CommandSchema, EnvelopeSchema, HOST_COMMANDS, SEAT_COMMANDS, SYSTEM_COMMANDS } from './commands.js';

const id = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/);
const words = (max: number) => fc.string({ minLength: 1, maxLength: max }).filter((s) => s.trim().length > 0);

const validCommand = fc.oneof(
  words(LIMITS.displayName).map((name) => ({ type: 'TAKE_SEAT', name })),
  fc.boolean().map((ready) => ({ type: 'READY', ready })),
  fc.constant({ type: 'FINISH_READING' }),
  id.map((location) => ({ type: 'SEARCH', location })),
  id.map((clue) => ({ type: 'PUBLISH_CLUE', clue })),
  id.map((clue) => ({ type: 'KEEP_CLUE', clue })),
  words(LIMITS.publicMessage).map((text) => ({ type: 'PUBLIC_MESSAGE', text })),
  id.map((w) => ({ type: 'REQUEST_TALK', with: w })),
  fc.record({ talk: id, text: words(LIMITS.privateMessage) }).map((r) => ({ type: 'PRIVATE_MESSAGE', ...r })),
  words(LIMITS.statement).map((text) => ({ type: 'STATEMENT', text })),
  id.map((character) => ({ type: 'VOTE', character })),
  fc.integer({ min: 1, max: LIMITS.extendMinutes }).map((minutes) => ({ type: 'EXTEND', minutes })),
  fc
    .record({
      kind: fc.constantFrom('narration', 'reminder', 'hint', 'debrief'),
      text: words(LIMITS.hostMessage),
    })
    .map((r) => ({ type: 'HOST_NARRATE', ...r })),
  fc
    .constantFrom(...HOST_COMMANDS.filter((t) => t !== 'EXTEND' && t !== 'HAND_TO_AI' && t !== 'TAKE_BACK'))
    .map((type) => ({ type })),
);

describe('command schemas', () => {
  it('accept every well-formed command unchanged', () => {
    fc.assert(
      fc.property(validCommand, (c) => {
        expect(CommandSchema.parse(c)).toEqual(c);
      }),
    );
  });

  it('reject extra keys, blank text, over-long text and unknown types', () => {
    fc.assert(
      fc.property(validCommand, fc.string({ minLength: 1 }), (c, extra) => {
        expect(CommandSchema.safeParse({ ...c, [`x${extra}`]: 1 }).success).toBe(false);
      }),
    );
    expect(CommandSchema.safeParse({ type: 'PUBLIC_MESSAGE', text: '   ' }).success).toBe(false);
    expect(
      CommandSchema.safeParse({ type: 'STATEMENT', text: 'a'.repeat(LIMITS.statement + 1) }).success,
    ).toBe(false);
    expect(CommandSchema.safeParse({ type: 'EXTEND', minutes: 0 }).success).toBe(false);
    expect(CommandSchema.safeParse({ type: 'NOPE' }).success).toBe(false);
    expect(CommandSchema.safeParse({ type: 'HOST_NARRATE', kind: 'gossip', text: 'hi' }).success).toBe(false);
    expect(CommandSchema.safeParse({ type: 'HOST_NARRATE', kind: 'hint', text: ' ' }).success).toBe(false);
    expect(
      CommandSchema.safeParse({
        type: 'HOST_NARRATE',
        kind: 'debrief',
        text: 'a'.repeat(LIMITS.hostMessage + 1),
      }).success,
    ).toBe(false);
    expect(CommandSchema.safeParse(null).success).toBe(false);
  });

  it('seat, host and system command lists are disjoint and cover the union', () => {
    const all = CommandSchema.options.map((o) => o.shape.type.value);
    const lists: string[][] = [SEAT_COMMANDS, HOST_COMMANDS, SYSTEM_COMMANDS];
    expect(new Set(lists.flat())).toEqual(new Set(all));
    expect(lists.flat().length).toBe(all.length);
    expect(SYSTEM_COMMANDS).toEqual(['TICK', 'HOST_NARRATE']);
  });

  it('envelopes carry an actor and an epoch time', () => {
    const ok = {
      actor: { kind: 'seat', seat: 'amy' },
      command: { type: 'FINISH_READING' },
      at: 1_700_000_000_000,
    };
    expect(EnvelopeSchema.parse(ok)).toEqual(ok);
    expect(EnvelopeSchema.safeParse({ ...ok, at: -1 }).success).toBe(false);
    expect(EnvelopeSchema.safeParse({ ...ok, actor: { kind: 'god' } }).success).toBe(false);
  });
});
