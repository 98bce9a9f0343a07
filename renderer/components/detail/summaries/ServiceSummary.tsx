/** Service: type, cluster IP, external IPs, ports, selector. */
import { useTranslation } from 'react-i18next';
import type { KubeObject } from '../../../../app/kube/object';
import { serviceExternalIP, servicePorts } from '../../../../app/kinds/networkKinds';
import { Facts, Section } from '../Section';

/** The API server's default service type (a Kubernetes value, not UI text). */
const DEFAULT_SERVICE_TYPE = 'ClusterIP';

export function ServiceSummary({ obj }: { obj: KubeObject }) {
  const { t } = useTranslation();
  const spec = obj.spec ?? {};
  const selector = Object.entries((spec.selector ?? {}) as Record<string, string>);
  return (
    <Section title={t('detail.summary')}>
      <Facts
        items={[
          [t('service.type'), <span className="mono">{spec.type ?? DEFAULT_SERVICE_TYPE}</span>],
          [t('service.clusterIP'), <span className="mono">{spec.clusterIP}</span>],
          [t('service.externalIPs'), <span className="mono">{serviceExternalIP(obj)}</span>],
          [t('service.ports'), <span className="mono wrap">{servicePorts(obj)}</span>],
          [
            t('service.selector'),
            selector.length ? <span className="mono wrap">{selector.map(([k, v]) => `${k}=${v}`).join(',')}</span> : t('service.noSelector'),
          ],
          spec.sessionAffinity && [t('service.sessionAffinity'), <span className="mono">{spec.sessionAffinity}</span>],
        ]}
      />
    </Section>
  );
}
