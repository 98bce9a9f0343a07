/** Custom resources found by discovery, grouped by API group (names come from the cluster). */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useResources } from '../../bridge/useResources';
import { customKindId } from '../../kinds/listKind';
import { NavKindLink } from './NavKindLink';

export function CustomResourceNav({ context, activeKind }: { context: string; activeKind: string | undefined }) {
  const { t } = useTranslation();
  const resources = useResources(context);
  const groups = useMemo(() => {
    const byGroup = new Map<string, Array<{ id: string; kind: string }>>();
    for (const r of resources.data ?? []) {
      if (!r.custom || !r.verbs.includes('list')) continue;
      const list = byGroup.get(r.group) ?? [];
      if (!list.some((x) => x.id === customKindId(r))) list.push({ id: customKindId(r), kind: r.kind });
      byGroup.set(r.group, list);
    }
    return [...byGroup.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([group, kinds]) => ({ group, kinds: kinds.sort((a, b) => a.kind.localeCompare(b.kind)) }));
  }, [resources.data]);
  return (
    <details className="nav-area" open>
      <summary>{t('nav.customResources')}</summary>
      {resources.isLoading && <p className="muted nav-note">{t('nav.loadingCustomResources')}</p>}
      {resources.data && groups.length === 0 && <p className="muted nav-note">{t('nav.noCustomResources')}</p>}
      {groups.map(({ group, kinds }) => (
        <div key={group} className="nav-group" role="group" aria-label={group}>
          <p className="nav-group-name ellipsis" title={group}>
            {group}
          </p>
          <ul>
            {kinds.map((k) => (
              <NavKindLink key={k.id} context={context} kindId={k.id} text={k.kind} activeKind={activeKind} title={k.id} />
            ))}
          </ul>
        </div>
      ))}
    </details>
  );
}
