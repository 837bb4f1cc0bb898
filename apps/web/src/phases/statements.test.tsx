import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderAtTable } from '../test/render.js';
import { phaseIndex, seatView } from '../test/views.js';
import { Statements } from './statements.js';

const order = { statementOrder: ['bo', 'ann', 'cy'] };

describe('Statements', () => {
  it('shows the order, what was said, and no form while another seat speaks', () => {
    const view = seatView({
      phase: phaseIndex('statement'),
      progress: { ...order, speaker: 'cy' },
      table: {
        statements: [
          { seat: 'bo', text: 'I am innocent.', at: 1 },
          { seat: 'ann', text: null, at: 2 },
        ],
      },
    });
    renderAtTable(<Statements view={view} />);
    const list = screen.getByRole('list', { name: 'Order of speakers' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.getAttribute('aria-current')),
    ).toEqual([null, null, 'step']);
    const given = screen.getByRole('log', { name: 'Statements' });
    expect(given.textContent).toContain('I am innocent.');
    expect(given.textContent).toContain('(said nothing)');
    expect(screen.queryByLabelText('Your final statement')).toBeNull();
    expect(screen.getByText('Waiting for Cy to speak.')).toBeTruthy();
  });

  it('says so once everyone has spoken and the statements stay up before the vote', () => {
    const view = seatView({
      phase: phaseIndex('statement'),
      progress: { ...order, speaker: null },
      table: {
        statements: [
          { seat: 'bo', text: 'I am innocent.', at: 1 },
          { seat: 'ann', text: 'So am I.', at: 2 },
          { seat: 'cy', text: 'Bo lies.', at: 3 },
        ],
      },
    });
    renderAtTable(<Statements view={view} />);
    expect(screen.getByRole('status').textContent).toBe(
      'Everyone has spoken. Take the time to read the statements: the vote opens when the timer runs out.',
    );
    expect(screen.getByRole('log', { name: 'Statements' }).textContent).toContain('Bo lies.');
  });

  it('gives this seat the floor when it is the speaker', async () => {
    const view = seatView({ phase: phaseIndex('statement'), progress: { ...order, speaker: 'ann' } });
    const r = renderAtTable(<Statements view={view} />);
    await userEvent.type(screen.getByLabelText('Your final statement'), 'Bo lied about the kitchen.');
    await userEvent.click(screen.getByRole('button', { name: 'Give my statement' }));
    expect(r.sent).toEqual([{ type: 'STATEMENT', text: 'Bo lied about the kitchen.' }]);
  });
});
