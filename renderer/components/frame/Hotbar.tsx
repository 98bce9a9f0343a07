/**
 * The left hotbar: one avatar per open cluster with a health dot, and "+" to open more. Each
 * avatar's name says the cluster's state with its reason and next retry while reconnecting.
 */
import { useTranslation } from 'react-i18next';
import type { ClusterHealth } from '../../../app/contract/pilothouse';
import { useClusterHealth } from '../../bridge/useClusterHealth';
import { useCoreConnection } from '../../bridge/useCoreConnection';
import { useFormat } from '../../i18n/useFormat';
import { formatRoute } from '../../routing/routes';
import { useCountdown } from '../common/useCountdown';
import { contextInitials } from './clusterLook';
import { clusterDot, clusterStatusParts } from './clusterStatus';
import { summariseStreams, type StreamSummary } from './streamSummary';
import { useObservedStreams } from './useObservedStreams';

export function Hotbar({ activeContext, view }: { activeContext: string | undefined; view: string }) {
  const { t } = useTranslation();
  const health = useClusterHealth().value ?? [];
  const observed = useObservedStreams();
  // While the core is away, the last health we heard is not news: show every cluster as reconnecting.
  const coreDown = useCoreConnection().state !== 'connected';
  return (
    <nav className="hotbar" aria-label={t('hotbar.label')}>
      <ul className="hotbar-list">
        {health.map((h) => (
          <HotbarCluster
            key={h.context}
            health={h}
            streams={summariseStreams(observed.get(h.context) ?? [])}
            coreDown={coreDown}
            active={h.context === activeContext}
          />
        ))}
      </ul>
      <HotbarLink className="hotbar-add" href={formatRoute({ view: 'home' })} label={t('hotbar.add')} current={view === 'home'} glyph="+" />
      <HotbarLink className="hotbar-settings" href={formatRoute({ view: 'settings' })} label={t('nav.settings')} current={view === 'settings'} glyph="⚙" />
    </nav>
  );
}

function HotbarCluster({ health, streams, coreDown, active }: { health: ClusterHealth; streams?: StreamSummary; coreDown: boolean; active: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const retrySeconds = useCountdown(streams?.nextRetryAt);
  const input = { health, streams, coreDown };
  const dot = clusterDot(input);
  const state = clusterStatusParts(t, input, { retry: () => t('status.retryIn', { seconds: retrySeconds }), time: fmt.time, withCounts: false }).join(' · ');
  const label = t('hotbar.cluster', { name: health.context, state });
  return (
    <li>
      <a
        className="hotbar-avatar"
        href={formatRoute({ view: 'overview', context: health.context })}
        aria-label={label}
        title={label}
        aria-current={active ? 'page' : undefined}
        data-state={dot}
      >
        <span aria-hidden="true">{contextInitials(health.context)}</span>
        <span className={`health-dot health-${dot}`} aria-hidden="true" />
      </a>
    </li>
  );
}

function HotbarLink({ className, href, label, current, glyph }: { className: string; href: string; label: string; current: boolean; glyph: string }) {
  return (
    <a className={className} href={href} aria-label={label} title={label} aria-current={current ? 'page' : undefined}>
      <span aria-hidden="true">{glyph}</span>
    </a>
  );
}
