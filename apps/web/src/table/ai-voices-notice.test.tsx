import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { initI18n } from '../i18n/index.js';
import { renderAtTable } from '../test/render.js';
import { seatView } from '../test/views.js';
import { Table } from './table.js';

const EN = 'AI characters speak authored lines only (no language model configured).';

describe('the no-model banner', () => {
  it('tells the lobby and the table that AI characters speak authored lines only, when no model is configured', () => {
    const r = renderAtTable(<Table view={seatView({ phase: null })} presence={null} streams={[]} />, {
      aiVoices: 'authored-lines',
    });
    expect(screen.getByRole('note').textContent).toBe(EN);
    r.unmount();
    renderAtTable(<Table view={seatView({ phase: 2 })} presence={null} streams={[]} />, {
      aiVoices: 'authored-lines',
    });
    expect(screen.getByRole('note').textContent).toBe(EN);
  });

  it('says nothing with a model, before the server said, or when no AI plays', () => {
    const humansOnly = seatView({
      progress: {
        seats: [
          { seat: 'ann', name: 'Alice', controller: 'human', ready: true },
          { seat: 'bo', name: 'Bob', controller: 'human', ready: true },
          { seat: 'cy', name: 'Cy', controller: 'human', ready: true },
        ],
      },
    });
    for (const [view, aiVoices] of [
      [seatView(), 'model'],
      [seatView(), undefined],
      [humansOnly, 'authored-lines'],
    ] as const) {
      const r = renderAtTable(
        <Table view={view} presence={null} streams={[]} />,
        aiVoices ? { aiVoices } : {},
      );
      expect(screen.queryByRole('note')).toBeNull();
      r.unmount();
    }
  });

  it('is in Chinese for a Chinese UI', async () => {
    await initI18n('zh-CN').changeLanguage('zh-CN');
    try {
      renderAtTable(<Table view={seatView()} presence={null} streams={[]} />, { aiVoices: 'authored-lines' });
      expect(screen.getByRole('note').textContent).toBe('AI 角色只会说作者写好的台词（未配置语言模型）。');
    } finally {
      await initI18n('en').changeLanguage('en');
    }
  });
});
