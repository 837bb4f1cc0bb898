import type { HostMessage } from '@jubensha/protocol';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { initI18n } from '../i18n/index.js';
import { Discussion } from '../phases/discussion.js';
import { renderAtTable } from '../test/render.js';
import { phaseIndex, seatView } from '../test/views.js';
import { interleave } from './chat-log.js';

const chat = [
  { n: 1, seat: 'bo', text: 'I was in the kitchen all night.', at: 2_000 },
  { n: 2, seat: 'ann', text: 'Then who broke the cup?', at: 3_000 },
];
const host: HostMessage[] = [
  { n: 1, kind: 'narration', text: 'Public discussion begins.', at: 1_500, after: 0 },
  {
    n: 2,
    kind: 'hint',
    text: 'Hint: check everyone’s times against the published clues.',
    at: 2_500,
    after: 1,
  },
  { n: 3, kind: 'reminder', text: 'One minute left.', at: 9_000, after: 2 },
];

describe('the host in the public chat', () => {
  it('places each host line after the chat lines said before it', () => {
    const order = interleave(chat, host).map((e) => (e.host ? `host ${e.line.n}` : `seat ${e.line.n}`));
    expect(order).toEqual(['host 1', 'seat 1', 'host 2', 'seat 2', 'host 3']);
    expect(interleave([], host).map((e) => e.line.n)).toEqual([1, 2, 3]);
    expect(interleave(chat, []).every((e) => !e.host)).toBe(true);
  });

  it('shows the host’s lines inside the live log, labelled Host and set apart from the players’', () => {
    renderAtTable(
      <Discussion
        view={seatView({ phase: phaseIndex('discuss', 'public'), table: { chat }, hostMessages: host })}
        streams={[]}
      />,
    );
    const log = screen.getByRole('log', { name: 'Table chat' });
    const items = within(log).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'HostPublic discussion begins.',
      'BoI was in the kitchen all night.',
      'HostHint: check everyone’s times against the published clues.',
      'AnnThen who broke the cup?',
      'HostOne minute left.',
    ]);
    expect(items.map((li) => li.classList.contains('host-line'))).toEqual([true, false, true, false, true]);
    expect(items[2]?.classList.contains('host-hint')).toBe(true);
    expect(screen.queryByText('Nobody has spoken yet.')).toBeNull();
  });

  it('labels the host in the UI language', async () => {
    await initI18n('zh-CN').changeLanguage('zh-CN');
    try {
      renderAtTable(
        <Discussion
          view={seatView({ phase: phaseIndex('discuss', 'public'), hostMessages: host.slice(0, 1) })}
          streams={[]}
        />,
      );
      const log = screen.getByRole('log', { name: '公聊' });
      expect(within(log).getByRole('listitem').textContent).toBe('主持人Public discussion begins.');
    } finally {
      await initI18n('en').changeLanguage('en');
    }
  });
});
