import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ActionErrors } from '../table/error-banner.js';
import { renderAtTable } from '../test/render.js';
import { phaseIndex, seatView } from '../test/views.js';
import { Search } from './search.js';

const clue = {
  id: 'knife',
  location: 'kitchen',
  title: { en: 'A wet knife', zh: '湿的刀' },
  text: { en: 'Someone washed it in a hurry.', zh: '有人匆忙洗过它。' },
  foundBy: 'ann',
  foundAt: 5_000,
  published: false,
  kept: false,
};

describe('Search', () => {
  it('enables only the places this seat can afford, and searches by keyboard', async () => {
    const r = renderAtTable(
      <Search view={seatView({ phase: phaseIndex('search'), me: { actionPoints: 1 } })} />,
    );
    expect(screen.getByText('Action points left: 1')).toBeTruthy();
    const kitchen = screen.getByRole('button', { name: /Search Kitchen/ }) as HTMLButtonElement;
    const office = screen.getByRole('button', { name: /Search Office/ }) as HTMLButtonElement;
    expect(kitchen.disabled).toBe(false);
    expect(office.disabled).toBe(true);
    await userEvent.tab();
    expect(document.activeElement).toBe(kitchen);
    await userEvent.keyboard('{Enter}');
    expect(r.sent).toEqual([{ type: 'SEARCH', location: 'kitchen' }]);
  });

  it('marks a searched-out place and does not offer it', () => {
    renderAtTable(
      <Search
        view={seatView({ phase: phaseIndex('search'), me: { actionPoints: 2, searchedOut: ['kitchen'] } })}
      />,
    );
    const kitchen = screen.getByRole('button', { name: /Search Kitchen/ }) as HTMLButtonElement;
    expect(kitchen.disabled).toBe(true);
    expect(kitchen.textContent).toContain('searched out: nothing more for you here');
    expect((screen.getByRole('button', { name: /Search Office/ }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('numbers the searches of the evening, though the story restarts its rounds in each act', () => {
    const view = seatView({ phase: phaseIndex('search') });
    const plan = [...view.story.plan];
    plan.splice(
      phaseIndex('search') + 1,
      0,
      { kind: 'read', act: 2 },
      { kind: 'search', round: 1, actionPoints: 2 },
    );
    const second = {
      ...view,
      story: { ...view.story, plan },
      progress: { ...view.progress, phase: phaseIndex('search') + 2, act: 2, round: 1 },
    };
    renderAtTable(<Search view={second} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Search, round 2');
  });

  it('lets the finder publish or keep a found clue', async () => {
    const view = seatView({ phase: phaseIndex('search'), me: { actionPoints: 0, clues: [clue] } });
    const r = renderAtTable(<Search view={view} />);
    const card = screen.getByRole('article', { name: 'A wet knife' });
    expect(within(card).getByText('Someone washed it in a hurry.')).toBeTruthy();
    await userEvent.click(within(card).getByRole('button', { name: 'Keep it' }));
    await userEvent.click(within(card).getByRole('button', { name: 'Show the table' }));
    expect(r.sent).toEqual([
      { type: 'KEEP_CLUE', clue: 'knife' },
      { type: 'PUBLISH_CLUE', clue: 'knife' },
    ]);
  });

  it('offers nothing to do with a clue already public', () => {
    const view = seatView({ phase: phaseIndex('search'), me: { clues: [{ ...clue, published: true }] } });
    renderAtTable(<Search view={view} />);
    const card = screen.getByRole('article', { name: 'A wet knife' });
    expect(within(card).queryByRole('button')).toBeNull();
  });

  it('shows a refusal with the protocol message in the UI language', async () => {
    renderAtTable(
      <>
        <ActionErrors />
        <Search view={seatView({ phase: phaseIndex('search'), me: { actionPoints: 2 } })} />
      </>,
      { refuse: { code: 'LOCATION_EXHAUSTED', message: { zh: '这里搜不到了。', en: 'Nothing more here.' } } },
    );
    await userEvent.click(screen.getByRole('button', { name: /Search Kitchen/ }));
    expect((await screen.findByRole('alert')).textContent).toContain('Nothing more here.');
  });
});

describe('Search for the host', () => {
  it('shows the table’s progress and no search buttons', () => {
    const view = seatView({
      phase: phaseIndex('search'),
      progress: { counts: { cluesFound: 4, cluesPublished: 1, publicMessages: 0, statements: 0, votes: 0 } },
    });
    renderAtTable(<Search view={{ ...view, viewer: { kind: 'host' }, me: null, table: null }} />);
    expect(screen.getByText('Clues found so far: 4; shown to the table: 1')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByText('Kitchen')).toBeTruthy();
  });
});
