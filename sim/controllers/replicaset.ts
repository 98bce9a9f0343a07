/**
 * replicaset-controller: keeps `spec.replicas` active pods per ReplicaSet (creating from the
 * template with a controller ownerReference, deleting the least valuable first), and reports
 * replicas / fullyLabeled / ready / available in status.
 */
import { msg } from './events';
import { clone, controllerRef, deepEqual, selectorMatches } from './meta';
import type { KubeObject, LabelSelector, Pod, PodTemplateSpec } from './model';
import { isActive, isAvailable, type PodSummary } from './podSummary';
import { R } from './resources';
import type { CachedEvent, Controller, Runtime } from './runtime';

export interface ReplicaSet extends KubeObject {
  spec: { replicas?: number; minReadySeconds?: number; selector: LabelSelector; template: PodTemplateSpec };
  status?: { replicas?: number; fullyLabeledReplicas?: number; readyReplicas?: number; availableReplicas?: number; observedGeneration?: number };
}

/** Pods created per sync at most (the real controller's slow-start batches are similar). */
const BURST = 500;

/** A pod built from a workload's template, owned by `owner`. */
export function podFromTemplate(owner: KubeObject, template: PodTemplateSpec, name: { name?: string; generateName?: string }): Pod {
  const meta = clone(template.metadata ?? {});
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...name,
      namespace: owner.metadata.namespace,
      labels: meta.labels ?? {},
      ...(meta.annotations ? { annotations: meta.annotations } : {}),
      ownerReferences: [controllerRef(owner)],
    },
    spec: clone(template.spec),
  };
}

/** Deletion order (controller.ActivePods ranking): unassigned, pending, not ready, restarted, newest first. */
export function deletionRank(a: PodSummary, b: PodSummary): number {
  if (!a.nodeName !== !b.nodeName) return a.nodeName ? 1 : -1;
  const phaseRank = (p: PodSummary) => (p.phase === 'Pending' ? 0 : p.phase === 'Unknown' ? 1 : 2);
  if (phaseRank(a) !== phaseRank(b)) return phaseRank(a) - phaseRank(b);
  if (a.ready !== b.ready) return a.ready ? 1 : -1;
  if (a.restarts !== b.restarts) return b.restarts - a.restarts;
  return b.creation - a.creation;
}

/** Keys of the owning controller (of `kind`) for a pod change. */
export function ownerKeysForPod(ev: CachedEvent, kind: string, rt: Runtime): string[] {
  const out = new Set<string>();
  for (const p of [ev.pod, ev.prevPod]) {
    if (!p || p.controllerKind !== kind || !p.controllerUid) continue;
    const owner = rt.lookupUid(p.controllerUid);
    if (owner) out.add(`${owner.namespace}/${owner.name}`);
  }
  return [...out];
}

export class ReplicaSetController implements Controller {
  readonly name = 'replicaset';

  keysFor(resource: string, ev: CachedEvent, rt: Runtime): string[] {
    if (resource === R.replicaSets && ev.object && ev.type !== 'DELETED') return [`${ev.object.metadata.namespace}/${ev.object.metadata.name}`];
    if (resource === R.pods) return [...ownerKeysForPod(ev, 'ReplicaSet', rt), ...this.adoptersOf(ev, rt)];
    return [];
  }

  /**
   * ReplicaSets that may adopt the pod of this change: it has just become an orphan (created
   * without a controller, released by one, or relabelled) and their selector matches. Adoption
   * is driven by these events and by the ReplicaSet's own changes, so a sync never walks the
   * namespace's pods looking for orphans.
   */
  private adoptersOf(ev: CachedEvent, rt: Runtime): string[] {
    const p = ev.pod;
    if (!p || ev.type === 'DELETED' || p.controllerUid || !isActive(p)) return [];
    const prev = ev.prevPod;
    if (prev && !prev.controllerUid && deepEqual(prev.labels, p.labels)) return [];
    return rt.list<ReplicaSet>(R.replicaSets, p.namespace)
      .filter((rs) => !rs.metadata.deletionTimestamp && selectorMatches(rs.spec.selector, p.labels))
      .map((rs) => `${p.namespace}/${rs.metadata.name}`);
  }

