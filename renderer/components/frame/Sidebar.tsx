/** The sidebar: Overview, built-in kinds by area, and every custom resource grouped by API group. */
import { useTranslation } from 'react-i18next';
import { kindsByArea } from '../../../app/kinds/registry';
import { formatRoute, type Route } from '../../routing/routes';
import { CustomResourceNav } from './CustomResourceNav';
import { NavKindLink } from './NavKindLink';

export function Sidebar({ context, route }: { context: string; route: Route }) {
  const { t } = useTranslation();
  const activeKind = route.view === 'list' || route.view === 'detail' ? route.kindId : undefined;
  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <p className="sidebar-context ellipsis" title={context}>
        {context}
      </p>
      <a
        className="nav-link"
        href={formatRoute({ view: 'overview', context })}
        aria-current={route.view === 'overview' ? 'page' : undefined}
      >
        {t('nav.overview')}
      </a>
      {[...kindsByArea()].filter(([area]) => area !== 'custom').map(([area, kinds]) => (
        <details key={area} className="nav-area" open>
          <summary>{t(`nav.area.${area}`)}</summary>
          <ul>
            {kinds.map((k) => (
              <NavKindLink key={k.id} context={context} kindId={k.id} text={t(k.titleKey)} activeKind={activeKind} />
            ))}
          </ul>
        </details>
      ))}
      <CustomResourceNav context={context} activeKind={activeKind} />
    </nav>
  );
}
