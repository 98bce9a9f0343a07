/** A stream's state for one table or view: live, connecting, reconnecting (reason, retry), stale since, failed. */
import { useTranslation } from 'react-i18next';
import type { StreamStatus } from '../../../app/watch/types';
import { useFormat } from '../../i18n/useFormat';
import { reasonText, streamStatusText } from './reasonText';
import { useCountdown } from './useCountdown';

export function StreamBadge({ status, hasData }: { status: StreamStatus | undefined; hasData: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const seconds = useCountdown(status?.state === 'reconnecting' ? status.nextRetryAt : undefined);
  const state = status?.state ?? 'connecting';
  const parts = [t(`status.${state}`)];
  if (status?.reason && state !== 'live') parts.push(reasonText(t, status.reason));
  if (state === 'reconnecting' && status?.attempt) parts.push(t('status.attempt', { attempt: status.attempt }));
  if (state === 'reconnecting' && status?.nextRetryAt) parts.push(t('status.retryIn', { seconds }));
  const stale = hasData && state !== 'live' && state !== 'connecting';
  if (stale && status?.staleSince) parts.push(t('status.staleSince', { time: fmt.time(status.staleSince) }));
  const text = parts.join(' · ');
  return (
    <span className={`stream-badge stream-${state}`} role="status" aria-label={`${t('status.streamLabel')}: ${text}`} title={(status && streamStatusText(t, status)) || text}>
      <span className={`health-dot health-${state === 'live' ? 'live' : state}`} aria-hidden="true" />
      {stale && <span className="badge badge-warn">{t('status.stale')}</span>}
      <span className="ellipsis">{text}</span>
    </span>
  );
}
