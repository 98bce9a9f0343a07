/** The left hotbar: one avatar per open cluster with a health dot, and "+" to open more. */
import { useTranslation } from 'react-i18next';
import { useClusterHealth } from '../../bridge/useClusterHealth';
import { useCoreConnection } from '../../bridge/useCoreConnection';
import { formatRoute } from '../../routing/routes';
import { contextInitials, healthDot } from './clusterLook';

export function Hotbar({ activeContext, view }: { activeContext: string | undefined; view: string }) {
  const { t } = useTranslation();
  const health = useClusterHealth().value ?? [];
  // While the core is away, the last health we heard is not news: show every cluster as reconnecting.
  const coreDown = useCoreConnection().state !== 'connected';
  return (
    <nav className="hotbar" aria-label={t('hotbar.label')}>
      <ul className="hotbar-list">
        {health.map((h) => {
          const dot = coreDown ? 'reconnecting' : healthDot(h);
          const label = t('hotbar.cluster', { name: h.context, state: t(`health.${dot === 'live' ? 'connected' : dot}`) });
          return (
            <li key={h.context}>
              <a
                className="hotbar-avatar"
                href={formatRoute({ view: 'overview', context: h.context })}
                aria-label={label}
                title={label}
                aria-current={h.context === activeContext ? 'page' : undefined}
              >
                <span aria-hidden="true">{contextInitials(h.context)}</span>
                <span className={`health-dot health-${dot}`} aria-hidden="true" />
              </a>
            </li>
          );
        })}
      </ul>
      <a
        className="hotbar-add"
        href={formatRoute({ view: 'home' })}
        aria-label={t('hotbar.add')}
        title={t('hotbar.add')}
        aria-current={view === 'home' ? 'page' : undefined}
      >
        <span aria-hidden="true">+</span>
      </a>
      <a
        className="hotbar-settings"
        href={formatRoute({ view: 'settings' })}
        aria-label={t('nav.settings')}
        title={t('nav.settings')}
        aria-current={view === 'settings' ? 'page' : undefined}
      >
        <span aria-hidden="true">⚙</span>
      </a>
    </nav>
  );
}
