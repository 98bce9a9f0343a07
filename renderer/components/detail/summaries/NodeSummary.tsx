/** Node: capacity vs allocatable, taints, addresses, system info. */
import { useTranslation } from 'react-i18next';
import type { KubeObject } from '../../../../app/kube/object';
import { useFormat, type Formatters } from '../../../i18n/useFormat';
import { Facts, Section } from '../Section';

function quantityText(fmt: Formatters, resource: string, q: string | undefined): string {
  if (q === undefined) return '';
  if (resource === 'cpu') return fmt.cpu(q);
  if (resource === 'memory' || resource.includes('storage') || resource.startsWith('hugepages')) return fmt.bytes(q);
  return q;
}

export function NodeSummary({ obj }: { obj: KubeObject }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const status = obj.status ?? {};
  const capacity = (status.capacity ?? {}) as Record<string, string>;
  const allocatable = (status.allocatable ?? {}) as Record<string, string>;
  const resources = [...new Set([...Object.keys(capacity), ...Object.keys(allocatable)])].sort();
  const taints = (obj.spec?.taints ?? []) as Array<{ key: string; value?: string; effect: string }>;
  const addresses = (status.addresses ?? []) as Array<{ type: string; address: string }>;
  const info = (status.nodeInfo ?? {}) as Record<string, string>;
  return (
    <Section title={t('detail.summary')}>
      {obj.spec?.unschedulable && <p className="badge badge-warn">{t('node.unschedulable')}</p>}
      <table className="simple-table" aria-label={t('node.capacity')}>
        <thead>
          <tr>
            <th scope="col">{t('node.resource')}</th>
            <th scope="col" className="numeric">
              {t('node.capacity')}
            </th>
            <th scope="col" className="numeric">
              {t('node.allocatable')}
            </th>
          </tr>
        </thead>
        <tbody>
          {resources.map((r) => (
            <tr key={r}>
              <td className="mono">{r}</td>
              <td className="numeric">{quantityText(fmt, r, capacity[r])}</td>
              <td className="numeric">{quantityText(fmt, r, allocatable[r])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Facts
        items={[
          [
            t('node.taints'),
            taints.length ? <span className="mono wrap">{taints.map((x) => `${x.key}${x.value ? `=${x.value}` : ''}:${x.effect}`).join('\n')}</span> : t('node.noTaints'),
          ],
          addresses.length > 0 && [t('node.addresses'), <span className="mono wrap">{addresses.map((a) => `${a.type}: ${a.address}`).join('\n')}</span>],
          info.kubeletVersion && [t('node.kubelet'), <span className="mono">{info.kubeletVersion}</span>],
          info.osImage && [t('node.os'), <span className="mono">{`${info.osImage} (${info.operatingSystem ?? ''}/${info.architecture ?? ''}, ${info.kernelVersion ?? ''})`}</span>],
          info.containerRuntimeVersion && [t('node.runtime'), <span className="mono">{info.containerRuntimeVersion}</span>],
        ]}
      />
    </Section>
  );
}
