/** The object's status.conditions as a table. */
import { useTranslation } from 'react-i18next';
import type { KubeObject } from '../../../app/kube/object';
import { useFormat } from '../../i18n/useFormat';
import { Section } from './Section';

interface Condition {
  type?: string;
  status?: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

export function ConditionsSection({ obj }: { obj: KubeObject }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const conditions: Condition[] = Array.isArray(obj.status?.conditions) ? obj.status.conditions : [];
  return (
    <Section title={t('detail.conditions')}>
      {conditions.length === 0 ? (
        <p className="muted">{t('empty.conditions')}</p>
      ) : (
        <table className="simple-table" aria-label={t('detail.conditions')}>
          <thead>
            <tr>
              <th scope="col">{t('condition.type')}</th>
              <th scope="col">{t('condition.status')}</th>
              <th scope="col">{t('condition.reason')}</th>
              <th scope="col">{t('condition.message')}</th>
              <th scope="col">{t('condition.lastTransition')}</th>
            </tr>
          </thead>
          <tbody>
            {conditions.map((c, i) => (
              <tr key={`${c.type}-${i}`}>
                <td className="mono">{c.type}</td>
                <td className={c.status === 'True' ? 'tone-ok' : c.status === 'False' ? 'tone-problem' : ''}>{c.status}</td>
                <td>{c.reason}</td>
                <td className="wrap">{c.message}</td>
                <td>{fmt.time(c.lastTransitionTime)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
