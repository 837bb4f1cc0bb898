import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StoryText } from './story-text.js';

describe('StoryText', () => {
  it('renders paragraphs, headings, lists, bold and italic as elements', () => {
    const { container } = render(
      <StoryText
        text={'## The night\n\nShe **lied** about the *tea*.\nTwice.\n\n- first clue\n- second clue'}
      />,
    );
    expect(container.innerHTML).toBe(
      '<p class="story-heading"><strong>The night</strong></p>' +
        '<p>She <strong>lied</strong> about the <em>tea</em>.\nTwice.</p>' +
        '<ul><li>first clue</li><li>second clue</li></ul>',
    );
  });

  it('never turns story text into markup', () => {
    const { container } = render(<StoryText text={'<img src=x onerror="alert(1)"> **<b>bold</b>**'} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toBe('<img src=x onerror="alert(1)"> <b>bold</b>');
  });
});
