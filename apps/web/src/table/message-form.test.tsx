import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { initI18n } from '../i18n/index.js';
import { renderAtTable } from '../test/render.js';
import { MessageForm } from './message-form.js';

describe('MessageForm', () => {
  it('counts the characters against the limit as the player types', async () => {
    const sent: string[] = [];
    renderAtTable(
      <MessageForm label="Say" maxLength={500} onSubmit={(t) => Promise.resolve(sent.push(t) > 0)} />,
    );
    expect(screen.getByText('0 / 500 characters')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Say'), 'hello{Enter}');
    expect(sent).toEqual(['hello']);
  });

  it('keeps a 5,000-character paste whole and says it is too long instead of cutting it to 500', async () => {
    const sent: string[] = [];
    renderAtTable(
      <MessageForm label="Say" maxLength={500} onSubmit={(t) => Promise.resolve(sent.push(t) > 0)} />,
    );
    const box = screen.getByLabelText('Say') as HTMLInputElement;
    await userEvent.click(box);
    await userEvent.paste('x'.repeat(5000));
    expect(box.value).toHaveLength(5000);
    expect(box.getAttribute('aria-invalid')).toBe('true');
    const error = screen.getByText(/Too long to send/);
    expect(error.textContent).toBe(
      'Too long to send: 5000 characters, the limit is 500. Shorten it by 4500.',
    );
    expect(box.getAttribute('aria-describedby')).toBe(error.id);
    expect((screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement).disabled).toBe(true);
    await userEvent.keyboard('{Enter}');
    expect(sent).toEqual([]);
  });

  it('says so in Chinese too', async () => {
    await initI18n('zh-CN').changeLanguage('zh-CN');
    try {
      renderAtTable(
        <MessageForm label="说" maxLength={10} multiline onSubmit={() => Promise.resolve(true)} />,
      );
      await userEvent.click(screen.getByLabelText('说'));
      await userEvent.paste('一二三四五六七八九十十一');
      expect(screen.getByText('太长，无法发送：共 12 字，上限 10 字，请删去 2 字。')).toBeTruthy();
    } finally {
      await initI18n('en').changeLanguage('en');
    }
  });
});
