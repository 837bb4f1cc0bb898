import type { View } from '@jubensha/protocol';
import { useTranslation } from 'react-i18next';

/** Phases whose screen shows the public chat, where the host's lines already stand in the log. */
const CHAT_ON_SCREEN = new Set(['intro', 'discuss', 'reveal', 'debrief']);

/**
 * The host's latest line, for screens without the public chat (reading, searching, statements, the
 * vote, and the host's own screen before the reveal): a status region, so it is announced once.
 */
export function HostSays({ view }: { view: View }) {
  const { t } = useTranslation();
  const step = view.progress.phase === null ? null : view.story.plan[view.progress.phase];
  const last = view.hostMessages.at(-1);
  if (!last || (view.table !== null && step && CHAT_ON_SCREEN.has(step.kind))) return null;
  return (
    <p className="host-says" role="status" aria-label={t('chat.hostSays')}>
      <span className="speaker">{t('chat.host')}</span>
      <span className="line">{last.text}</span>
    </p>
  );
}
