import type { Channel, ChatMessage, HostMessage, PublicStory } from '@jubensha/protocol';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { streamText, type Stream } from '../game/game-state.js';
import { characterName } from '../text.js';
import { useRoom } from './room-context.js';

function sameChannel(a: Channel, b: Channel): boolean {
  return a.kind === b.kind && (a.kind === 'public' || (b.kind === 'talk' && a.talk === b.talk));
}

type Entry = { host: false; line: ChatMessage } | { host: true; line: HostMessage };

/** Chat lines with the host's lines where they were said: after the `after` chat lines before each. */
export function interleave(messages: ChatMessage[], host: HostMessage[]): Entry[] {
  const out: Entry[] = [];
  const rest = [...host].sort((a, b) => a.n - b.n);
  const hostUpTo = (count: number) => {
    for (let next = rest[0]; next !== undefined && next.after <= count; next = rest[0]) {
      rest.shift();
      out.push({ host: true, line: next });
    }
  };
  messages.forEach((m, i) => {
    hostUpTo(i);
    out.push({ host: false, line: m });
  });
  hostUpTo(Number.POSITIVE_INFINITY);
  return out;
}

/**
 * A chat as a live log: only lines the game accepted go into the log, so a screen reader announces
 * each line once, whole. The host's lines (public chat only) stand among them, labelled and set apart.
 * An AI line being generated shows below it, outside the live region.
 */
export function ChatLog({
  story,
  messages,
  hostMessages = [],
  streams,
  channel,
  label,
  me,
}: {
  story: PublicStory;
  messages: ChatMessage[];
  hostMessages?: HostMessage[];
  streams: Stream[];
  channel: Channel;
  label: string;
  me: string | null;
}) {
  const { t } = useTranslation();
  const { lang } = useRoom();
  const live = streams.filter((s) => sameChannel(s.channel, channel));
  const logRef = useRef<HTMLDivElement>(null);
  // New lines arrive at the bottom: keep them in sight.
  useEffect(() => {
    const log = logRef.current;
    if (log) log.scrollTop = log.scrollHeight;
  }, [messages.length, hostMessages.length]);
  const entries = interleave(messages, hostMessages);
  return (
    <div className="chat">
      <div
        ref={logRef}
        role="log"
        aria-live="polite"
        aria-relevant="additions"
        aria-label={label}
        className="chat-log"
        tabIndex={0}
      >
        {entries.length === 0 && <p className="muted">{t('chat.empty')}</p>}
        <ol>
          {entries.map((e) =>
            e.host ? (
              <li key={`host-${e.line.n}`} className={`host-line host-${e.line.kind}`}>
                <span className="speaker">{t('chat.host')}</span>
                <span className="line">{e.line.text}</span>
              </li>
            ) : (
              <li key={e.line.n} className={e.line.seat === me ? 'mine' : undefined}>
                <span className="speaker">{characterName(story, e.line.seat, lang)}</span>
                <span className="line">{e.line.text}</span>
              </li>
            ),
          )}
        </ol>
      </div>
      {live.length > 0 && (
        <ol className="chat-streams" aria-hidden="true">
          {live.map((s) => (
            <li key={s.id}>
              <span className="speaker">{characterName(story, s.seat, lang)}</span>
              <span className="line">
                {streamText(s)}
                <span className="typing">{t('chat.typing')}</span>
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
