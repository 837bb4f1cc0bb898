import type { ReactNode } from 'react';

/**
 * Story text is light Markdown (paragraphs, headings, **bold**, *italic*). It becomes React
 * elements, never HTML, so a story can format its text but never inject markup.
 */
export function StoryText({ text }: { text: string }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      {paragraphs.map((p, i) =>
        /^#{1,6}\s/.test(p) ? (
          <p key={i} className="story-heading">
            <strong>{inline(p.replace(/^#+\s*/, ''))}</strong>
          </p>
        ) : (
          <p key={i}>{inline(p)}</p>
        ),
      )}
    </>
  );
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
