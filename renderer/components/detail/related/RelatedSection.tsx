/**
 * Related objects, live: Deployment → ReplicaSets → Pods; workload → Pods; CronJob → Jobs;
 * Service → selected Pods; PVC ↔ Pods and PV; ConfigMap/Secret → Pods using them; Node → Pods;
 * Pod → what it mounts and its node.
 */
import { useMemo, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { KubeObject } from '../../../../app/kube/object';
import { useWatchList } from '../../../bridge/useWatchList';
import { Section } from '../Section';
import { ownedBy, ownedByAny, podReferences, podsOnNode, podsReferencingConfigMap, podsReferencingSecret, podsSelectedBy, podsUsingPvc } from '../../../../app/kinds/relations';
import { itemsOf, RelatedList, type RelatedItem } from './RelatedList';

const PODS = { group: '', version: 'v1', resource: 'pods' };
const REPLICASETS = { group: 'apps', version: 'v1', resource: 'replicasets' };
const JOBS = { group: 'batch', version: 'v1', resource: 'jobs' };
const POD_OWNERS = new Set(['ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'ReplicationController']);
/** Pods that use a PVC, ConfigMap or Secret (volumes, environment, image pull). */
const USERS_OF = { PersistentVolumeClaim: podsUsingPvc, ConfigMap: podsReferencingConfigMap, Secret: podsReferencingSecret } as const;

export function RelatedSection({ context, obj }: { context: string; obj: KubeObject }) {
  const { t } = useTranslation();
  const kind = obj.kind ?? '';
  let body: ReactElement | null = null;
  if (kind === 'Deployment') body = <DeploymentRelated context={context} obj={obj} />;
  else if (POD_OWNERS.has(kind)) body = <OwnedPods context={context} obj={obj} />;
  else if (kind === 'CronJob') body = <OwnedJobs context={context} obj={obj} />;
  else if (kind === 'Service') body = <ServicePods context={context} obj={obj} />;
  else if (kind === 'PersistentVolumeClaim' || kind === 'ConfigMap' || kind === 'Secret') body = <ReferencingPods context={context} obj={obj} kind={kind} />;
  else if (kind === 'Node') body = <NodePods context={context} obj={obj} />;
  else if (kind === 'Pod') body = <PodUses context={context} obj={obj} />;
  if (!body) return null;
  return <Section title={t('detail.related')}>{body}</Section>;
}

type Props = { context: string; obj: KubeObject };

function DeploymentRelated({ context, obj }: Props) {
  const { t } = useTranslation();
  const ns = obj.metadata.namespace;
  const rsList = useWatchList({ context, ref: REPLICASETS, namespace: ns });
  const podList = useWatchList({ context, ref: PODS, namespace: ns });
  const replicaSets = useMemo(() => ownedBy(obj, rsList.items.values()), [rsList.items, obj]);
  const pods = useMemo(() => ownedByAny(new Set(replicaSets.map((rs) => rs.metadata.uid)), podList.items.values()), [podList.items, replicaSets]);
  return (
    <>
      <RelatedList context={context} title={t('related.replicaSets')} items={itemsOf(replicaSets, 'ReplicaSet', 'apps/v1')} loading={!rsList.synced} />
      <RelatedList context={context} title={t('related.pods')} items={itemsOf(pods, 'Pod', 'v1')} loading={!podList.synced} />
    </>
  );
}

function OwnedPods({ context, obj }: Props) {
  const { t } = useTranslation();
  const list = useWatchList({ context, ref: PODS, namespace: obj.metadata.namespace });
  const pods = useMemo(() => ownedBy(obj, list.items.values()), [list.items, obj]);
  return <RelatedList context={context} title={t('related.pods')} items={itemsOf(pods, 'Pod', 'v1')} loading={!list.synced} />;
}

function OwnedJobs({ context, obj }: Props) {
  const { t } = useTranslation();
  const list = useWatchList({ context, ref: JOBS, namespace: obj.metadata.namespace });
  const jobs = useMemo(() => ownedBy(obj, list.items.values()), [list.items, obj]);
  return <RelatedList context={context} title={t('kind.jobs')} items={itemsOf(jobs, 'Job', 'batch/v1')} loading={!list.synced} />;
}

function ServicePods({ context, obj }: Props) {
  const { t } = useTranslation();
  const list = useWatchList({ context, ref: PODS, namespace: obj.metadata.namespace });
  const pods = useMemo(() => podsSelectedBy(obj, list.items.values()), [list.items, obj]);
  return <RelatedList context={context} title={t('related.selectedPods')} items={itemsOf(pods, 'Pod', 'v1')} loading={!list.synced} />;
}

function ReferencingPods({ context, obj, kind }: Props & { kind: 'PersistentVolumeClaim' | 'ConfigMap' | 'Secret' }) {
  const { t } = useTranslation();
  const list = useWatchList({ context, ref: PODS, namespace: obj.metadata.namespace });
  const pods = useMemo(() => USERS_OF[kind](obj, list.items.values()), [list.items, obj, kind]);
  const volume: string | undefined = kind === 'PersistentVolumeClaim' ? obj.spec?.volumeName : undefined;
  return (
    <>
      <RelatedList context={context} title={t('related.mountedBy')} items={itemsOf(pods, 'Pod', 'v1')} loading={!list.synced} />
      {volume && <RelatedList context={context} title={t('related.volume')} items={[{ kind: 'PersistentVolume', apiVersion: 'v1', name: volume }]} />}
    </>
  );
}

function NodePods({ context, obj }: Props) {
  const { t } = useTranslation();
  const list = useWatchList({ context, ref: PODS, fieldSelector: `spec.nodeName=${obj.metadata.name}` });
  // The field selector already narrows the watch; match again rather than trust it.
  const pods = useMemo(() => podsOnNode(obj, list.items.values()), [list.items, obj]);
  return <RelatedList context={context} title={t('node.podsOnNode')} items={itemsOf(pods, 'Pod', 'v1')} loading={!list.synced} />;
}

function PodUses({ context, obj }: Props) {
  const { t } = useTranslation();
  const refs = podReferences(obj);
  const ns = obj.metadata.namespace;
  const named = (names: string[], kind: string): RelatedItem[] => names.map((name) => ({ kind, apiVersion: 'v1', namespace: ns, name }));
  return (
    <>
      <RelatedList context={context} title={t('related.claims')} items={named(refs.persistentVolumeClaims, 'PersistentVolumeClaim')} />
      <RelatedList context={context} title={t('kind.configmaps')} items={named(refs.configMaps, 'ConfigMap')} />
      <RelatedList context={context} title={t('kind.secrets')} items={named(refs.secrets, 'Secret')} />
    </>
  );
}
