/** A banner while the link to the Pilothouse core is down (web mode: the WebSocket dropped). */
import { useTranslation } from 'react-i18next';
import { useCoreConnection } from '../../bridge/useCoreConnection';
import { useCountdown } from '../common/useCountdown';

export function CoreBanner() {
  const { t } = useTranslation();
  const connection = useCoreConnection();
  const seconds = useCountdown(connection.state === 'reconnecting' ? connection.nextRetryAt : undefined);
  if (connection.state === 'connected') return null;
  if (connection.state === 'connecting') {
    return (
      <div className="core-banner" role="status" aria-label={t('core.connecting')}>
        {t('core.connecting')}
      </div>
    );
  }
  return (
    <div className="core-banner core-banner-down" role="alert" aria-label={t('core.disconnected')}>
      <strong>{t('core.disconnected')}</strong> {t('core.reconnecting', { attempt: connection.attempt, seconds })}
    </div>
  );
}
