/**
 * default-scheduler: binds pending pods to nodes (see scheduling.ts for the decision), waits
 * for their immediate-binding PVCs, and reports unschedulable pods with a FailedScheduling
 * event and a PodScheduled=False/Unschedulable condition, retrying as a real scheduler does.
 */
import type { KubeObject as CoreObject } from '../types';
import type { NodeObject, Pod, PodCondition } from './model';
import { rfc3339 } from './model';
import { isActive } from './podSummary';
import { R } from './resources';
import type { Controller, Runtime } from './runtime';
import { chooseNode } from './scheduling';
import { defaultStorageClass } from './volumes';

/** Unschedulable pods are retried this often (sim ms; the real queue flushes every 5 min at most). */
const RETRY_MS = 30_000;

export class Scheduler implements Controller {
  readonly name = 'scheduler';

  keysFor(resource: string, ev: Parameters<Controller['keysFor']>[1], rt: Runtime): string[] {
    if (resource === R.pods && ev.pod && ev.type !== 'DELETED') {
      return !ev.pod.nodeName && !ev.pod.deleting ? [`${ev.pod.namespace}/${ev.pod.name}`] : [];
    }
    // A node change or a freed pod slot or a bound claim may make room: retry all pending pods.
    const relevant = resource === R.nodes || resource === R.persistentVolumeClaims || (resource === R.pods && ev.type === 'DELETED');
    return relevant ? this.pendingKeys(rt) : [];
  }

  start(rt: Runtime): void {
    for (const k of this.pendingKeys(rt)) rt.enqueue(this.name, k);
  }

  private pendingKeys(rt: Runtime): string[] {
    const out: string[] = [];
    for (const p of rt.podsWithoutNode()) if (!p.deleting && isActive(p)) out.push(`${p.namespace}/${p.name}`);
    return out;
  }

  sync(key: string, rt: Runtime): void {
    const summary = rt.pods.get(key);
    if (!summary || summary.nodeName || summary.deleting) return;
    const pod = rt.getPod(summary.namespace, summary.name);
    if (!pod || (pod.spec.schedulerName && pod.spec.schedulerName !== 'default-scheduler')) return;
    const nodes = rt.list<NodeObject>(R.nodes);
    const claimProblem = this.unboundClaims(pod, rt);
    const result = claimProblem
      ? { message: `0/${nodes.length} nodes are available: ${claimProblem}. preemption: 0/${nodes.length} nodes are available: ${nodes.length} Preemption is not helpful for scheduling.` }
      : chooseNode(pod, nodes, (node) => {
          const u = { cpu: 0, memory: 0, pods: 0 };
          for (const p of rt.podsOnNode(node)) {
            if (!isActive(p)) continue;
            u.cpu += p.cpu;
            u.memory += p.memory;
            u.pods += 1;
          }
          return u;
        }, (node) => (summary.controllerUid ? rt.podsOnNode(node).filter((p) => p.controllerUid === summary.controllerUid && isActive(p)).length : 0));
    const now = rfc3339(rt.now());
    if ('node' in result) {
      this.bind(pod, result.node, now, rt);
      rt.event(pod, 'Normal', 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${result.node}`, 'default-scheduler');
      return;
    }
    const cond: PodCondition = { type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: now, reason: 'Unschedulable', message: result.message };
    const prev = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    if (prev?.status === 'False' && prev.message === result.message) cond.lastTransitionTime = prev.lastTransitionTime;
    const status = { ...(pod.status ?? {}), phase: 'Pending' as const, conditions: [cond] };
    if (JSON.stringify(status) !== JSON.stringify(pod.status)) rt.updateStatus(R.pods, { ...pod, status });
    rt.event(pod, 'Warning', 'FailedScheduling', result.message, 'default-scheduler');
    rt.enqueue(this.name, key, RETRY_MS);
  }

  /** The binding subresource's effect: spec.nodeName set and PodScheduled=True, in one write. */
  private bind(pod: Pod, node: string, now: string, rt: Runtime): void {
    // Written through the store: the API (rightly) forbids changing spec.nodeName by update.
    const stored = rt.ctx.store.get(R.pods, pod.metadata.namespace ?? '', pod.metadata.name ?? '');
    if (!stored) return;
    const fresh = stored.parse() as unknown as Pod;
    if (fresh.spec.nodeName) return;
    fresh.spec.nodeName = node;
    const conditions = (fresh.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
    conditions.push({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now });
    fresh.status = { ...(fresh.status ?? {}), phase: 'Pending', conditions };
    rt.ctx.store.update(R.pods, fresh as unknown as CoreObject, stored.rev);
  }

  /** Why the pod's claims keep it off every node, or undefined when they are fine. */
  private unboundClaims(pod: Pod, rt: Runtime): string | undefined {
    for (const v of pod.spec.volumes ?? []) {
      const claim = v.persistentVolumeClaim?.claimName;
      if (!claim) continue;
      const pvc = rt.get<KubeObjectWithPhase>(R.persistentVolumeClaims, pod.metadata.namespace, claim);
      if (!pvc) return `persistentvolumeclaim "${claim}" not found`;
      if (pvc.status?.phase === 'Bound') continue;
      const scName = pvc.spec?.storageClassName ?? defaultStorageClass(rt)?.metadata.name;
      const sc = scName ? rt.get<KubeObjectWithMode>(R.storageClasses, undefined, scName) : undefined;
      if (sc?.volumeBindingMode === 'WaitForFirstConsumer') continue;
      return 'pod has unbound immediate PersistentVolumeClaims';
    }
    return undefined;
  }
}

interface KubeObjectWithPhase extends CoreObjectLike {
  spec?: { storageClassName?: string };
  status?: { phase?: string };
}
interface KubeObjectWithMode extends CoreObjectLike {
  volumeBindingMode?: string;
}
interface CoreObjectLike {
  apiVersion: string;
  kind: string;
  metadata: { name?: string; namespace?: string };
  [key: string]: unknown;
}
