/**
 * What this browser holds for a room: the host token and/or one seat's token. Tokens are shown
 * once by the server, so losing them loses the seat; they live in localStorage per room so a
 * reload or a new tab puts the player back in the seat.
 */
export interface RoomSession {
  roomId: string;
  code: string;
  hostToken?: string;
  seat?: string;
  seatToken?: string;
}

const PREFIX = 'jubensha.room.';

export function loadSession(roomId: string): RoomSession | null {
  try {
    const raw = localStorage.getItem(PREFIX + roomId);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    if (!parsed || typeof parsed !== 'object') return null;
    const s = parsed as Partial<RoomSession>;
    if (s.roomId !== roomId || typeof s.code !== 'string') return null;
    return {
      roomId,
      code: s.code,
      ...(typeof s.hostToken === 'string' ? { hostToken: s.hostToken } : {}),
      ...(typeof s.seat === 'string' && typeof s.seatToken === 'string'
        ? { seat: s.seat, seatToken: s.seatToken }
        : {}),
    };
  } catch {
    return null;
  }
}

/** Merges into what is stored: taking a seat keeps the host token of the same browser. */
export function saveSession(update: RoomSession): RoomSession {
  const merged = { ...(loadSession(update.roomId) ?? {}), ...update };
  localStorage.setItem(PREFIX + update.roomId, JSON.stringify(merged));
  return merged;
}

/** The room this browser holds a seat in, by its invite code (for "back to your seat" on the join page). */
export function findSessionByCode(code: string): RoomSession | null {
  return allSessions().find((s) => s.code === code) ?? null;
}

/** Every room this browser holds a token for (for "your rooms" on the home page). */
export function allSessions(): RoomSession[] {
  const found: RoomSession[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    const s = key?.startsWith(PREFIX) ? loadSession(key.slice(PREFIX.length)) : null;
    if (s) found.push(s);
  }
  return found.sort((a, b) => a.code.localeCompare(b.code));
}

const NOTES = 'jubensha.notes.';

export function loadNotes(roomId: string, seat: string): string {
  return localStorage.getItem(`${NOTES}${roomId}.${seat}`) ?? '';
}

export function saveNotes(roomId: string, seat: string, text: string): void {
  localStorage.setItem(`${NOTES}${roomId}.${seat}`, text);
}
