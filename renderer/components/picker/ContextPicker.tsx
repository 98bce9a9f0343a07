/** Every kubeconfig context with its source file and auth kind; connect, trust exec plugins. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContextInfo } from '../../../app/contract/pilothouse';
import { useClusterHealth } from '../../bridge/useClusterHealth';
import { useContexts } from '../../bridge/useContexts';
import { ContextCard } from './ContextCard';
import { KubeconfigProblems } from './KubeconfigProblems';

export function ContextPicker() {
  const { t } = useTranslation();
  const contexts = useContexts();
  const health = useClusterHealth().value ?? [];
  const [filter, setFilter] = useState('');
  const snapshot = contexts.value;
  const needle = filter.trim().toLowerCase();
  const shown = (snapshot?.contexts ?? []).filter(
    (c: ContextInfo) => !needle || c.name.toLowerCase().includes(needle) || c.sourceFile.toLowerCase().includes(needle),
  );
  return (
    <section className="picker" aria-labelledby="picker-title">
      <h1 id="picker-title">{t('picker.title')}</h1>
      <p className="muted">{t('picker.intro')}</p>
      {snapshot && snapshot.contexts.length > 5 && (
        <input
          type="search"
          className="input picker-filter"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder={t('picker.filter')}
          aria-label={t('picker.filter')}
        />
      )}
      {snapshot === undefined ? (
        <p role="status">{t('picker.loading')}</p>
      ) : snapshot.contexts.length === 0 ? (
        <p className="empty" role="status">{t('picker.none')}</p>
      ) : (
        <ul className="picker-list" aria-label={t('picker.listLabel')}>
          {shown.map((c) => (
            <ContextCard key={c.name} info={c} health={health.find((h) => h.context === c.name)} />
          ))}
        </ul>
      )}
      {snapshot && snapshot.problems.length > 0 && <KubeconfigProblems problems={snapshot.problems} />}
    </section>
  );
}
