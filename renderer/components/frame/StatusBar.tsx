/**
 * The bottom status bar: the core connection and, per open cluster, whether its streams are
 * live, reconnecting (with reason and retry countdown) or stale since a time, and which stream
 * cannot list (forbidden: the API's message) — it never goes quiet about a dropped link.
 *
 * Accessibility: the bar is a named landmark; each entry is a status (a polite live region) named
 * "<context>: <state>". Its live text omits the per-second countdown (shown visually only), so a
 * screen reader hears state changes, not a tick every second.
 */
import { useTranslation } from 'react-i18next';
import type { ClusterHealth } from '../../../app/contract/pilothouse';
import { useClusterHealth } from '../../bridge/useClusterHealth';
import { useCoreConnection } from '../../bridge/useCoreConnection';
import { useFormat } from '../../i18n/useFormat';
import { useCountdown } from '../common/useCountdown';
import { clusterDot, clusterStatusParts } from './clusterStatus';
import { summariseStreams, type StreamSummary } from './streamSummary';
import { useObservedStreams } from './useObservedStreams';

export function StatusBar({ activeContext }: { activeContext: string | undefined }) {
  const { t } = useTranslation();
  const health = useClusterHealth().value ?? [];
  const observed = useObservedStreams();
  const core = useCoreConnection();
  const coreText = core.state === 'connected' ? t('core.connected') : t('core.reconnectingShort');
  return (
    <footer className="statusbar" role="contentinfo" aria-label={t('status.barLabel')}>
      <span className={`statusbar-core core-${core.state}`} role="status" aria-label={coreText}>
        {coreText}
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
  const retrySeconds = useCountdown(streams?.nextRetryAt);
  const input = { health, streams, coreDown };
  const dot = clusterDot(input);
  const text = clusterStatusParts(t, input, { retry: () => t('status.retryIn', { seconds: retrySeconds }), time: fmt.time, withCounts: true }).join(' · ');
  // What assistive technology reads: the retry as a clock time, so the text does not tick.
  const steady = clusterStatusParts(t, input, { retry: (at) => t('status.retryAt', { time: fmt.clock(at) }), time: fmt.time, withCounts: true }).join(' · ');
  return (
    <span
      className={`statusbar-cluster${active ? ' active' : ''}`}
      data-state={dot}
      data-problem={streams?.problem && !coreDown ? streams.problem.reason : undefined}
      role="status"
      aria-label={`${health.context}: ${steady}`}
      title={text}
    >
      <span className={`health-dot health-${dot}`} aria-hidden="true" />
      <span className="statusbar-name ellipsis" aria-hidden="true">
        {health.context}
      </span>
      <span className="statusbar-text ellipsis" aria-hidden="true">
        {text}
      </span>
      <span className="visually-hidden">{`${health.context}: ${steady}`}</span>
    </span>
  );
}
