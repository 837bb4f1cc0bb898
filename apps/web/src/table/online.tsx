import type { Presence, View } from '@jubensha/protocol';
import { useTranslation } from 'react-i18next';
import { characterName } from '../text.js';
import { useRoom } from './room-context.js';

/** Who sits where: character, player, human or AI, ready, connected. */
export function SeatList({ view, presence }: { view: View; presence: Presence | null }) {
  const { t } = useTranslation();
  const { lang } = useRoom();
  return (
    <ul className="seat-list" aria-label={t('online.title')}>
      {view.progress.seats.map((seat) => {
        const online = seat.controller === 'ai' || (presence?.seats.includes(seat.seat) ?? false);
        return (
          <li key={seat.seat}>
            <span className={online ? 'dot on' : 'dot'} aria-hidden="true" />
            <strong>{characterName(view.story, seat.seat, lang)}</strong>{' '}
            <span className="muted">
              {seat.controller === 'ai' ? t('seat.ai') : (seat.name ?? t('seat.free'))}
              {' · '}
              {online ? t('online.on') : t('online.off')}
              {!view.progress.started && seat.ready ? ` · ${t('lobby.ready')}` : ''}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