  start(rt: Runtime): void {
    for (const rs of rt.list(R.replicaSets)) rt.enqueue(this.name, `${rs.metadata.namespace}/${rs.metadata.name}`);
  }

  sync(key: string, rt: Runtime): void {
    const [ns, name] = key.split('/');
    const rs = rt.get<ReplicaSet>(R.replicaSets, ns, name);
    if (!rs || rs.metadata.deletionTimestamp) return;
    const uid = rs.metadata.uid ?? '';
    this.adoptOrphans(rs, rt);
    const owned = () => rt.podsOwnedBy(uid).filter((p) => p.controllerUid === uid);
    const active = owned().filter(isActive);
    const desired = rs.spec.replicas ?? 1;
    const diff = desired - active.length;
    if (diff > 0) {
      for (let i = 0; i < Math.min(diff, BURST); i++) {
        const pod = rt.create(R.pods, podFromTemplate(rs, rs.spec.template, { generateName: `${name}-` }));
        rt.event(rs, 'Normal', 'SuccessfulCreate', msg.createdPod(pod.metadata.name ?? ''), 'replicaset-controller');
      }
      if (diff > BURST) rt.enqueue(this.name, key);
    } else if (diff < 0) {
      for (const victim of [...active].sort(deletionRank).slice(0, -diff)) {
        rt.remove(R.pods, ns, victim.name, { preconditions: { uid: victim.uid } });
        rt.event(rs, 'Normal', 'SuccessfulDelete', msg.deletedPod(victim.name), 'replicaset-controller');
      }
    }
    this.updateStatus(rs, owned(), rt);
  }

  /** Pods matching the selector with no controller are adopted (as the real controller does). */
  private adoptOrphans(rs: ReplicaSet, rt: Runtime): void {
    for (const p of rt.orphanPods(rs.metadata.namespace ?? '')) {
      if (p.controllerUid || !isActive(p) || !selectorMatches(rs.spec.selector, p.labels)) continue;
      const pod = rt.getPod(p.namespace, p.name);
      if (!pod || pod.metadata.ownerReferences?.some((r) => r.controller)) continue;
      rt.update(R.pods, { ...pod, metadata: { ...pod.metadata, ownerReferences: [...(pod.metadata.ownerReferences ?? []), controllerRef(rs)] } });
    }
  }

  private updateStatus(rs: ReplicaSet, pods: PodSummary[], rt: Runtime): void {
    const now = rt.now();
    const active = pods.filter(isActive);
    const minReady = rs.spec.minReadySeconds ?? 0;
    const templateLabels = rs.spec.template.metadata?.labels ?? {};
    const status = {
      replicas: active.length,
      fullyLabeledReplicas: active.filter((p) => Object.entries(templateLabels).every(([k, v]) => p.labels[k] === v)).length,
      readyReplicas: active.filter((p) => p.ready).length,
      availableReplicas: active.filter((p) => isAvailable(p, minReady, now)).length,
      observedGeneration: rs.metadata.generation ?? 1,
    };
    // Kubernetes omits zero counts (omitempty) except replicas.
    const clean = Object.fromEntries(Object.entries(status).filter(([k, v]) => k === 'replicas' || v !== 0));
    if (JSON.stringify(clean) !== JSON.stringify(rs.status ?? {})) rt.updateStatus(R.replicaSets, { ...rs, status: clean });
    // Ready but not yet available (minReadySeconds, real seconds): look again when they will be.
    const waiting = active.filter((p) => p.ready && !isAvailable(p, minReady, now));
    if (waiting.length) rt.enqueue(this.name, `${rs.metadata.namespace}/${rs.metadata.name}`, minReady * 1000 * rt.speed);
  }
}
