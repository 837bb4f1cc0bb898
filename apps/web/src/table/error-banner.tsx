import type { GameError } from '@jubensha/protocol';
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
