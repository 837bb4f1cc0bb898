import { CreateRoomResponseSchema, ListStoriesResponseSchema, gameError } from '@jubensha/protocol';
import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadSession } from '../session.js';
import { serveRest, type RestAnswer } from '../test/fake-rest.js';
import { STORY } from '../test/views.js';
import { Home } from './home.js';

const stories = ListStoriesResponseSchema.parse({
  stories: [
    {
      id: STORY.id,
      title: STORY.title,
      blurb: STORY.blurb,
      languages: ['zh', 'en'],
      genre: 'honkaku',
      durationMinutes: 90,
      contentWarnings: [{ en: 'Death', zh: '死亡' }],
      seats: STORY.characters.map((c) => ({ seat: c.id, name: c.name, profile: c.profile })),
    },
  ],
});

function serve(create: RestAnswer) {
  return serveRest({ '/api/stories': { status: 200, body: stories }, '/api/rooms': create });
}

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.pushState(null, '', '/');
});

describe('Home', () => {
  it('shows each story’s box text and opens a room with the chosen language and seats', async () => {
    const hostToken = 'h'.repeat(43);
    const calls = serve({
      status: 201,
      body: CreateRoomResponseSchema.parse({
        roomId: 'room-1',
        code: 'ABCDEFGH',
        hostToken,
        invitePath: '/join/ABCDEFGH',
      }),
    });
    render(<Home />);
    const card = (await screen.findByRole('heading', { name: 'The Tea House' })).closest('article');
    if (!card) throw new Error('no story card');
    expect(within(card).getByText(/3 players · about 90 minutes · Genre: classic deduction/)).toBeTruthy();
    expect(within(card).getByText('Content warnings: Death')).toBeTruthy();
    await userEvent.click(within(card).getByRole('button', { name: 'Host The Tea House' }));
    await userEvent.click(screen.getByRole('radio', { name: 'Chinese' }));
    // Character names follow the chosen story language.
    await userEvent.selectOptions(screen.getByLabelText('茜'), 'ai');
    // The AI host's hints: nudges by default; this host wants a place named too.
    const hints = screen.getByRole('group', { name: 'Hints from the AI host when the table is stuck' });
    expect(
      (within(hints).getByRole('radio', { name: 'Nudges: compare times with the clues' }) as HTMLInputElement)
        .checked,
    ).toBe(true);
    await userEvent.click(
      within(hints).getByRole('radio', { name: 'Nudges, then name a place still worth searching' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Open the room' }));
    await vi.waitFor(() => expect(window.location.pathname).toBe('/room/room-1'));
    expect(calls.at(-1)).toEqual({
      url: '/api/rooms',
      body: {
        storyId: 'tea-house',
        language: 'zh',
        seats: [
          { seat: 'ann', controller: 'human' },
          { seat: 'bo', controller: 'human' },
          { seat: 'cy', controller: 'ai' },
        ],
        hintLevel: 2,
      },
    });
    expect(loadSession('room-1')).toEqual({ roomId: 'room-1', code: 'ABCDEFGH', hostToken });
  });

  it('brings the setup form into view, and sets every seat at once (each still switchable)', async () => {
    const calls = serve({
      status: 201,
      body: CreateRoomResponseSchema.parse({
        roomId: 'room-2',
        code: 'ABCDEFGH',
        hostToken: 'h'.repeat(43),
        invitePath: '/join/ABCDEFGH',
      }),
    });
    render(<Home />);
    await userEvent.click(await screen.findByRole('button', { name: 'Host The Tea House' }));
    const heading = screen.getByRole('heading', { name: 'Open a room for The Tea House' });
    expect(document.activeElement).toBe(heading);
    const quick = screen.getByRole('group', { name: 'Set every seat at once' });
    await userEvent.click(within(quick).getByRole('button', { name: 'Fill every seat with AI' }));
    expect(screen.getByText(/0 for people, 3 AI characters/)).toBeTruthy();
    await userEvent.click(within(quick).getByRole('button', { name: 'Me + AI for the rest' }));
    expect(screen.getByText(/1 for people, 2 AI characters/)).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText('Bo'), 'human');
    await userEvent.click(screen.getByRole('button', { name: 'Open the room' }));
    await vi.waitFor(() => expect(window.location.pathname).toBe('/room/room-2'));
    expect((calls.at(-1)?.body as { seats: unknown }).seats).toEqual([
      { seat: 'ann', controller: 'human' },
      { seat: 'bo', controller: 'human' },
      { seat: 'cy', controller: 'ai' },
    ]);
  });

  it('joins by a code only when it is a valid room code', async () => {
    serve({ status: 503, body: { error: gameError('UNAVAILABLE') } });
    render(<Home />);
    const join = screen.getByRole('button', { name: 'Join' }) as HTMLButtonElement;
    await userEvent.type(screen.getByLabelText('Have an invitation code?'), 'abc0');
    expect(join.disabled).toBe(true);
    await userEvent.clear(screen.getByLabelText('Have an invitation code?'));
    await userEvent.type(screen.getByLabelText('Have an invitation code?'), 'abcdefgh{Enter}');
    expect(window.location.pathname).toBe('/join/ABCDEFGH');
  });
});
