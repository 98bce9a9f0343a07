/**
 * daemonset-controller: one pod per eligible node (Ready, nodeSelector matched, NoSchedule /
 * NoExecute taints tolerated — with the tolerations DaemonSet pods get automatically), pods
 * removed from nodes that stop being eligible, RollingUpdate within maxUnavailable, and the
 * status `kubectl rollout status daemonset` reads.
 */
import { msg } from './events';
import type { KubeObject, LabelSelector, NodeObject, PodTemplateSpec, Toleration } from './model';
import { isActive, type PodSummary } from './podSummary';
import { ownerKeysForPod, podFromTemplate } from './replicaset';
import { R } from './resources';
import { ensureRevision, REVISION_HASH_LABEL } from './revisions';
import type { CachedEvent, Controller, Runtime } from './runtime';
import { nodeIsReady, untoleratedTaint } from './scheduling';
import { resolveIntOrPercent } from './rollout';

export interface DaemonSet extends KubeObject {
  spec: {
    selector: LabelSelector;
    template: PodTemplateSpec;
    updateStrategy?: { type?: string; rollingUpdate?: { maxUnavailable?: number | string } };
    minReadySeconds?: number;
  };
  status?: Record<string, unknown>;
}

/** Tolerations the DaemonSet controller adds to every daemon pod. */
export const DAEMON_TOLERATIONS: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
];

export function nodeEligible(ds: DaemonSet, node: NodeObject): boolean {
  if (!nodeIsReady(node)) return false;
  const labels = node.metadata.labels ?? {};
  if (!Object.entries(ds.spec.template.spec.nodeSelector ?? {}).every(([k, v]) => labels[k] === v)) return false;
  const spec = { ...ds.spec.template.spec, tolerations: [...(ds.spec.template.spec.tolerations ?? []), ...DAEMON_TOLERATIONS] };
  return !untoleratedTaint(spec, node);
}

export class DaemonSetController implements Controller {
  readonly name = 'daemonset';

  keysFor(resource: string, ev: CachedEvent, rt: Runtime): string[] {
    if (resource === R.daemonSets && ev.object && ev.type !== 'DELETED') return [`${ev.object.metadata.namespace}/${ev.object.metadata.name}`];
    if (resource === R.pods) return ownerKeysForPod(ev, 'DaemonSet', rt);
    if (resource === R.nodes) return rt.list(R.daemonSets).map((d) => `${d.metadata.namespace}/${d.metadata.name}`);
    return [];
  }

  start(rt: Runtime): void {
    for (const d of rt.list(R.daemonSets)) rt.enqueue(this.name, `${d.metadata.namespace}/${d.metadata.name}`);
  }

  sync(key: string, rt: Runtime): void {
    const [ns, name] = key.split('/');
    const ds = rt.get<DaemonSet>(R.daemonSets, ns, name);
    if (!ds || ds.metadata.deletionTimestamp) return;
    const uid = ds.metadata.uid ?? '';
    const revision = ensureRevision(ds, ds.spec.template, rt).name;
    const nodes = rt.list<NodeObject>(R.nodes);
    const eligible = new Set(nodes.filter((n) => nodeEligible(ds, n)).map((n) => n.metadata.name ?? ''));
    const owned = () => rt.podsOwnedBy(uid).filter((p) => p.controllerUid === uid && isActive(p));
    const byNode = new Map<string, PodSummary[]>();
    for (const p of owned()) byNode.set(p.nodeName, [...(byNode.get(p.nodeName) ?? []), p]);

    for (const node of eligible) if (!byNode.has(node)) this.createPod(ds, node, revision, rt);
    for (const [node, pods] of byNode) {
      const surplus = eligible.has(node) ? pods.slice(1) : pods;
      for (const p of surplus) this.deletePod(ds, p, rt);
    }
    if ((ds.spec.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate') {
      const pods = owned().filter((p) => eligible.has(p.nodeName));
      const maxUnavailable = Math.max(1, resolveIntOrPercent(ds.spec.updateStrategy?.rollingUpdate?.maxUnavailable, eligible.size, true, '1'));
      const unavailable = eligible.size - pods.filter((p) => p.ready).length;
      const outdated = pods.filter((p) => p.labels[REVISION_HASH_LABEL] !== revision && p.ready);
      for (const p of outdated.slice(0, Math.max(0, maxUnavailable - unavailable))) this.deletePod(ds, p, rt);
    }
    this.writeStatus(ds, owned(), eligible, revision, rt);
  }

  private createPod(ds: DaemonSet, node: string, revision: string, rt: Runtime): void {
    const pod = podFromTemplate(ds, ds.spec.template, { generateName: `${ds.metadata.name}-` });
    pod.metadata.labels = { ...pod.metadata.labels, [REVISION_HASH_LABEL]: revision, 'pod-template-generation': String(ds.metadata.generation ?? 1) };
    pod.spec.tolerations = [...(pod.spec.tolerations ?? []), ...DAEMON_TOLERATIONS];
    pod.spec.affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }] } } };
    // The scheduler would bind it by that affinity; binding directly is the same outcome.
    pod.spec.nodeName = node;
    const created = rt.create(R.pods, pod);
    rt.event(ds, 'Normal', 'SuccessfulCreate', msg.createdPod(created.metadata.name ?? ''), 'daemonset-controller');
    rt.event(created, 'Normal', 'Scheduled', `Successfully assigned ${created.metadata.namespace}/${created.metadata.name} to ${node}`, 'default-scheduler');
  }

  private deletePod(ds: DaemonSet, p: PodSummary, rt: Runtime): void {
    if (p.deleting) return;
    rt.remove(R.pods, p.namespace, p.name, { preconditions: { uid: p.uid } });
    rt.event(ds, 'Normal', 'SuccessfulDelete', msg.deletedPod(p.name), 'daemonset-controller');
  }

  private writeStatus(ds: DaemonSet, pods: PodSummary[], eligible: Set<string>, revision: string, rt: Runtime): void {
    const scheduled = pods.filter((p) => eligible.has(p.nodeName));
    const ready = scheduled.filter((p) => p.ready).length;
    const status: Record<string, unknown> = {
      currentNumberScheduled: scheduled.length,
      numberMisscheduled: pods.length - scheduled.length,
      desiredNumberScheduled: eligible.size,
      numberReady: ready,
      observedGeneration: ds.metadata.generation ?? 1,
      updatedNumberScheduled: scheduled.filter((p) => p.labels[REVISION_HASH_LABEL] === revision).length,
      numberAvailable: ready,
      numberUnavailable: Math.max(0, eligible.size - ready),
    };
    for (const k of ['numberAvailable', 'numberUnavailable', 'updatedNumberScheduled']) if (status[k] === 0) delete status[k];
    if (JSON.stringify(status) !== JSON.stringify(ds.status ?? {})) rt.updateStatus(R.daemonSets, { ...ds, status });
  }
}
