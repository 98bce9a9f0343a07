/** One group of related objects as links ("Pods", "ReplicaSets", …). */
import { useTranslation } from 'react-i18next';
import type { KubeObject } from '../../../../app/kube/object';
import { podStatusReason } from '../../../../app/kinds/podStatus';
import { ObjectLink } from '../ObjectLink';

export interface RelatedItem {
  kind: string;
  apiVersion: string;
  namespace?: string;
  name: string;
  /** Extra text such as a pod's status. */
  note?: string;
}

export function itemsOf(objs: KubeObject[], kind: string, apiVersion: string): RelatedItem[] {
  return objs
    .map((o) => ({ kind, apiVersion, namespace: o.metadata.namespace, name: o.metadata.name, note: kind === 'Pod' ? podStatusReason(o) : undefined }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function RelatedList({ context, title, items, loading }: { context: string; title: string; items: RelatedItem[]; loading?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="related-group">
      <h3>{title}</h3>
      {items.length === 0 ? (
        <p className="muted">{loading ? t('app.loading') : t('empty.related')}</p>
      ) : (
        <ul className="related-list" aria-label={title}>
          {items.map((i) => (
            <li key={`${i.kind}/${i.namespace}/${i.name}`}>
              <ObjectLink context={context} kind={i.kind} apiVersion={i.apiVersion} namespace={i.namespace} name={i.name} withKind />
              {i.note && <span className="muted"> · {i.note}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
