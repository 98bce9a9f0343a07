/**
 * The bottom status bar: per open cluster, whether its streams are live, reconnecting (with
 * reason and retry countdown) or stale since a time — it never goes quiet about a dropped link.
 */
import { useTranslation } from 'react-i18next';
import type { ClusterHealth } from '../../../app/contract/pilothouse';
import { useClusterHealth } from '../../bridge/useClusterHealth';
import { useCoreConnection } from '../../bridge/useCoreConnection';
import { useFormat } from '../../i18n/useFormat';
import { useCountdown } from '../common/useCountdown';
import { healthDot } from './clusterLook';
import { summariseStreams, type StreamSummary } from './streamSummary';
import { useObservedStreams } from './useObservedStreams';
import { reasonText } from '../common/reasonText';

export function StatusBar({ activeContext }: { activeContext: string | undefined }) {
  const { t } = useTranslation();
  const health = useClusterHealth().value ?? [];
  const observed = useObservedStreams();
  const core = useCoreConnection();
  return (
    <footer className="statusbar" role="status" aria-label={t('status.barLabel')}>
      <span className={`statusbar-core core-${core.state}`}>
        {core.state === 'connected' ? t('core.connected') : t('core.reconnectingShort')}
      </span>
      {health.length === 0 && <span className="muted">{t('status.noClusters')}</span>}
      {health.map((h) => (
        <ClusterStatus
          key={h.context}
          health={h}
          streams={summariseStreams(observed.get(h.context) ?? [])}
          active={h.context === activeContext}
          coreDown={core.state !== 'connected'}
        />
      ))}
    </footer>
  );
}

function ClusterStatus({ health, streams, active, coreDown }: { health: ClusterHealth; streams?: StreamSummary; active: boolean; coreDown: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const seconds = useCountdown(streams?.nextRetryAt);
  const dot = coreDown ? 'reconnecting' : streams && streams.state !== 'live' && streams.state !== 'connecting' ? streams.state : healthDot(health);
  const staleSince = streams?.staleSince ?? health.staleSince;
  const parts: string[] = [];
  if (health.state === 'failed') {
    parts.push(t('status.failed'));
    if (health.error) parts.push(health.error.message);
  } else if (dot === 'reconnecting') {
    parts.push(t('status.reconnecting'));
    if (streams?.reason) parts.push(reasonText(t, streams.reason));
    if (streams?.nextRetryAt) parts.push(t('status.retryIn', { seconds }));
  } else if (dot === 'failed') {
    parts.push(t('status.failed'));
    if (streams?.reason) parts.push(reasonText(t, streams.reason));
  } else if (dot === 'connecting') {
    parts.push(t('status.connecting'));
  } else {
    parts.push(t('status.live'));
  }
  if (staleSince && dot !== 'live') parts.push(t('status.staleSince', { time: fmt.time(staleSince) }));
  // Stream counts come from the core; while it is away they are not current.
  if (!coreDown) parts.push(t('status.streamsLive', { live: health.streams.live, total: health.streams.total }));
  const text = parts.join(' · ');
  return (
    <span className={`statusbar-cluster${active ? ' active' : ''}`} data-state={dot} title={text} aria-label={`${health.context}: ${text}`}>
      <span className={`health-dot health-${dot}`} aria-hidden="true" />
      <span className="statusbar-name ellipsis">{health.context}</span>
      <span className="statusbar-text ellipsis">{text}</span>
    </span>
  );
}
