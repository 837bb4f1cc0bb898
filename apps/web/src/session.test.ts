import { afterEach, describe, expect, it } from 'vitest';
import { allSessions, findSessionByCode, loadNotes, loadSession, saveNotes, saveSession } from './session.js';

afterEach(() => localStorage.clear());

describe('room sessions in localStorage', () => {
  it('keeps the host token when the same browser takes a seat', () => {
    saveSession({ roomId: 'r1', code: 'ABCDEFGH', hostToken: 'h'.repeat(20) });
    saveSession({ roomId: 'r1', code: 'ABCDEFGH', seat: 'ann', seatToken: 's'.repeat(20) });
    expect(loadSession('r1')).toEqual({
      roomId: 'r1',
      code: 'ABCDEFGH',
      hostToken: 'h'.repeat(20),
      seat: 'ann',
      seatToken: 's'.repeat(20),
    });
    expect(findSessionByCode('ABCDEFGH')?.roomId).toBe('r1');
    expect(findSessionByCode('ZZZZZZZZ')).toBeNull();
  });

  it('treats damaged or foreign entries as no session', () => {
    localStorage.setItem('jubensha.room.r2', '{not json');
    localStorage.setItem('jubensha.room.r3', JSON.stringify({ roomId: 'other', code: 'X' }));
    localStorage.setItem('jubensha.room.r4', JSON.stringify({ roomId: 'r4', code: 'ABCDEFGH', seat: 'ann' }));
    expect(loadSession('r2')).toBeNull();
    expect(loadSession('r3')).toBeNull();
    expect(loadSession('r4')).toEqual({ roomId: 'r4', code: 'ABCDEFGH' });
  });

  it('keeps notes per room and seat', () => {
    saveNotes('r1', 'ann', 'the cook lied');
    expect(loadNotes('r1', 'ann')).toBe('the cook lied');
    expect(loadNotes('r1', 'bo')).toBe('');
  });
});

describe('allSessions', () => {
  it('lists the rooms this browser holds tokens for, skipping other keys', () => {
    saveSession({ roomId: 'r2', code: 'BBBBBBBB', seat: 'bo', seatToken: 't'.repeat(20) });
    saveSession({ roomId: 'r1', code: 'AAAAAAAA', hostToken: 'h'.repeat(20) });
    localStorage.setItem('jubensha.language', 'en');
    expect(allSessions().map((s) => s.code)).toEqual(['AAAAAAAA', 'BBBBBBBB']);
  });
});
