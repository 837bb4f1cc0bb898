import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderAtTable } from '../test/render.js';
import { phaseIndex, reveal, seatView } from '../test/views.js';
import { Debrief, Reveal } from './reveal.js';

describe('Reveal and debrief', () => {
  it('shows the culprit, the ending, the truth, every vote and each goal with its score', () => {
    renderAtTable(<Reveal view={seatView({ phase: phaseIndex('reveal'), reveal: reveal() })} streams={[]} />);
    expect(screen.getByRole('heading', { name: 'Ending: Caught' })).toBeTruthy();
    expect(screen.getByText('cleaver').tagName).toBe('STRONG');
    const rows = within(screen.getByRole('table'))
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(rows).toEqual(['VoterVoted for', 'AnnBo', 'BoCy', 'CyBo']);
    expect(screen.getByLabelText('achieved')).toBeTruthy();
  });

  it("shows the debrief and timeline in the room's language", () => {
    renderAtTable(
      <Debrief view={seatView({ phase: phaseIndex('debrief'), reveal: reveal() })} streams={[]} />,
      {
        lang: 'zh',
      },
    );
    expect(screen.getByText('感谢游玩。菜刀是关键。')).toBeTruthy();
    expect(screen.getByText(/波磨菜刀/)).toBeTruthy();
  });
});
