import type { AiVoices } from '@jubensha/protocol';
import { useTranslation } from 'react-i18next';

/**
 * Says, where AI characters play, that they only speak the lines the story's author wrote when the
 * server has no language model: players should not wait for replies that follow the conversation.
 */
export function AiVoicesNotice({
  aiVoices,
  aiSeats,
}: {
  aiVoices: AiVoices | null | undefined;
  aiSeats: boolean;
}) {
  const { t } = useTranslation();
  if (!aiSeats || aiVoices !== 'authored-lines') return null;
  return (
    <p className="notice" role="note">
      {t('seat.authoredLinesOnly')}
    </p>
  );
}
