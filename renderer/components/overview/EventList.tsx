/** A compact list of events with the object they are about (messages are untrusted text). */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { KubeObject } from '../../../app/kube/object';
import { eventLastSeen } from '../../../app/kinds/clusterKinds';
import { useFormat } from '../../i18n/useFormat';
import { useNow } from '../common/useNow';
import { ObjectLink } from '../detail/ObjectLink';

interface Involved {
  kind?: string;
  apiVersion?: string;
  name?: string;
  namespace?: string;
}

export function EventList({ context, title, events, empty, loading }: { context: string; title: string; events: KubeObject[]; empty: string; loading: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const now = useNow(10_000, events);
  const id = useId();
  return (
    <section className="card overview-card wide" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {loading ? (
        <p className="muted">{t('app.loading')}</p>
      ) : events.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="event-list" aria-label={title}>
          {events.map((e) => {
            const io = (e.involvedObject ?? {}) as Involved;
            const last = eventLastSeen(e);
            return (
              <li key={e.metadata.uid} className={e.type === 'Warning' ? 'tone-warn' : ''}>
                <span className="event-when muted" title={fmt.time(last)}>
                  {fmt.ago(last, now)}
                </span>
                <span className="mono event-reason" title={String(e.reason ?? '')}>
                  {String(e.reason ?? '')}
                </span>
                {io.name && io.kind ? <ObjectLink context={context} kind={io.kind} apiVersion={io.apiVersion} namespace={io.namespace} name={io.name} withKind /> : <span />}
                <span className="event-message">{String(e.message ?? '')}</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
