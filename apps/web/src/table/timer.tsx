import type { Progress } from '@jubensha/protocol';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Time left in the phase (or the current speaker's turn); frozen while paused. The server decides when it ends. */
export function Timer({ progress, now: fixedNow }: { progress: Progress; now?: number }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => fixedNow ?? Date.now());
  useEffect(() => {
    if (fixedNow !== undefined) return;
    const id = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, [fixedNow]);
  if (progress.deadline === null) return <span className="timer muted">{t('timer.none')}</span>;
  const at = progress.pausedAt ?? fixedNow ?? now;
  const left = Math.max(0, Math.round((progress.deadline - at) / 1000));
  const text = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
  return (
    <span className="timer" role="timer" aria-label={t('timer.label')}>
      {progress.pausedAt !== null ? t('timer.paused', { time: text }) : text}
    </span>
  );
}
