import { describe, expect, it } from 'vitest';
import { draftOf } from './draft.js';
import { HOST, seat, startedGame } from './testing/driver.js';
import { tinyStory } from './testing/tiny-story.js';

const story = tinyStory();

describe('draftOf', () => {
  it('is the same JSON as the context, key order included', () => {
    const d = startedGame(story, 6);
    d.must(seat('ann'), { type: 'PUBLIC_MESSAGE', text: 'a line' });
    d.must(seat('ann'), { type: 'REQUEST_TALK', with: 'ben' });
    const ctx = d.ctx;
    expect(JSON.stringify(draftOf(ctx))).toBe(JSON.stringify(ctx));
  });

  it('shares the lines said and nothing a rule may change', () => {
    const d = startedGame(story, 3);
    d.must(seat('ann'), { type: 'PUBLIC_MESSAGE', text: 'first' });
    const before = d.snapshot;
    const json = JSON.stringify(before);
    d.must(seat('ben'), { type: 'PUBLIC_MESSAGE', text: 'second' });
    d.must(HOST, { type: 'ADVANCE' });
    expect(JSON.stringify(before)).toBe(json);
    expect(d.ctx.chat[0]).toBe(before.context.chat[0]);
    expect(d.ctx.chat).not.toBe(before.context.chat);
    const draft = draftOf(d.ctx);
    expect(draft.seats[0]).not.toBe(d.ctx.seats[0]);
    expect(draft.found).not.toBe(d.ctx.found);
    expect(draft.actionPoints).not.toBe(d.ctx.actionPoints);
  });

  it('keeps a key named __proto__ as data', () => {
    const d = startedGame(story, 3);
    const ctx = JSON.parse(JSON.stringify(d.ctx).replace('"votes":{}', '"votes":{"__proto__":"ann"}'));
    const draft = draftOf(ctx);
    expect(Object.getPrototypeOf(draft.votes)).toBe(Object.prototype);
    expect(Object.hasOwn(draft.votes, '__proto__')).toBe(true);
    expect(JSON.stringify(draft)).toBe(JSON.stringify(ctx));
  });
});
