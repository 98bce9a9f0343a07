/** Kubeconfig files that could not be read, each with the file and the problem. */
import { useTranslation } from 'react-i18next';
import type { KubeconfigProblem } from '../../../app/contract/pilothouse';
import { problemText } from '../common/errorText';

export function KubeconfigProblems({ problems }: { problems: KubeconfigProblem[] }) {
  const { t } = useTranslation();
  return (
    <section className="picker-problems" aria-label={t('picker.problemsLabel')}>
      <h2>{t('picker.problemsTitle')}</h2>
      <ul role="list">
        {problems.map((p) => (
          <li key={`${p.file}:${p.message}`} className="problem" role="alert">
            <code className="ellipsis" title={p.file}>
              {p.file}
            </code>
            <span>{problemText(t, p)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
