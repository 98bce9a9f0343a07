/**
 * The left hotbar: one avatar per open cluster with a health dot, and "+" to open more. Each
 * avatar's name says the cluster's state with its reason and next retry while reconnecting.
 */
import { useTranslation } from 'react-i18next';
import { formatRoute } from '../../routing/routes';
import { contextInitials } from './clusterLook';
import type { ClusterStatusInput } from './clusterStatus';
import { useClusterStatusLine } from './useClusterStatus';

export function Hotbar({ clusters, activeContext, view }: { clusters: ClusterStatusInput[]; activeContext: string | undefined; view: string }) {
  const { t } = useTranslation();
  return (
    <nav className="hotbar" aria-label={t('hotbar.label')}>
      <ul className="hotbar-list">
        {clusters.map((c) => (
          <HotbarCluster key={c.health.context} input={c} active={c.health.context === activeContext} />
        ))}
      </ul>
      <HotbarLink className="hotbar-add" href={formatRoute({ view: 'home' })} label={t('hotbar.add')} current={view === 'home'} glyph="+" />
      <HotbarLink className="hotbar-settings" href={formatRoute({ view: 'settings' })} label={t('nav.settings')} current={view === 'settings'} glyph="⚙" />
    </nav>
  );
}

function HotbarCluster({ input, active }: { input: ClusterStatusInput; active: boolean }) {
  const { t } = useTranslation();
  const { dot, text } = useClusterStatusLine(input, false);
  const context = input.health.context;
  const label = t('hotbar.cluster', { name: context, state: text });
  return (
    <li>
      <a
        className="hotbar-avatar"
        href={formatRoute({ view: 'overview', context })}
        aria-label={label}
        title={label}
        aria-current={active ? 'page' : undefined}
        data-state={dot}
      >
        <span aria-hidden="true">{contextInitials(context)}</span>
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
