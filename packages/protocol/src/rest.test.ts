import { describe, expect, it } from 'vitest';
import {
  CreateRoomRequestSchema,
  ROOM_CODE_ALPHABET,
  RoomCodeSchema,
  TakeSeatRequestSchema,
  TokenSchema,
} from './rest.js';
import { SocketAuthSchema } from './socket.js';

describe('REST and socket contract', () => {
  it('room codes use only the unambiguous alphabet', () => {
    expect(RoomCodeSchema.safeParse('ABCD2345').success).toBe(true);
    for (const bad of ['ABCD234', 'ABCD23450', 'abcd2345', 'ABCD2340', 'ABCDOI1L']) {
      expect(RoomCodeSchema.safeParse(bad).success).toBe(false);
    }
    expect(ROOM_CODE_ALPHABET).not.toMatch(/[01OILU]/);
  });

  it('create-room refuses a __proto__ seat and duplicated seats instead of dropping them', () => {
    const proto = JSON.parse(
      '{"storyId":"s","language":"zh","seats":[{"seat":"a","controller":"human","__proto__":{"x":1}}]}',
    );
    expect(CreateRoomRequestSchema.safeParse(proto).success).toBe(false);
    const twice = {
      storyId: 's',
      language: 'en',
      seats: [1, 2].map(() => ({ seat: 'a', controller: 'ai' })),
    };
    expect(CreateRoomRequestSchema.safeParse(twice).success).toBe(false);
    const ok = { storyId: 's', language: 'en', seats: [{ seat: 'a', controller: 'human' }] };
    expect(CreateRoomRequestSchema.parse(ok)).toEqual(ok);
  });

  it('create-room takes a hint level of 0, 1 or 2, and nothing else', () => {
    const room = { storyId: 's', language: 'zh', seats: [] };
    for (const hintLevel of [0, 1, 2])
      expect(CreateRoomRequestSchema.parse({ ...room, hintLevel })).toEqual({ ...room, hintLevel });
    for (const hintLevel of [3, -1, 1.5, '1', null])
      expect(CreateRoomRequestSchema.safeParse({ ...room, hintLevel }).success).toBe(false);
  });

  it('names, tokens and auth are bounded', () => {
    expect(TakeSeatRequestSchema.safeParse({ name: '  ' }).success).toBe(false);
    expect(TakeSeatRequestSchema.safeParse({ name: 'x'.repeat(41) }).success).toBe(false);
    expect(TokenSchema.safeParse('short').success).toBe(false);
    expect(TokenSchema.safeParse('a'.repeat(129)).success).toBe(false);
    expect(SocketAuthSchema.safeParse({ roomId: 'r', token: 'x'.repeat(43), extra: 1 }).success).toBe(false);
    expect(SocketAuthSchema.safeParse({ roomId: 'r' }).success).toBe(true);
  });
});
