import type { Channel, ChatMessage, PublicStory } from '@jubensha/protocol';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { streamText, type Stream } from '../game/game-state.js';
import { characterName } from '../text.js';
import { useRoom } from './room-context.js';

function sameChannel(a: Channel, b: Channel): boolean {
  return a.kind === b.kind && (a.kind === 'public' || (b.kind === 'talk' && a.talk === b.talk));
}

/**
 * A chat as a live log: only lines the game accepted go into the log, so a screen reader announces
 * each line once, whole. An AI line being generated shows below it, outside the live region.
 */
export function ChatLog({
  story,
  messages,
  streams,
  channel,
  label,
  me,
}: {
  story: PublicStory;
  messages: ChatMessage[];
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
  }, [messages.length]);
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
        {messages.length === 0 && <p className="muted">{t('chat.empty')}</p>}
        <ol>
          {messages.map((m) => (
            <li key={m.n} className={m.seat === me ? 'mine' : undefined}>
              <span className="speaker">{characterName(story, m.seat, lang)}</span>
              <span className="line">{m.text}</span>
            </li>
          ))}
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
