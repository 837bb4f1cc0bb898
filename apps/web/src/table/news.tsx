import type { View } from '@jubensha/protocol';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { characterName } from '../text.js';
import { useRoom, useStoryText } from './room-context.js';

/** Something new for this seat, told at the top of the table: what it is and where to look. */
export interface NewsItem {
  key: string;
  kind: 'whisper' | 'clue' | 'statement';
  /** The character it comes from. */
  from: string;
  /** The clue's title, for a published clue. */
  clue?: string;
  /** The id of the element to bring into view. */
  target: string;
}

export const talkElementId = (talk: string) => `talk-${talk}`;
export const PUBLISHED_CLUES_ID = 'published-clues';
export const TALKS_ID = 'private-talks';
export const STATEMENTS_ID = 'statements-given';

/**
 * What happened between two views that this seat did not do itself and may have missed below the
 * fold: a line in one of its private talks, a clue another seat showed the table, a final statement.
 */
export function newsBetween(before: View, after: View): NewsItem[] {
  const me = after.me?.seat ?? null;
  const out: NewsItem[] = [];
  for (const talk of after.me?.talks ?? []) {
    const old = before.me?.talks.find((x) => x.id === talk.id)?.messages.length ?? 0;
    const fresh = talk.messages.slice(old).filter((m) => m.seat !== me);
    const last = fresh[fresh.length - 1];
    if (last)
      out.push({
        key: `whisper-${talk.id}-${last.n}`,
        kind: 'whisper',
        from: last.seat,
        target: talkElementId(talk.id),
      });
  }
  const shown = new Set((before.table?.publishedClues ?? []).map((c) => c.id));
  for (const c of after.table?.publishedClues ?? [])
    if (!shown.has(c.id) && c.foundBy !== me)
      out.push({
        key: `clue-${c.id}`,
        kind: 'clue',
        from: c.foundBy,
        clue: c.id,
        target: PUBLISHED_CLUES_ID,
      });
  const said = before.table?.statements.length ?? 0;
  for (const st of (after.table?.statements ?? []).slice(said))
    if (st.seat !== me)
      out.push({ key: `statement-${st.seat}`, kind: 'statement', from: st.seat, target: STATEMENTS_ID });
  return out;
}

function bringIntoView(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  el.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
  if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
  el.focus({ preventScroll: true });
}

/** The header stays small on a phone: the latest news only (the rest is in the chat and notebook). */
const KEEP = 1;

/**
 * The strip under the phase line: an invitation to a private talk stays while it waits; other news
 * (a whisper, a clue shown, a statement) stays until looked at or dismissed, the latest one.
 */
export function News({ view }: { view: View }) {
  const { t } = useTranslation();
  const { lang } = useRoom();
  const s = useStoryText();
  const [items, setItems] = useState<NewsItem[]>([]);
  const prev = useRef<View | null>(null);
  useEffect(() => {
    const before = prev.current;
    prev.current = view;
    if (!before) return;
    // A table that just appeared (the host's at the reveal) holds nothing new, only everything.
    const fresh = before.table === null ? [] : newsBetween(before, view);
    // News belongs to its phase: a new phase starts with a clean strip.
    if (before.progress.phase !== view.progress.phase) setItems(fresh.slice(-KEEP));
    else if (fresh.length > 0)
      setItems((old) => [...old.filter((o) => !fresh.some((f) => f.key === o.key)), ...fresh].slice(-KEEP));
  }, [view]);
  const me = view.me?.seat;
  const invitations = (view.me?.talks ?? []).filter((x) => x.status === 'requested' && x.to === me);
  if (invitations.length === 0 && items.length === 0) return null;
  const name = (id: string) => characterName(view.story, id, lang);
  const clueTitle = (id: string | undefined) => {
    const c = view.table?.publishedClues.find((x) => x.id === id);
    return c ? s(c.title) : '';
  };
  const invitationText =
    invitations.length === 1
      ? t('news.invitation', { name: name(invitations[0]?.from ?? '') })
      : t('news.invitations', {
          count: invitations.length,
          names: invitations.map((x) => name(x.from)).join(lang === 'zh' ? '、' : ', '),
        });
  const dismiss = (key: string) => setItems((old) => old.filter((o) => o.key !== key));
  return (
    <section className="news" aria-label={t('news.label')} aria-live="polite">
      <ul>
        {invitations.length > 0 && (
          // Several invitations at once share one line: the header must stay small on a phone.
          <li className="invite-news">
            <span title={invitationText}>{invitationText}</span>{' '}
            <button
              type="button"
              className="small"
              onClick={() =>
                bringIntoView(invitations.length === 1 ? talkElementId(invitations[0]?.id ?? '') : TALKS_ID)
              }
            >
              {t('news.answer')}
            </button>
          </li>
        )}
        {items.map((item) => {
          const text =
            item.kind === 'whisper'
              ? t('news.whisper', { name: name(item.from) })
              : item.kind === 'clue'
                ? t('news.clue', { name: name(item.from), title: clueTitle(item.clue) })
                : t('news.statement', { name: name(item.from) });
          return (
            <li key={item.key}>
              <span title={text}>{text}</span>{' '}
              <button
                type="button"
                className="small secondary"
                onClick={() => {
                  dismiss(item.key);
                  bringIntoView(item.target);
                }}
              >
                {t('news.show')}
              </button>
              <button
                type="button"
                className="small link"
                aria-label={t('news.dismiss')}
                onClick={() => dismiss(item.key)}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
