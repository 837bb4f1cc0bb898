import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { initI18n } from '../i18n/index.js';
import { renderAtTable } from '../test/render.js';
import { phaseIndex, seatView } from '../test/views.js';
import { Table } from './table.js';
import { RoomContext } from './room-context.js';
import { ActionsProvider } from '../game/act.js';
import type { View } from '@jubensha/protocol';

const l = (en: string, zh: string) => ({ en, zh });
const clue = {
  id: 'cup',
  location: 'kitchen',
  title: l('A broken cup', '碎杯子'),
  text: l('Still wet.', '还是湿的。'),
  foundBy: 'bo',
  foundAt: 5_000,
  published: true,
  kept: false,
};
const talk = (
  status: 'requested' | 'open',
  messages: { n: number; seat: string; text: string; at: number }[],
) => ({
  id: 't1',
  from: 'bo',
  to: 'ann',
  status,
  messages,
});

const header = () => screen.getByRole('banner');

function rerenderable(first: View) {
  const r = renderAtTable(<Table view={first} presence={null} streams={[]} />);
  const send = () => Promise.resolve({ ok: true as const, version: 1 });
  return (next: View) =>
    r.rerender(
      <RoomContext.Provider value={{ roomId: 'room-1', code: 'ABCDEFGH', lang: 'en' }}>
        <ActionsProvider send={send}>
          <Table view={next} presence={null} streams={[]} />
        </ActionsProvider>
      </RoomContext.Provider>,
    );
}

describe('News at the top of the table', () => {
  it('tells the seat at the top of the screen that it is invited to a private talk, until answered', () => {
    const phase = phaseIndex('discuss', 'private');
    const update = rerenderable(seatView({ phase }));
    expect(within(header()).queryByRole('region', { name: 'New for you' })).toBeNull();
    update(seatView({ phase, me: { talks: [talk('requested', [])] } }));
    const news = within(header()).getByRole('region', { name: 'New for you' });
    expect(news.textContent).toContain('Bo asks you for a private talk.');
    expect(within(news).getByRole('button', { name: 'Answer' })).toBeTruthy();
    update(seatView({ phase, me: { talks: [talk('open', [])] } }));
    expect(within(header()).queryByText('Bo asks you for a private talk.')).toBeNull();
  });

  it('announces a whisper, then a clue another seat showed (the latest), and forgets one once looked at', async () => {
    const phase = phaseIndex('discuss', 'private');
    const whispered = { talks: [talk('open', [{ n: 1, seat: 'bo', text: 'Psst.', at: 6_000 }])] };
    const update = rerenderable(seatView({ phase, me: { talks: [talk('open', [])] } }));
    update(seatView({ phase, me: whispered }));
    const news = within(header()).getByRole('region', { name: 'New for you' });
    expect(news.textContent).toContain('Bo said something to you in your private talk.');
    await userEvent.click(within(news).getByRole('button', { name: 'Show' }));
    expect(document.activeElement?.id).toBe('talk-t1');
    expect(within(header()).queryByRole('region', { name: 'New for you' })).toBeNull();
    update(seatView({ phase, me: whispered, table: { publishedClues: [clue] } }));
    const again = within(header()).getByRole('region', { name: 'New for you' });
    expect(again.textContent).toContain('Bo showed the table a clue: A broken cup.');
    await userEvent.click(within(again).getByRole('button', { name: 'Dismiss' }));
    expect(within(header()).queryByRole('region', { name: 'New for you' })).toBeNull();
  });

  it('gathers several invitations on one line', () => {
    const phase = phaseIndex('discuss', 'private');
    const two = [talk('requested', []), { ...talk('requested', []), id: 't2', from: 'cy' }];
    renderAtTable(<Table view={seatView({ phase, me: { talks: two } })} presence={null} streams={[]} />);
    const news = within(header()).getByRole('region', { name: 'New for you' });
    expect(within(news).getAllByRole('listitem')).toHaveLength(1);
    expect(news.textContent).toContain('2 invitations to a private talk: Bo, Cy.');
  });

  it('starts each phase with a clean strip', () => {
    const phase = phaseIndex('discuss', 'public');
    const update = rerenderable(seatView({ phase }));
    update(seatView({ phase, table: { publishedClues: [clue] } }));
    expect(within(header()).getByRole('region', { name: 'New for you' })).toBeTruthy();
    update(seatView({ phase: phase + 1, table: { publishedClues: [clue] } }));
    expect(within(header()).queryByRole('region', { name: 'New for you' })).toBeNull();
  });

  it('says it in Chinese too', async () => {
    await initI18n('zh-CN').changeLanguage('zh-CN');
    try {
      const phase = phaseIndex('discuss', 'private');
      renderAtTable(
        <Table
          view={seatView({ phase, me: { talks: [talk('requested', [])] } })}
          presence={null}
          streams={[]}
        />,
        { lang: 'zh' },
      );
      expect(within(header()).getByText('波邀请你私聊。')).toBeTruthy();
    } finally {
      await initI18n('en').changeLanguage('en');
    }
  });
});

describe('A private talk that ends while the player types', () => {
  it('keeps the unsent text on screen and says the talk ended', async () => {
    const phase = phaseIndex('discuss', 'private');
    const open = talk('open', []);
    const update = rerenderable(seatView({ phase, me: { talks: [open] } }));
    await userEvent.type(screen.getByLabelText('Say something to Bo'), 'I saw you near the');
    update(seatView({ phase, me: { talks: [{ ...open, status: 'ended' as never }] } }));
    const box = screen.getByLabelText('Say something to Bo') as HTMLInputElement;
    expect(box.value).toBe('I saw you near the');
    expect(box.disabled).toBe(true);
    expect(
      screen.getByText('The talk with Bo has ended. What you had not sent stays here to copy.'),
    ).toBeTruthy();
  });
});
