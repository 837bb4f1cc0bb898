import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Stream } from '../game/game-state.js';
import { renderAtTable } from '../test/render.js';
import { phaseIndex, seatView } from '../test/views.js';
import { Discussion } from './discussion.js';

const chat = [
  { n: 1, seat: 'bo', text: 'I was in the kitchen all night.', at: 2_000 },
  { n: 2, seat: 'ann', text: 'Then who broke the cup?', at: 3_000 },
];

describe('Discussion', () => {
  it('keeps accepted lines in a live log and a line being generated outside it', () => {
    const streams: Stream[] = [
      {
        id: 's1',
        seat: 'cy',
        channel: { kind: 'public' },
        parts: ['I saw ', 'someone'],
        done: false,
        since: 0,
      },
      { id: 's2', seat: 'cy', channel: { kind: 'talk', talk: 't1' }, parts: ['psst'], done: false, since: 0 },
    ];
    renderAtTable(
      <Discussion
        view={seatView({ phase: phaseIndex('discuss', 'public'), table: { chat } })}
        streams={streams}
      />,
    );
    const log = screen.getByRole('log', { name: 'Table chat' });
    expect(log.getAttribute('aria-live')).toBe('polite');
    expect(
      within(log)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['BoI was in the kitchen all night.', 'AnnThen who broke the cup?']);
    // Announced once, when the line is accepted: the chunks never enter the live region.
    expect(log.textContent).not.toContain('I saw');
    expect(screen.getByText(/I saw someone/)).toBeTruthy();
    expect(screen.queryByText(/psst/)).toBeNull();
  });

  it('sends a public message and clears the box once accepted', async () => {
    const r = renderAtTable(
      <Discussion view={seatView({ phase: phaseIndex('discuss', 'public') })} streams={[]} />,
    );
    const box = screen.getByLabelText('Say something to the table');
    await userEvent.type(box, '  Where were you?  {Enter}');
    expect(r.sent).toEqual([{ type: 'PUBLIC_MESSAGE', text: 'Where were you?' }]);
    expect((box as HTMLInputElement).value).toBe('');
    expect(screen.queryByRole('heading', { name: 'Private talks' })).toBeNull();
  });

  it('in a private round: asks for a talk, answers an invitation, writes in an open talk', async () => {
    const talks = [
      { id: 't1', from: 'bo', to: 'ann', status: 'requested' as const, messages: [] },
      {
        id: 't2',
        from: 'ann',
        to: 'cy',
        status: 'open' as const,
        messages: [{ n: 1, seat: 'cy', text: 'Keep your voice down.', at: 4_000 }],
      },
    ];
    const view = seatView({ phase: phaseIndex('discuss', 'private'), me: { talks } });
    const r = renderAtTable(<Discussion view={view} streams={[]} />);
    // Bo and Cy both have a talk going with Ann: no second request to either.
    expect((screen.getByRole('button', { name: 'Ask Bo for a word' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    const invitation = screen.getByRole('article', { name: 'Private talk with Bo' });
    await userEvent.click(within(invitation).getByRole('button', { name: 'Accept' }));
    await userEvent.click(within(invitation).getByRole('button', { name: 'Decline' }));
    const open = screen.getByRole('article', { name: 'Private talk with Cy' });
    expect(within(open).getByRole('log').textContent).toContain('Keep your voice down.');
    await userEvent.type(within(open).getByLabelText('Say something to Cy'), 'Fine.{Enter}');
    await userEvent.click(within(open).getByRole('button', { name: 'End the talk' }));
    expect(r.sent).toEqual([
      { type: 'ACCEPT_TALK', talk: 't1' },
      { type: 'DECLINE_TALK', talk: 't1' },
      { type: 'PRIVATE_MESSAGE', talk: 't2', text: 'Fine.' },
      { type: 'END_TALK', talk: 't2' },
    ]);
  });

  it('lets the requester withdraw and ask again once a talk is over', async () => {
    const talks = [
      { id: 't1', from: 'ann', to: 'bo', status: 'requested' as const, messages: [] },
      { id: 't2', from: 'ann', to: 'cy', status: 'declined' as const, messages: [] },
    ];
    const r = renderAtTable(
      <Discussion view={seatView({ phase: phaseIndex('discuss', 'private'), me: { talks } })} streams={[]} />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Withdraw the request' }));
    await userEvent.click(screen.getByRole('button', { name: 'Ask Cy for a word' }));
    expect(r.sent).toEqual([
      { type: 'END_TALK', talk: 't1' },
      { type: 'REQUEST_TALK', with: 'cy' },
    ]);
  });

  it('explains the AI seats’ silence at the introductions while a person has not spoken yet', () => {
    const phase = phaseIndex('intro');
    const wait = 'The AI characters let the people at the table go first';
    const r = renderAtTable(<Discussion view={seatView({ phase })} streams={[]} intro />);
    expect(screen.getByRole('note').textContent).toContain(wait);
    r.unmount();
    // Every person has introduced themselves: no more waiting to explain.
    const spoken = [
      { n: 1, seat: 'ann', text: 'I keep the till.', at: 2_000 },
      { n: 2, seat: 'bo', text: 'I cook.', at: 3_000 },
    ];
    renderAtTable(<Discussion view={seatView({ phase, table: { chat: spoken } })} streams={[]} intro />);
    expect(screen.queryByText(wait, { exact: false })).toBeNull();
  });
});
