/** Storage: PersistentVolumeClaims, PersistentVolumes, StorageClasses. */
import type { KubeObject } from '../kube/object';
import { tryParseQuantity } from '../format/quantity';
import { ageColumn, nameColumn, namespaceColumn, oneOf, statusColumn, textColumn } from './columns';
import type { ColumnDef, ResourceKindInfo } from './types';

const ACCESS_MODE_SHORT: Readonly<Record<string, string>> = {
  ReadWriteOnce: 'RWO',
  ReadOnlyMany: 'ROX',
  ReadWriteMany: 'RWX',
  ReadWriteOncePod: 'RWOP',
};

/** ACCESS MODES as kubectl abbreviates them: "RWO,ROX". */
export function formatAccessModes(modes: unknown): string {
  if (!Array.isArray(modes)) return '';
  const seen = new Set<string>();
  for (const m of modes) if (typeof m === 'string') seen.add(ACCESS_MODE_SHORT[m] ?? m);
  // kubectl prints them in a fixed order, not as listed.
  const order = ['RWO', 'ROX', 'RWX', 'RWOP'];
  return [...seen].sort((a, b) => order.indexOf(a) - order.indexOf(b)).join(',');
}

/** A storage size column: raw quantity text ("10Gi"), sorted by bytes. */
function capacityColumn(get: (o: KubeObject) => string | undefined): ColumnDef {
  return {
    id: 'capacity',
    titleKey: 'column.capacity',
    value: get,
    sortValue: (o) => tryParseQuantity(get(o)) ?? -1,
    numeric: true,
  };
}

const UNSET = '<unset>';

/** Storage class of a PVC or PV: the legacy beta annotation wins over spec.storageClassName, as in kubectl. */
export function storageClassName(o: KubeObject): string | undefined {
  return o.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? o.spec?.storageClassName;
}

/** Whether a StorageClass is the cluster default (the annotations kubectl checks). */
export function isDefaultStorageClass(sc: KubeObject): boolean {
  const a = sc.metadata.annotations ?? {};
  return a['storageclass.kubernetes.io/is-default-class'] === 'true' || a['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
}

export const STORAGE_KINDS: ResourceKindInfo[] = [
  {
    id: 'persistentvolumeclaims', group: '', version: 'v1', resource: 'persistentvolumeclaims', kind: 'PersistentVolumeClaim', namespaced: true, area: 'storage', titleKey: 'kind.persistentvolumeclaims', shortNames: ['pvc'],
    columns: [
      nameColumn,
      namespaceColumn,
      statusColumn((o) => (o.metadata.deletionTimestamp ? 'Terminating' : o.status?.phase), oneOf('Lost')),
      textColumn('volume', 'column.volume', (o) => o.spec?.volumeName),
      // Capacity and access modes are shown only once bound, as kubectl does.
      capacityColumn((o) => (o.spec?.volumeName ? o.status?.capacity?.storage : undefined)),
      textColumn('accessModes', 'column.accessModes', (o) => (o.spec?.volumeName ? formatAccessModes(o.status?.accessModes) : '')),
      textColumn('storageClass', 'column.storageClass', storageClassName),
      textColumn('volumeAttributesClass', 'column.volumeAttributesClass', (o) => o.spec?.volumeAttributesClassName ?? UNSET),
      ageColumn,
      textColumn('volumeMode', 'column.volumeMode', (o) => o.spec?.volumeMode ?? UNSET, true),
    ],
  },
  {
    id: 'persistentvolumes', group: '', version: 'v1', resource: 'persistentvolumes', kind: 'PersistentVolume', namespaced: false, area: 'storage', titleKey: 'kind.persistentvolumes', shortNames: ['pv'],
    columns: [
      nameColumn,
      capacityColumn((o) => o.spec?.capacity?.storage),
      textColumn('accessModes', 'column.accessModes', (o) => formatAccessModes(o.spec?.accessModes)),
      textColumn('reclaimPolicy', 'column.reclaimPolicy', (o) => o.spec?.persistentVolumeReclaimPolicy),
      statusColumn((o) => (o.metadata.deletionTimestamp ? 'Terminating' : o.status?.phase), oneOf('Failed')),
      textColumn('claim', 'column.claim', (o) => (o.spec?.claimRef ? `${o.spec.claimRef.namespace}/${o.spec.claimRef.name}` : '')),
      textColumn('storageClass', 'column.storageClass', storageClassName),
      textColumn('volumeAttributesClass', 'column.volumeAttributesClass', (o) => o.spec?.volumeAttributesClassName ?? UNSET),
      textColumn('reason', 'column.reason', (o) => o.status?.reason),
      ageColumn,
      textColumn('volumeMode', 'column.volumeMode', (o) => o.spec?.volumeMode ?? UNSET, true),
    ],
  },
  {
    id: 'storageclasses', group: 'storage.k8s.io', version: 'v1', resource: 'storageclasses', kind: 'StorageClass', namespaced: false, area: 'storage', titleKey: 'kind.storageclasses', shortNames: ['sc'],
    columns: [
      // kubectl marks the default class in the NAME column.
      { id: 'name', titleKey: 'column.name', value: (o) => (isDefaultStorageClass(o) ? `${o.metadata.name} (default)` : o.metadata.name), sortValue: (o) => o.metadata.name },
      textColumn('provisioner', 'column.provisioner', (o) => o.provisioner as string | undefined),
      textColumn('reclaimPolicy', 'column.reclaimPolicy', (o) => (o.reclaimPolicy as string | undefined) ?? 'Delete'),
      textColumn('volumeBindingMode', 'column.volumeBindingMode', (o) => (o.volumeBindingMode as string | undefined) ?? 'Immediate'),
      textColumn('allowVolumeExpansion', 'column.allowVolumeExpansion', (o) => (o.allowVolumeExpansion ? 'true' : 'false')),
      ageColumn,
    ],
  },
];
