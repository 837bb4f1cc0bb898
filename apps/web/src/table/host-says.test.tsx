import type { HostMessage } from '@jubensha/protocol';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderAtTable } from '../test/render.js';
import { phaseIndex, seatView } from '../test/views.js';
import { Table } from './table.js';

const said: HostMessage[] = [
  { n: 1, kind: 'narration', text: 'Act 1: read your script, then mark it finished.', at: 1_000, after: 0 },
  { n: 2, kind: 'narration', text: 'Search round 1 begins: 2 action points each.', at: 9_000, after: 0 },
];

describe('HostSays', () => {
  it('shows the host’s latest line as a status on screens without the public chat', () => {
    renderAtTable(
      <Table
        view={seatView({ phase: phaseIndex('search'), hostMessages: said })}
        presence={null}
        streams={[]}
      />,
    );
    const status = screen.getByRole('status', { name: 'The host says' });
    expect(status.textContent).toBe('HostSearch round 1 begins: 2 action points each.');
  });

  it('leaves it to the chat log where the public chat is on screen, and shows nothing before the host spoke', () => {
    const r = renderAtTable(
      <Table
        view={seatView({ phase: phaseIndex('discuss', 'public'), hostMessages: said })}
        presence={null}
        streams={[]}
      />,
    );
    expect(screen.queryByRole('status', { name: 'The host says' })).toBeNull();
    expect(screen.getByRole('log').textContent).toContain('Search round 1 begins');
    r.unmount();
    renderAtTable(<Table view={seatView({ phase: phaseIndex('search') })} presence={null} streams={[]} />);
    expect(screen.queryByRole('status', { name: 'The host says' })).toBeNull();
  });
});
