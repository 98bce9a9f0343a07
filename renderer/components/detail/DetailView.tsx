/** The detail view of any object: metadata, kind summary, conditions, events, related objects, YAML. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { apiVersionOf, type KubeObject } from '../../../app/kube/object';
import { addRequirement } from '../../../app/selectors/labelSelector';
import { useObject } from '../../bridge/useObject';
import { useListKind } from '../../kinds/useListKind';
import { formatRoute, type Route } from '../../routing/routes';
import { useNavigate } from '../../routing/useRoute';
import { errorText } from '../common/errorText';
import { StreamBadge } from '../common/StreamBadge';
import { ConditionsSection } from './ConditionsSection';
import { EventsSection } from './EventsSection';
import { MetadataSection } from './MetadataSection';
import { RelatedSection } from './related/RelatedSection';
import { KindSummary } from './summaries/KindSummary';
import { YamlSection } from './YamlSection';

type DetailRoute = Extract<Route, { view: 'detail' }>;

/** Kinds whose status carries conditions (shown even when empty, as "none reported"). */
const CONDITION_KINDS = new Set(['Pod', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'Node', 'PersistentVolumeClaim', 'HorizontalPodAutoscaler', 'Namespace', 'CustomResourceDefinition']);

function hasConditions(obj: KubeObject): boolean {
  return Array.isArray(obj.status?.conditions) || CONDITION_KINDS.has(obj.kind ?? '');
}

export function DetailView({ route }: { route: DetailRoute }) {
  const { t } = useTranslation();
  const { kind, loading } = useListKind(route.context, route.kindId);
  const state = useObject(kind && { context: route.context, ref: kind.ref, namespace: route.namespace, name: route.name });
  const navigate = useNavigate();
  // List items from the API carry no kind/apiVersion; the detail needs them (summaries, YAML).
  const obj = useMemo((): KubeObject | undefined => {
    const o = state.object;
    if (!o || !kind) return o;
    return { ...o, kind: o.kind ?? kind.kind, apiVersion: o.apiVersion ?? apiVersionOf(kind.ref) };
  }, [state.object, kind]);

  if (!kind) {
    return <p role={loading ? 'status' : 'alert'}>{loading ? t('app.loading') : t('list.unknownKind', { kind: route.kindId })}</p>;
  }
  const listHref = formatRoute({
    view: 'list',
    context: route.context,
    kindId: kind.id,
    filters: { namespaces: route.namespace ? [route.namespace] : [], selector: '', query: '' },
  });
  const onPickLabel = (key: string, value: string) =>
    navigate({
      view: 'list',
      context: route.context,
      kindId: kind.id,
      filters: { namespaces: route.namespace ? [route.namespace] : [], selector: addRequirement('', key, value), query: '' },
    });

  return (
    <article className="detail-view" aria-label={t('detail.label', { kind: kind.kind })}>
      <nav className="breadcrumb" aria-label={t('detail.breadcrumb')}>
        <a href={listHref}>{kind.title}</a>
        {route.namespace && <span className="muted"> / {route.namespace}</span>}
      </nav>
      <header className="view-header">
        <h1 className="ellipsis" title={route.name}>
          <span className="kind-tag">{kind.kind}</span> {route.name}
        </h1>
        <StreamBadge status={state.status} hasData={obj !== undefined} />
      </header>
      {state.error && (
        <div className="error-state" role="alert">
          <h2>{t('error.objectTitle')}</h2>
          <p>{errorText(t, state.error)}</p>
        </div>
      )}
      {!obj && !state.error && <p role="status">{t('detail.loading')}</p>}
      {obj && (
        <div className="detail-sections">
          <MetadataSection context={route.context} obj={obj} onPickLabel={onPickLabel} />
          <KindSummary context={route.context} obj={obj} />
          {hasConditions(obj) && <ConditionsSection obj={obj} />}
          <RelatedSection context={route.context} obj={obj} />
          <EventsSection context={route.context} obj={obj} />
          <YamlSection obj={obj} />
        </div>
      )}
    </article>
  );
}
