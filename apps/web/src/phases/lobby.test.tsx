import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderAtTable } from '../test/render.js';
import { seatView } from '../test/views.js';
import { Lobby } from './lobby.js';

describe('Lobby', () => {
  it('shows the premise and seats, and toggles ready from what the view says', async () => {
    const view = seatView({ phase: null });
    const r = renderAtTable(<Lobby view={view} presence={{ host: true, seats: ['bo'] }} />);
    expect(screen.getByText('closing time').tagName).toBe('STRONG');
    expect(screen.getByText(/Waiting for 1 player/)).toBeTruthy();
    expect(screen.getByText('Bob', { exact: false }).textContent).toContain('online');
    await userEvent.click(screen.getByRole('button', { name: "I'm ready" }));
    expect(r.sent).toEqual([{ type: 'READY', ready: true }]);
  });

  it('offers to undo ready once ready', async () => {
    const view = seatView({ phase: null });
    const ready = {
      ...view,
      progress: { ...view.progress, seats: view.progress.seats.map((s) => ({ ...s, ready: true })) },
    };
    const r = renderAtTable(<Lobby view={ready} presence={null} />);
    expect(screen.getByText('Everyone is ready; the host can start.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Not ready yet' }));
    expect(r.sent).toEqual([{ type: 'READY', ready: false }]);
  });
});
