import { COPY_MARKS, type PromptParts } from '@jubensha/agents';

/** Shortest start of a span that counts as copied from it (shorter runs match by chance: "the w"). */
const minCopy = (start: string) => (/[\u3400-\u9fff]/.test(start.slice(0, 3)) ? 3 : 8);

const CLAUSE_END = /[，；。！？：,;.!?:]/u;

interface Copy {
  from: number;
  to: number;
  kind: 'name' | 'span' | 'title';
}

/** Whether [from, to) overlaps nothing already marked. */
const free = (taken: Copy[], from: number, to: number) => taken.every((m) => to <= m.from || m.to <= from);

/** Where the longest start of `span` stands in `reply` outside `taken`; null when none is long enough. */
function longestCopy(reply: string, span: string, taken: Copy[]): Copy | null {
  for (let n = span.length; n >= minCopy(span); n--) {
    // Replies copy whole sentences and clauses (a first sentence, a clause, text clipped at a mark): a copy ending
    // mid-clause is a chance match ("the window of the inn" of a clue titled so), left for the title pass.
    if (n < span.length && !CLAUSE_END.test(span.charAt(n - 1)) && !CLAUSE_END.test(span.charAt(n))) continue;
    const start = span.slice(0, n);
    for (const candidate of new Set([start, start.charAt(0).toLowerCase() + start.slice(1)])) {
      for (let at = reply.indexOf(candidate); at >= 0; at = reply.indexOf(candidate, at + 1)) {
        if (free(taken, at, at + n)) return { from: at, to: at + n, kind: 'span' };
      }
    }
  }
  return null;
}

/**
 * The reply the model is trained to write: every copy of a prompt span wrapped in the marks the prompt put
 * around it (agents' COPY_MARKS). A copy is the longest start of a fact's or the claim's text found in the reply
 * (replies copy a first sentence or clip it; English may lower its first letter after "Name, "), longest copies
 * first; then the target's name, then a fact's title (English may lower its first letter), wherever they stand
 * outside those. What it marks is what the model then copies by matching the mark: a span's start, which it could
 * not find on its own.
 */
export function markCopies(reply: string, parts: PromptParts): string {
  let spans = [...(parts.claim !== null ? [parts.claim] : []), ...parts.facts.map((f) => f.text)];
  const marked: Copy[] = [];
  // Longest copy first, so the start of a long fact is not taken by a shorter one's chance match inside it.
  for (;;) {
    const found = spans
      .map((span) => ({ span, copy: longestCopy(reply, span, marked) }))
      .filter((x): x is { span: string; copy: Copy } => x.copy !== null)
      .sort((a, b) => b.copy.to - b.copy.from - (a.copy.to - a.copy.from))[0];
    if (!found) break;
    marked.push(found.copy);
    spans = spans.filter((s) => s !== found.span);
  }
  const whole = (word: string | null, kind: Copy['kind']) => {
    if (!word || word.length < 2) return;
    for (const w of new Set([word, word.charAt(0).toLowerCase() + word.slice(1)])) {
      for (let at = reply.indexOf(w); at >= 0; at = reply.indexOf(w, at + w.length)) {
        if (free(marked, at, at + w.length)) marked.push({ from: at, to: at + w.length, kind });
      }
    }
  };
  whole(parts.target, 'name');
  for (const f of parts.facts) whole(f.title, 'title');
  let out = '';
  let last = 0;
  for (const m of marked.sort((a, b) => a.from - b.from)) {
    const [open, close] = {
      name: [COPY_MARKS.nameOpen, COPY_MARKS.nameClose],
      span: [COPY_MARKS.spanOpen, COPY_MARKS.spanClose],
      title: [COPY_MARKS.titleOpen, COPY_MARKS.titleClose],
    }[m.kind];
    out += reply.slice(last, m.from) + open + reply.slice(m.from, m.to) + close;
    last = m.to;
  }
  return out + reply.slice(last);
}
