import {
  ListStoriesResponseSchema,
  RoomInfoSchema,
  TakeSeatResponseSchema,
  gameError,
  type ErrorCode,
} from '@jubensha/protocol';
import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadSession } from '../session.js';
import { serveRest, type RestAnswer } from '../test/fake-rest.js';
import { STORY } from '../test/views.js';
import { Join } from './join.js';

const room = RoomInfoSchema.parse({
  roomId: 'room-9',
  code: 'ABCDEFGH',
  storyId: STORY.id,
  title: STORY.title,
  language: 'en',
  status: 'lobby',
  hostOnline: true,
  aiVoices: 'model',
  seats: [
    {
      seat: 'ann',
      character: { en: 'Ann', zh: '安' },
      controller: 'human',
      taken: false,
      name: null,
      online: false,
    },
    {
      seat: 'bo',
      character: { en: 'Bo', zh: '波' },
      controller: 'human',
      taken: true,
      name: 'Bob',
      online: true,
    },
    {
      seat: 'cy',
      character: { en: 'Cy', zh: '茜' },
      controller: 'ai',
      taken: false,
      name: null,
      online: false,
    },
  ],
});
const stories = ListStoriesResponseSchema.parse({
  stories: [
    {
      id: STORY.id,
      title: STORY.title,
      blurb: STORY.blurb,
      languages: ['zh', 'en'],
      genre: 'honkaku',
      durationMinutes: 90,
      contentWarnings: [],
      seats: STORY.characters.map((c) => ({ seat: c.id, name: c.name, profile: c.profile })),
    },
  ],
});

/** The server's REST answers for this room; taking a seat answers `seatAnswer`. */
function serve(seatAnswer: RestAnswer, info = room) {
  return serveRest({
    '/api/stories': { status: 200, body: stories },
    '/api/rooms/ABCDEFGH': { status: 200, body: info },
    '/api/rooms/ABCDEFGH/seats/ann': seatAnswer,
  });
}

const refusal = (code: ErrorCode) => ({ status: 409, body: { error: gameError(code) } });

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.pushState(null, '', '/');
});

describe('Join', () => {
  it('offers only free human seats, with public profiles, and keeps the seat token for this room', async () => {
    const token = 'k'.repeat(43);
    const calls = serve({
      status: 201,
      body: TakeSeatResponseSchema.parse({ roomId: 'room-9', seat: 'ann', seatToken: token, version: 3 }),
    });
    render(<Join code="ABCDEFGH" />);
    const ann = (await screen.findByRole('radio', { name: /Ann/ })) as HTMLInputElement;
    expect(ann.disabled).toBe(false);
    expect((screen.getByRole('radio', { name: /Bo/ }) as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByRole('radio', { name: /Cy/ }) as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText('The cashier.')).toBeTruthy();
    expect(screen.getByText('taken by Bob')).toBeTruthy();
    // This server has a language model: no banner about authored lines.
    expect(screen.queryByRole('note')).toBeNull();

    await userEvent.type(screen.getByLabelText('Your name'), '  Alice ');
    await userEvent.click(ann);
    await userEvent.click(screen.getByRole('button', { name: 'Take this seat' }));
    await vi.waitFor(() => expect(window.location.pathname).toBe('/room/room-9'));
    expect(calls.at(-1)).toEqual({ url: '/api/rooms/ABCDEFGH/seats/ann', body: { name: 'Alice' } });
    expect(loadSession('room-9')).toEqual({
      roomId: 'room-9',
      code: 'ABCDEFGH',
      seat: 'ann',
      seatToken: token,
    });
  });

  it('offers a full room to watch, and to ask the host for an AI seat', async () => {
    const full = {
      ...room,
      seats: room.seats.map((s) => (s.seat === 'ann' ? { ...s, taken: true, name: 'Alice' } : s)),
    };
    serve(refusal('SEAT_TAKEN'), full);
    render(<Join code="ABCDEFGH" />);
    const region = await screen.findByRole('region', { name: 'This room is full' });
    const watch = screen.getByRole('link', { name: 'Watch as a spectator' });
    expect(watch.getAttribute('href')).toBe('/room/room-9');
    expect(region.textContent).toContain('ask the host to give you one of the AI characters');
    expect(screen.getByRole('button', { name: 'Check for a free seat again' })).toBeTruthy();
    expect(screen.queryByLabelText('Your name')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Take this seat' })).toBeNull();
  });

  it('says a finished game has ended and offers its reveal and debrief instead of a seat', async () => {
    serve(refusal('GAME_OVER'), { ...room, status: 'finished' });
    render(<Join code="ABCDEFGH" />);
    await screen.findByRole('heading', { name: 'This game has ended' });
    expect(
      screen
        .getByRole('link', { name: 'Read how it ended: the reveal and the debrief' })
        .getAttribute('href'),
    ).toBe('/room/room-9');
    expect(screen.queryByRole('radio')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Take this seat' })).toBeNull();
  });

  it('shows a refusal in the UI language and stays on the page', async () => {
    serve(refusal('SEAT_TAKEN'));
    render(<Join code="ABCDEFGH" />);
    await userEvent.click(await screen.findByRole('radio', { name: /Ann/ }));
    await userEvent.type(screen.getByLabelText('Your name'), 'Alice');
    await userEvent.click(screen.getByRole('button', { name: 'Take this seat' }));
    expect((await screen.findByRole('alert')).textContent).toBe('That seat is already taken.');
    expect(window.location.pathname).toBe('/');
    expect(loadSession('room-9')).toBeNull();
  });

  it('says AI characters speak authored lines only when the server has no language model', async () => {
    serve(refusal('SEAT_TAKEN'), { ...room, aiVoices: 'authored-lines' });
    render(<Join code="ABCDEFGH" />);
    expect((await screen.findByRole('note')).textContent).toBe(
      'AI characters speak authored lines only (no language model configured).',
    );
  });
});
