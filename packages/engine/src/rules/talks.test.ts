import { describe, expect, it } from 'vitest';
import { HOST, refusal, seat, startedGame } from '../testing/driver.js';
import { tinyStory } from '../testing/tiny-story.js';

const story = tinyStory();
const PRIVATE_DISCUSSION = 6;

describe('private talks', () => {
  it('need consent, one live talk per pair, and only the two of them see or touch it', () => {
    const d = startedGame(story, PRIVATE_DISCUSSION);
    expect(refusal(d, seat('ann'), { type: 'REQUEST_TALK', with: 'ann' })).toBe('TALK_TO_SELF');
    expect(refusal(d, seat('ann'), { type: 'REQUEST_TALK', with: 'zed' })).toBe('UNKNOWN_SEAT');
    d.must(seat('ann'), { type: 'REQUEST_TALK', with: 'ben' });
    expect(refusal(d, seat('ben'), { type: 'REQUEST_TALK', with: 'ann' })).toBe('TALK_EXISTS');
    expect(refusal(d, seat('ann'), { type: 'PRIVATE_MESSAGE', talk: 't1', text: 'psst' })).toBe(
      'TALK_CLOSED',
    );
    expect(refusal(d, seat('ann'), { type: 'ACCEPT_TALK', talk: 't1' })).toBe('NOT_YOUR_SEAT');
    expect(refusal(d, seat('cal'), { type: 'ACCEPT_TALK', talk: 't1' })).toBe('UNKNOWN_TALK');
    expect(refusal(d, seat('ben'), { type: 'END_TALK', talk: 't1' })).toBe('NOT_YOUR_SEAT');
    d.must(seat('ben'), { type: 'ACCEPT_TALK', talk: 't1' });
    d.must(seat('ann'), { type: 'PRIVATE_MESSAGE', talk: 't1', text: 'psst' });
    d.must(seat('ben'), { type: 'PRIVATE_MESSAGE', talk: 't1', text: 'what' });
    expect(refusal(d, seat('cal'), { type: 'PRIVATE_MESSAGE', talk: 't1', text: 'me too' })).toBe(
      'UNKNOWN_TALK',
    );
    d.must(seat('ben'), { type: 'END_TALK', talk: 't1' });
    expect(refusal(d, seat('ann'), { type: 'PRIVATE_MESSAGE', talk: 't1', text: 'wait' })).toBe(
      'TALK_CLOSED',
    );
    expect(d.ctx.talks[0]?.messages.map((m) => [m.seat, m.text])).toEqual([
      ['ann', 'psst'],
      ['ben', 'what'],
    ]);
    // After an ended talk the pair may talk again; a declined request is final for that request.
    d.must(seat('ben'), { type: 'REQUEST_TALK', with: 'ann' });
    d.must(seat('ann'), { type: 'DECLINE_TALK', talk: 't2' });
    expect(refusal(d, seat('ann'), { type: 'ACCEPT_TALK', talk: 't2' })).toBe('TALK_CLOSED');
    d.must(seat('cal'), { type: 'REQUEST_TALK', with: 'dot' });
    d.must(seat('dot'), { type: 'ACCEPT_TALK', talk: 't3' });
    d.must(HOST, { type: 'ADVANCE' });
    expect(d.ctx.talks.map((t) => t.status)).toEqual(['ended', 'declined', 'ended']);
  });

  it('are not possible outside private discussion', () => {
    const d = startedGame(story, 3);
    expect(refusal(d, seat('ann'), { type: 'REQUEST_TALK', with: 'ben' })).toBe('WRONG_PHASE');
    d.must(seat('ann'), { type: 'PUBLIC_MESSAGE', text: 'public is fine' });
  });
});
