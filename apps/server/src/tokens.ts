import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH } from '@jubensha/protocol';

/** 256 random bits: the seat and host tokens a browser keeps. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** 128 random bits: the room id sockets name in their handshake. */
export function newRoomId(): string {
  return `r${randomBytes(16).toString('base64url')}`;
}

/** A code people type: uniform over the alphabet (randomInt has no modulo bias). */
export function newRoomCode(): string {
  let code = '';
  for (let i = 0; i < ROOM_CODE_LENGTH; i++) code += ROOM_CODE_ALPHABET[randomInt(ROOM_CODE_ALPHABET.length)];
  return code;
}

/** What the store keeps instead of a token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
