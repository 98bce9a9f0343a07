/** Workloads not at their desired replicas, with links. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ObjectLink } from '../detail/ObjectLink';
import type { OffTarget } from './overviewData';

export function OffTargetTable({ context, items, loading }: { context: string; items: OffTarget[]; loading: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="card overview-card wide" aria-labelledby={id}>
      <h2 id={id}>{t('overview.notAtDesired')}</h2>
      {loading ? (
        <p className="muted">{t('app.loading')}</p>
      ) : items.length === 0 ? (
        <p className="muted tone-ok">{t('empty.notReady')}</p>
      ) : (
        <table className="simple-table" aria-label={t('overview.notAtDesired')}>
          <thead>
            <tr>
              <th scope="col">{t('overview.workload')}</th>
              <th scope="col">{t('detail.namespace')}</th>
              <th scope="col" className="numeric">
                {t('overview.ready')}
              </th>
            </tr>
          </thead>
          <tbody>
            {items.slice(0, 20).map(({ obj, replicas }) => (
              <tr key={obj.metadata.uid}>
                <td>
                  <ObjectLink context={context} kind={obj.kind ?? ''} apiVersion="apps/v1" namespace={obj.metadata.namespace} name={obj.metadata.name} withKind />
                </td>
                <td className="mono">{obj.metadata.namespace}</td>
                <td className="numeric tone-problem">{`${replicas.ready}/${replicas.desired}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
