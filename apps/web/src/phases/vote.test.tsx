import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderAtTable } from '../test/render.js';
import { phaseIndex, seatView } from '../test/views.js';
import { Vote } from './vote.js';

describe('Vote', () => {
  it('votes by keyboard alone: arrows choose, Tab reaches the button, Enter casts', async () => {
    const r = renderAtTable(
      <Vote view={seatView({ phase: phaseIndex('vote'), progress: { voted: ['bo'] } })} />,
    );
    expect(screen.getByText('1 of 3 have voted')).toBeTruthy();
    const submit = screen.getByRole('button', { name: 'Cast my sealed vote' }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'Ann' }));
    await userEvent.keyboard(' ');
    await userEvent.keyboard('{ArrowDown}');
    expect((screen.getByRole('radio', { name: 'Bo' }) as HTMLInputElement).checked).toBe(true);
    await userEvent.tab();
    expect(document.activeElement).toBe(submit);
    await userEvent.keyboard('{Enter}');
    expect(r.sent).toEqual([{ type: 'VOTE', character: 'bo' }]);
  });

  it('shows the sealed vote and no ballot once cast', () => {
    renderAtTable(<Vote view={seatView({ phase: phaseIndex('vote'), me: { vote: 'cy' } })} />);
    expect(screen.getByText('You voted for Cy. Votes cannot be changed.')).toBeTruthy();
    expect(screen.queryByRole('radio')).toBeNull();
  });

  it('keeps the final statements readable through the vote', () => {
    const view = seatView({
      phase: phaseIndex('vote'),
      table: {
        statements: [
          { seat: 'bo', text: 'I never left the kitchen.', at: 1 },
          { seat: 'cy', text: null, at: 2 },
        ],
      },
    });
    renderAtTable(<Vote view={view} />);
    const panel = screen.getByRole('region', { name: 'Statements' });
    expect(panel.textContent).toContain('Bo');
    expect(panel.textContent).toContain('I never left the kitchen.');
    expect(panel.textContent).toContain('(said nothing)');
    expect(
      screen.getByRole('heading', { name: 'The final statements, to read again before you vote' }),
    ).toBeTruthy();
  });
});
