/** Deployments, ReplicaSets, StatefulSets, DaemonSets, Jobs, CronJobs: replicas, strategy, selector, images. */
import { useTranslation } from 'react-i18next';
import type { KubeObject } from '../../../../app/kube/object';
import { workloadReplicas } from '../../../../app/kinds/workloads';
import { templateContainers } from '../../../../app/kinds/columns';
import { formatSpecSelector } from '../../../../app/kinds/workloadKinds';
import { useFormat } from '../../../i18n/useFormat';
import { Facts, Section } from '../Section';

export function WorkloadSummary({ obj }: { obj: KubeObject }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const spec = obj.spec ?? {};
  const replicas = workloadReplicas(obj);
  const strategy = spec.strategy ?? spec.updateStrategy;
  const images = (templateContainers(obj) as Array<{ name?: string; image?: string }>).map((c) => `${c.name}: ${c.image}`);
  const selector = spec.selector ? formatSpecSelector(obj) : '';
  return (
    <Section title={t('detail.summary')}>
      <Facts
        items={[
          replicas && [
            t('workload.replicas'),
            t('workload.replicasValue', {
              ready: fmt.count(replicas.ready),
              desired: fmt.count(replicas.desired),
              updated: fmt.count(replicas.upToDate),
              available: fmt.count(replicas.available),
            }),
          ],
          strategy?.type && [t('workload.strategy'), <span className="mono">{strategy.type}</span>],
          strategy?.rollingUpdate?.maxSurge !== undefined && [t('workload.maxSurge'), String(strategy.rollingUpdate.maxSurge)],
          strategy?.rollingUpdate?.maxUnavailable !== undefined && [t('workload.maxUnavailable'), String(strategy.rollingUpdate.maxUnavailable)],
          spec.schedule && [t('workload.schedule'), <span className="mono">{spec.schedule}</span>],
          spec.suspend !== undefined && [t('workload.suspend'), spec.suspend ? t('pod.yes') : t('pod.no')],
          obj.status?.lastScheduleTime && [t('workload.lastSchedule'), fmt.time(obj.status.lastScheduleTime)],
          spec.completions !== undefined && [t('workload.completions'), `${obj.status?.succeeded ?? 0}/${spec.completions}`],
          selector && [t('workload.selector'), <span className="mono wrap">{selector}</span>],
          images.length > 0 && [t('workload.images'), <span className="mono wrap">{images.join('\n')}</span>],
        ]}
      />
    </Section>
  );
}
