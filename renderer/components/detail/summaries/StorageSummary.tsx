/** PVC → PV → StorageClass binding, PV and StorageClass facts. */
import { useTranslation } from 'react-i18next';
import type { KubeObject } from '../../../../app/kube/object';
import { formatAccessModes } from '../../../../app/kinds/storageKinds';
import { useFormat } from '../../../i18n/useFormat';
import { ObjectLink } from '../ObjectLink';
import { Facts, Section } from '../Section';

export function StorageSummary({ context, obj }: { context: string; obj: KubeObject }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const spec = obj.spec ?? {};
  const status = obj.status ?? {};
  const capacity: string | undefined = status.capacity?.storage ?? spec.capacity?.storage ?? spec.resources?.requests?.storage;
  const className: string | undefined = spec.storageClassName;
  const claim = spec.claimRef as { name?: string; namespace?: string } | undefined;
  return (
    <Section title={t('detail.summary')}>
      <Facts
        items={[
          obj.kind !== 'StorageClass' && status.phase && [t('storage.phase'), <span className="mono">{status.phase}</span>],
          capacity && [t('storage.capacity'), fmt.bytes(capacity)],
          spec.accessModes && [t('storage.accessModes'), <span className="mono">{formatAccessModes(spec.accessModes)}</span>],
          spec.volumeName && [t('storage.volume'), <ObjectLink context={context} kind="PersistentVolume" apiVersion="v1" name={spec.volumeName} />],
          claim?.name && [
            t('storage.claim'),
            <ObjectLink context={context} kind="PersistentVolumeClaim" apiVersion="v1" namespace={claim.namespace} name={claim.name} />,
          ],
          className && [t('storage.storageClass'), <ObjectLink context={context} kind="StorageClass" apiVersion="storage.k8s.io/v1" name={className} />],
          spec.persistentVolumeReclaimPolicy && [t('storage.reclaimPolicy'), <span className="mono">{spec.persistentVolumeReclaimPolicy}</span>],
          obj.kind === 'StorageClass' && [t('storage.provisioner'), <span className="mono">{String(obj.provisioner ?? '')}</span>],
          obj.kind === 'StorageClass' && obj.reclaimPolicy !== undefined && [t('storage.reclaimPolicy'), <span className="mono">{String(obj.reclaimPolicy)}</span>],
          obj.kind === 'StorageClass' && obj.volumeBindingMode !== undefined && [t('storage.bindingMode'), <span className="mono">{String(obj.volumeBindingMode)}</span>],
        ]}
      />
    </Section>
  );
}
