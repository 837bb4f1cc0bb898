import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderAtTable } from '../test/render.js';
import { ANN_SCRIPT_1, seatView } from '../test/views.js';
import { Reading } from './reading.js';

describe('Reading', () => {
  it("shows the act's script in the room's language and sends FINISH_READING", async () => {
    const r = renderAtTable(<Reading view={seatView({ progress: { finishedReading: ['bo'] } })} />);
    expect(screen.getByRole('region', { name: 'Your script' }).textContent).toContain(ANN_SCRIPT_1);
    expect(screen.getByText(/1 of 3 finished reading: Bo/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'I have finished reading' }));
    expect(r.sent).toEqual([{ type: 'FINISH_READING' }]);
  });

  it('shows Chinese story text in a Chinese room, whatever the UI language', () => {
    renderAtTable(<Reading view={seatView()} />, { lang: 'zh' });
    expect(screen.getByRole('region', { name: 'Your script' }).textContent).toContain('你九点清点了收银台');
  });

  it('disables the button once this seat has finished', () => {
    renderAtTable(<Reading view={seatView({ me: { finishedReading: true } })} />);
    const button = screen.getByRole('button', {
      name: 'Waiting for the others to finish',
    }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
  });
});
