/** The kind-specific part of a detail view. */
import type { KubeObject } from '../../../../app/kube/object';
import { ConfigMapData } from './ConfigDataSummary';
import { NodeSummary } from './NodeSummary';
import { PodSummary } from './PodSummary';
import { SecretData } from './SecretDataSummary';
import { ServiceSummary } from './ServiceSummary';
import { StorageSummary } from './StorageSummary';
import { WorkloadSummary } from './WorkloadSummary';

const WORKLOADS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'ReplicationController']);
const STORAGE = new Set(['PersistentVolumeClaim', 'PersistentVolume', 'StorageClass']);

export function KindSummary({ context, obj }: { context: string; obj: KubeObject }) {
  const kind = obj.kind ?? '';
  if (kind === 'Pod') return <PodSummary context={context} obj={obj} />;
  if (WORKLOADS.has(kind)) return <WorkloadSummary obj={obj} />;
  if (kind === 'Service') return <ServiceSummary obj={obj} />;
  if (STORAGE.has(kind)) return <StorageSummary context={context} obj={obj} />;
  if (kind === 'Node') return <NodeSummary obj={obj} />;
  if (kind === 'ConfigMap') return <ConfigMapData obj={obj} />;
  if (kind === 'Secret') return <SecretData context={context} obj={obj} />;
  return null;
}
