/** A card of counts by state (state names are Kubernetes terms: shown as they are). */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat';

const GOOD = new Set(['Running', 'Ready', 'Completed', 'Succeeded']);

export function StateCounts({ title, href, total, counts, loading }: { title: string; href: string; total: string; counts: Array<[string, number]>; loading: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const id = useId();
  return (
    <section className="card overview-card" aria-labelledby={id}>
      <h2 id={id}>
        <a href={href}>{title}</a> <span className="count">{total}</span>
      </h2>
      {loading ? (
        <p className="muted">{t('app.loading')}</p>
      ) : (
        <ul className="state-counts" aria-label={title}>
          {counts.map(([state, n]) => (
            <li key={state} className={GOOD.has(state) ? 'tone-ok' : 'tone-problem'}>
              <span className="mono ellipsis" title={state}>
                {state}
              </span>
              <span className="count">{fmt.count(n)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
