/** Pod: phase/reason, node, IPs, QoS, and each container's image, ports, probes, resources, restarts and state. */
import { useTranslation } from 'react-i18next';
import type { KubeObject } from '../../../../app/kube/object';
import { podStatusReason } from '../../../../app/kinds/podStatus';
import { ObjectLink } from '../ObjectLink';
import { Facts, Section } from '../Section';
import { ContainerCard, type ContainerSpec, type ContainerStatus } from './ContainerCard';

export function PodSummary({ context, obj }: { context: string; obj: KubeObject }) {
  const { t } = useTranslation();
  const spec = obj.spec ?? {};
  const status = obj.status ?? {};
  const statuses: ContainerStatus[] = status.containerStatuses ?? [];
  const initStatuses: ContainerStatus[] = status.initContainerStatuses ?? [];
  const containers: ContainerSpec[] = spec.containers ?? [];
  const inits: ContainerSpec[] = spec.initContainers ?? [];
  return (
    <>
      <Section title={t('detail.summary')}>
        <Facts
          items={[
            [t('pod.phase'), <span className="mono">{podStatusReason(obj)}</span>],
            spec.nodeName && [t('pod.node'), <ObjectLink context={context} kind="Node" apiVersion="v1" name={spec.nodeName} />],
            status.podIP && [t('pod.podIP'), <span className="mono">{status.podIP}</span>],
            status.qosClass && [t('pod.qos'), status.qosClass],
            spec.serviceAccountName && [
              t('pod.serviceAccount'),
              <ObjectLink context={context} kind="ServiceAccount" apiVersion="v1" namespace={obj.metadata.namespace} name={spec.serviceAccountName} />,
            ],
          ]}
        />
      </Section>
      {inits.length > 0 && (
        <Section title={t('pod.initContainers')}>
          {inits.map((c) => (
            <ContainerCard key={c.name} spec={c} status={initStatuses.find((s) => s.name === c.name)} />
          ))}
        </Section>
      )}
      <Section title={t('pod.containers')}>
        {containers.map((c) => (
          <ContainerCard key={c.name} spec={c} status={statuses.find((s) => s.name === c.name)} />
        ))}
      </Section>
    </>
  );
}

