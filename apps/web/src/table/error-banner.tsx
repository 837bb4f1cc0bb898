import type { GameError } from '@jubensha/protocol';
import { useActions } from '../game/act.js';
import { useTranslation } from 'react-i18next';
import { errorText } from '../text.js';

export function ErrorBanner({ error, onClose }: { error: GameError | null; onClose?: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <div role="alert" className={error ? 'error-banner' : 'error-banner empty'}>
      {error && (
        <>
          <span>{errorText(error, i18n.language)}</span>
          {onClose && (
            <button type="button" className="link" onClick={onClose}>
              {t('common.dismiss')}
            </button>
          )}
        </>
      )}
    </div>
  );
}

/** The refusal of the last command sent in this scope (seat or host), dismissable. */
export function ActionErrors() {
  const { error, clearError } = useActions();
  return <ErrorBanner error={error} onClose={clearError} />;
}
