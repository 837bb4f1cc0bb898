import { LIMITS, type Talk, type View } from '@jubensha/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActions } from '../game/act.js';
import type { Stream } from '../game/game-state.js';
import { characterName } from '../text.js';
import { ChatLog } from '../table/chat-log.js';
import { MessageForm } from '../table/message-form.js';
import { TALKS_ID, talkElementId } from '../table/news.js';
import { useRoom } from '../table/room-context.js';

/** One-to-one talks: ask someone, accept or decline an invitation, one thread per talk. */
export function PrivateTalks({ view, streams }: { view: View; streams: Stream[] }) {
  const { t } = useTranslation();
  const { lang } = useRoom();
  const { act, busy } = useActions();
  const me = view.me;
  if (!me) return null;
  const active = me.talks.filter((x) => x.status === 'requested' || x.status === 'open');
  const busyWith = new Set(active.map((x) => (x.from === me.seat ? x.to : x.from)));
  const others = view.story.characters.filter((c) => c.id !== me.seat);
  return (
    <section className="talks" id={TALKS_ID} aria-labelledby="talks-title">
      <h3 id="talks-title">{t('talks.title')}</h3>
      <ul className="talk-requests">
        {others.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              className="secondary"
              disabled={busy || busyWith.has(c.id)}
              onClick={() => void act({ type: 'REQUEST_TALK', with: c.id })}
            >
              {t('talks.request', { name: characterName(view.story, c.id, lang) })}
            </button>
          </li>
        ))}
      </ul>
      {me.talks.length === 0 && <p className="muted">{t('talks.none')}</p>}
      {[...me.talks].reverse().map((talk) => (
        <TalkThread key={talk.id} talk={talk} view={view} streams={streams} />
      ))}
    </section>
  );
}

function TalkThread({ talk, view, streams }: { talk: Talk; view: View; streams: Stream[] }) {
  const { t } = useTranslation();
  const { lang } = useRoom();
  const { act, busy } = useActions();
  const me = view.me?.seat ?? '';
  const other = characterName(view.story, talk.from === me ? talk.to : talk.from, lang);
  const invitedMe = talk.status === 'requested' && talk.to === me;
  // A talk that ends (the other side, or the phase) while this player types keeps their draft on
  // screen, so nothing they wrote is lost without a word.
  const [wasOpen, setWasOpen] = useState(talk.status === 'open');
  if (talk.status === 'open' && !wasOpen) setWasOpen(true);
  return (
    <article className="talk" id={talkElementId(talk.id)} aria-label={t('talks.with', { name: other })}>
      <h4>
        {t('talks.with', { name: other })} <span className="badge">{t(`talks.status.${talk.status}`)}</span>
      </h4>
      {invitedMe && (
        <div className="actions">
          <button
            type="button"
            disabled={busy}
            onClick={() => void act({ type: 'ACCEPT_TALK', talk: talk.id })}
          >
            {t('talks.accept')}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => void act({ type: 'DECLINE_TALK', talk: talk.id })}
          >
            {t('talks.decline')}
          </button>
        </div>
      )}
      {talk.status === 'requested' && !invitedMe && (
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => void act({ type: 'END_TALK', talk: talk.id })}
        >
          {t('talks.withdraw')}
        </button>
      )}
      {(talk.status === 'open' || talk.messages.length > 0) && (
        <ChatLog
          story={view.story}
          messages={talk.messages}
          streams={streams}
          channel={{ kind: 'talk', talk: talk.id }}
          label={t('talks.with', { name: other })}
          me={me}
        />
      )}
      {(talk.status === 'open' || (talk.status === 'ended' && wasOpen)) && (
        <MessageForm
          label={t('talks.say', { name: other })}
          maxLength={LIMITS.privateMessage}
          closed={talk.status === 'ended' ? t('talks.endedWhileTyping', { name: other }) : undefined}
          onSubmit={(text) => act({ type: 'PRIVATE_MESSAGE', talk: talk.id, text })}
        />
      )}
      {talk.status === 'open' && (
        <>
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => void act({ type: 'END_TALK', talk: talk.id })}
          >
            {t('talks.end')}
          </button>
        </>
      )}
    </article>
  );
}
