/** The object's events, live: a watch of Events with fieldSelector involvedObject.uid=<uid>. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { KubeObject } from '../../../app/kube/object';
import { eventLastSeen } from '../../../app/kinds/clusterKinds';
import { eventsFor } from '../../../app/kinds/relations';
import { useWatchList } from '../../bridge/useWatchList';
import { useFormat } from '../../i18n/useFormat';
import { StreamBadge } from '../common/StreamBadge';
import { useNow } from '../common/useNow';
import { Section } from './Section';

const EVENTS = { group: '', version: 'v1', resource: 'events' };

export function EventsSection({ context, obj }: { context: string; obj: KubeObject }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const list = useWatchList({ context, ref: EVENTS, namespace: obj.metadata.namespace, fieldSelector: `involvedObject.uid=${obj.metadata.uid}` });
  const events = useMemo(
    () =>
      // Never trust that the server applied the field selector: match again, newest first.
      eventsFor(obj, list.items.values()).sort((a, b) => (eventLastSeen(b) ?? '').localeCompare(eventLastSeen(a) ?? '')),
    [list.items, obj],
  );
  const now = useNow(10_000, events);
  return (
    <Section title={t('detail.events')} actions={<StreamBadge status={list.status} hasData={list.synced} />}>
      {events.length === 0 ? (
        <p className="muted" role="status">
          {!list.synced ? t('app.loading') : t('empty.events')}
        </p>
      ) : (
        <table className="simple-table" aria-label={t('detail.events')}>
          <thead>
            <tr>
              <th scope="col">{t('event.type')}</th>
              <th scope="col">{t('event.reason')}</th>
              <th scope="col">{t('event.message')}</th>
              <th scope="col" className="numeric">
                {t('event.count')}
              </th>
              <th scope="col">{t('event.lastSeen')}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => {
              const last = eventLastSeen(e);
              return (
                <tr key={e.metadata.uid} className={e.type === 'Warning' ? 'tone-warn' : ''}>
                  <td>{String(e.type ?? '')}</td>
                  <td className="mono">{String(e.reason ?? '')}</td>
                  <td className="wrap">{String(e.message ?? '')}</td>
                  <td className="numeric">{fmt.count(Number(e.count ?? 1))}</td>
                  <td title={fmt.time(last)}>{fmt.ago(last, now)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Section>
  );
}
