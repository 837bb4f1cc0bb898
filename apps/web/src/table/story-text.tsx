import type { ReactNode } from 'react';

/**
 * Story text is light Markdown (paragraphs, headings, lists, **bold**, *italic*). It becomes React
 * elements, never HTML, so a story can format its text but never inject markup.
 */
export function StoryText({ text }: { text: string }) {
  const blocks = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return <>{blocks.map((block, i) => renderBlock(block, i))}</>;
}

const BULLET = /^[-*]\s+/;

function renderBlock(block: string, key: number): ReactNode {
  if (/^#{1,6}\s/.test(block)) {
    return (
      <p key={key} className="story-heading">
        <strong>{inline(block.replace(/^#+\s*/, ''))}</strong>
      </p>
    );
  }
  const lines = block.split('\n');
  if (lines.every((l) => BULLET.test(l.trim()))) {
    return (
      <ul key={key}>
        {lines.map((l, i) => (
          <li key={i}>{inline(l.trim().replace(BULLET, ''))}</li>
        ))}
      </ul>
    );
  }
  return <p key={key}>{inline(block)}</p>;
}

function inline(text: string): ReactNode[] {
  return text.split(/(\*\*[^*]+\*\*|\*[^*\s][^*]*\*)/).map((part, i) => {
    if (part.startsWith('**') && part.endsWith('**') && part.length > 4)
      return <strong key={i}>{part.slice(2, -2)}</strong>;
    if (part.startsWith('*') && part.endsWith('*') && part.length > 2)
      return <em key={i}>{part.slice(1, -1)}</em>;
    return part;
  });
}
