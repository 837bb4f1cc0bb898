import type { Language, LocalizedText, View } from '@jubensha/protocol';
import type { Story } from '@jubensha/story';

/** Page text and story text compared the same way: no Markdown marks, single spaces. */
export function normalize(text: string): string {
  return text
    .replace(/[*_#>`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Distinctive sentences of a text: long enough that finding one on a page means the text is there. */
export function segments(text: string | undefined, lang: Language): string[] {
  if (!text) return [];
  const min = lang === 'zh' ? 10 : 24;
  return normalize(text)
    .split(/[\n。！？!?;；“”"]|\.\s/)
    .map((s) => s.trim())
    .filter((s) => s.length >= min);
}

const tx = (l: LocalizedText | undefined, lang: Language) => l?.[lang];

/**
 * What a seat may not see before the reveal, as sentences: other characters' scripts, secrets, cover
 * claims and lines, its own later acts, the truth, the timeline, the endings, the debrief, and every
 * clue it neither found nor saw published. Sentences that also appear in text the seat may see
 * (public story, its own file so far, clues it may see, what was said aloud at the table) are left out, so a
 * shared sentence is no leak.
 */
export function forbiddenSentences(
  story: Story,
  seat: string,
  lang: Language,
  view: View,
  table: View,
): string[] {
  const act = view.progress.act;
  const forbidden: (string | undefined)[] = [];
  const allowed: (string | undefined)[] = [
    tx(story.title, lang),
    tx(story.blurb, lang),
    tx(story.premise, lang),
    ...story.characters.flatMap((c) => [tx(c.name, lang), tx(c.profile, lang)]),
    ...story.locations.map((l) => tx(l.description ?? undefined, lang)),
    // What was said aloud at the table (an AI seat's authored line, its statement) every seat has heard:
    // the projection's job is what it never sends, and the guard's what an AI may not say.
    ...(table.table?.chat.map((m) => m.text) ?? []),
    ...(table.table?.statements.map((s) => s.text ?? undefined) ?? []),
  ];
  for (const c of story.characters) {
    const mine = c.id === seat;
    c.script.forEach((s, i) => (mine && i < act ? allowed : forbidden).push(tx(s, lang)));
    for (const s of c.secrets) (mine && s.act <= act ? allowed : forbidden).push(tx(s.text, lang));
    if (!mine) {
      for (const claim of c.cover?.claims ?? []) forbidden.push(tx(claim.text, lang));
      for (const line of c.lines) forbidden.push(tx(line.text, lang));
    }
  }
  forbidden.push(tx(story.truth, lang), tx(story.debrief, lang));
  for (const e of story.endings) forbidden.push(tx(e.text, lang));
  for (const e of story.timeline) forbidden.push(tx(e.what, lang));
  const visibleClues = new Set([
    ...(view.me?.clues.map((c) => c.id) ?? []),
    ...(table.table?.publishedClues.map((c) => c.id) ?? []),
  ]);
  for (const clue of story.clues) (visibleClues.has(clue.id) ? allowed : forbidden).push(tx(clue.text, lang));

  const allowedText = normalize(allowed.filter(Boolean).join(' \n '));
  return [...new Set(forbidden.flatMap((t) => segments(t, lang)))].filter((s) => !allowedText.includes(s));
}
