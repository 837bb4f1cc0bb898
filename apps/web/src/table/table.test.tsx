import { cleanup, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { initI18n } from '../i18n/index.js';
import { renderAtTable } from '../test/render.js';
import { ANN_SCRIPT_1, PLAN, phaseIndex, reveal, seatView } from '../test/views.js';
import { HostControls } from './host-controls.js';
import { Table } from './table.js';
import { Timer } from './timer.js';

const headings = () => screen.getByRole('main').querySelector('h2')?.textContent;

describe('Table', () => {
  it('shows the screen of the phase the view is in, with the seat’s card, goals, script and notebook', () => {
    const expected = [
      'Reading: act 1',
      'Introductions',
      'Search, round 1',
      'Discussion',
      'Discussion and private talks',
      'Final statements',
      'The vote',
      'The reveal',
      'Debrief',
    ];
    PLAN.forEach((_, phase) => {
      const r = renderAtTable(
        <Table
          view={seatView({ phase, reveal: phase >= phaseIndex('reveal') ? reveal() : null })}
          presence={null}
          streams={[]}
        />,
      );
      expect(headings()).toBe(expected[phase]);
      expect(screen.getByText(`step ${phase + 1} of ${PLAN.length}`, { exact: false })).toBeTruthy();
      r.unmount();
    });
    renderAtTable(<Table view={seatView({ phase: null })} presence={null} streams={[]} />);
    expect(headings()).toBe('Waiting room');
    const sidebar = screen.getByRole('complementary', { name: 'Your character and notebook' });
    expect(within(sidebar).getByRole('heading', { name: 'You are Ann' })).toBeTruthy();
    expect(within(sidebar).getByText('You borrowed from the till.')).toBeTruthy();
    expect(within(sidebar).getByText('Find the killer.')).toBeTruthy();
    expect(within(sidebar).getByText(ANN_SCRIPT_1)).toBeTruthy();
  });

  it('keeps the player’s notes in this browser', async () => {
    const r = renderAtTable(<Table view={seatView()} presence={null} streams={[]} />);
    await userEvent.type(screen.getByLabelText('Your notes (kept in this browser)'), 'Bo hid a key');
    r.unmount();
    renderAtTable(<Table view={seatView()} presence={null} streams={[]} />);
    expect((screen.getByLabelText('Your notes (kept in this browser)') as HTMLTextAreaElement).value).toBe(
      'Bo hid a key',
    );
  });

  it('says so when the host paused the game, in the UI language', async () => {
    await initI18n('zh-CN').changeLanguage('zh-CN');
    try {
      renderAtTable(
        <Table view={seatView({ progress: { pausedAt: 301_000 } })} presence={null} streams={[]} />,
      );
      expect(screen.getByRole('status').textContent).toBe('主持人暂停了游戏。');
      expect(screen.getByRole('timer').textContent).toBe('已暂停（剩 5:00）');
    } finally {
      await initI18n('en').changeLanguage('en');
    }
  });
});

describe('Timer', () => {
  it('counts down to the deadline and shows no timer when there is none', () => {
    const view = seatView();
    const r = renderAtTable(<Timer progress={view.progress} now={541_000} />);
    expect(screen.getByRole('timer').textContent).toBe('1:00');
    r.unmount();
    renderAtTable(<Timer progress={{ ...view.progress, deadline: null }} now={541_000} />);
    expect(screen.getByText('no time limit')).toBeTruthy();
  });
});

describe('HostControls', () => {
  it('offers start in the lobby and hands seats to the AI or back', async () => {
    const view = seatView({ phase: null });
    const r = renderAtTable(<HostControls view={view} presence={{ host: true, seats: ['ann'] }} />);
    expect(screen.getByText('ABCDEFGH')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Next phase' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Start the game' }));
    await userEvent.click(screen.getByRole('button', { name: 'Hand Bo to the AI' }));
    await userEvent.click(screen.getByRole('button', { name: 'Give Cy back to a person' }));
    expect(r.sent).toEqual([
      { type: 'START' },
      { type: 'HAND_TO_AI', seat: 'bo' },
      { type: 'TAKE_BACK', seat: 'cy' },
    ]);
  });

  it('advances, pauses, extends while running and resumes when paused', async () => {
    const running = seatView({ phase: phaseIndex('search') });
    const r = renderAtTable(<HostControls view={running} presence={null} />);
    expect(screen.queryByRole('button', { name: 'Start the game' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Resume' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Next phase' }));
    await userEvent.click(screen.getByRole('button', { name: 'Pause' }));
    await userEvent.click(screen.getByRole('button', { name: '+5 minutes' }));
    r.unmount();
    const paused = seatView({ phase: phaseIndex('search'), progress: { pausedAt: 5_000 } });
    const r2 = renderAtTable(<HostControls view={paused} presence={null} />);
    expect(screen.queryByRole('button', { name: 'Pause' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Resume' }));
    expect([...r.sent, ...r2.sent]).toEqual([
      { type: 'ADVANCE' },
      { type: 'PAUSE' },
      { type: 'EXTEND', minutes: 5 },
      { type: 'RESUME' },
    ]);
  });

  it('ends the game in the last phase, after a confirmation, and shows no pause, invite or hand-over', async () => {
    const r = renderAtTable(
      <HostControls view={seatView({ phase: PLAN.length - 1, reveal: reveal() })} presence={null} />,
      { refuse: { code: 'GAME_OVER', message: { zh: '游戏已经结束。', en: 'The game is over.' } } },
    );
    expect(screen.queryByRole('button', { name: 'Next phase' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Pause' })).toBeNull();
    expect(screen.queryByRole('button', { name: /to the AI/ })).toBeNull();
    expect(screen.queryByText('ABCDEFGH')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'End the game' }));
    expect(r.sent).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Yes, end the game' }));
    // The server answers ending the game with GAME_OVER: that is no refusal to show.
    expect(r.sent).toEqual([{ type: 'ADVANCE' }]);
  });

  it('says the game has ended to the host and every seat, with nothing left to send', () => {
    const view = seatView({ phase: PLAN.length - 1, reveal: reveal() });
    renderAtTable(<HostControls view={view} presence={null} />, { finished: true });
    expect(screen.getByText('The game has ended.')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
    cleanup();
    renderAtTable(<Table view={view} presence={null} streams={[]} />, { finished: true });
    expect(screen.getByRole('status').textContent).toContain('The host has ended the game');
    expect(screen.getByText('Thanks for playing. The cleaver was the key.')).toBeTruthy();
    expect(screen.queryByLabelText('Say something to the table')).toBeNull();
  });
});

describe('one of each per screen', () => {
  it('shows the script once on the reading screen and the seats once beside the host’s panel', () => {
    const r = renderAtTable(
      <Table view={seatView({ phase: phaseIndex('read') })} presence={null} streams={[]} />,
    );
    expect(screen.getAllByText(ANN_SCRIPT_1)).toHaveLength(1);
    r.unmount();
    const lobby = seatView({ phase: null });
    renderAtTable(
      <Table
        view={lobby}
        presence={null}
        streams={[]}
        host={<HostControls view={lobby} presence={null} />}
      />,
    );
    expect(screen.getAllByText('Bob', { exact: false })).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Hand Bo to the AI' })).toBeTruthy();
  });
});

describe('a seat handed to the AI', () => {
  it('tells its player', () => {
    const view = seatView({ phase: phaseIndex('discuss', 'public') });
    const handed = {
      ...view,
      progress: {
        ...view.progress,
        seats: view.progress.seats.map((x) => (x.seat === 'ann' ? { ...x, controller: 'ai' as const } : x)),
      },
    };
    renderAtTable(<Table view={handed} presence={null} streams={[]} />);
    expect(screen.getByRole('status').textContent).toContain('handed your character to the AI');
  });
});

describe('after the reveal', () => {
  it('keeps found clues in the notebook without publish or keep, and the table can still talk', async () => {
    const clue = {
      id: 'knife',
      location: 'kitchen',
      title: { en: 'A wet knife', zh: '湿的刀' },
      text: { en: 'Washed in a hurry.', zh: '匆忙洗过。' },
      foundBy: 'ann',
      foundAt: 5_000,
      published: false,
      kept: true,
    };
    const view = seatView({ phase: phaseIndex('debrief'), reveal: reveal(), me: { clues: [clue] } });
    const r = renderAtTable(<Table view={view} presence={null} streams={[]} />);
    const card = screen.getByRole('article', { name: 'A wet knife' });
    expect(within(card).queryByRole('button')).toBeNull();
    await userEvent.type(screen.getByLabelText('Say something to the table'), 'Well played!{Enter}');
    expect(r.sent).toEqual([{ type: 'PUBLIC_MESSAGE', text: 'Well played!' }]);
  });
});
