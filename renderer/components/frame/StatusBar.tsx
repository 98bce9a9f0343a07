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
import { useCoreConnection } from '../../bridge/useCoreConnection';
import type { ClusterStatusInput } from './clusterStatus';
import { useClusterStatusLine } from './useClusterStatus';

export function StatusBar({ clusters, activeContext }: { clusters: ClusterStatusInput[]; activeContext: string | undefined }) {
  const { t } = useTranslation();
  const core = useCoreConnection();
  const coreText = core.state === 'connected' ? t('core.connected') : t('core.reconnectingShort');
  return (
    <footer className="statusbar" role="contentinfo" aria-label={t('status.barLabel')}>
      <span className={`statusbar-core core-${core.state}`} role="status" aria-label={coreText}>
        {coreText}
      </span>
      {clusters.length === 0 && <span className="muted">{t('status.noClusters')}</span>}
      {clusters.map((c) => (
        <ClusterStatus key={c.health.context} input={c} active={c.health.context === activeContext} />
      ))}
    </footer>
  );
}

function ClusterStatus({ input, active }: { input: ClusterStatusInput; active: boolean }) {
  const { dot, text, steady } = useClusterStatusLine(input, true);
  const { health, streams, coreDown } = input;
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
