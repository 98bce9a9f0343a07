/** Pure summaries behind the Overview: workloads off target, notable events (state counts come from main: app/watch/stateTally). */
import type { KubeObject } from '../../../app/kube/object';
import { eventLastSeen } from '../../../app/kinds/clusterKinds';
import { isWorkloadHealthy, workloadReplicas, type WorkloadReplicas } from '../../../app/kinds/workloads';

export interface OffTarget {
  obj: KubeObject;
  replicas: WorkloadReplicas;
}

/** Workloads (with kind set) that are not at their desired replicas, most missing first. */
export function workloadsOffTarget(workloads: Iterable<KubeObject>): OffTarget[] {
  const out: OffTarget[] = [];
  for (const obj of workloads) {
    const replicas = workloadReplicas(obj);
    if (replicas && !isWorkloadHealthy(obj)) out.push({ obj, replicas });
  }
  return out.sort((a, b) => b.replicas.desired - b.replicas.ready - (a.replicas.desired - a.replicas.ready) || a.obj.metadata.name.localeCompare(b.obj.metadata.name));
}

/** The most recent events (optionally only of one type), newest first. */
export function latestEvents(events: Iterable<KubeObject>, limit: number, type?: string): KubeObject[] {
  const list: Array<[string, KubeObject]> = [];
  for (const e of events) if (!type || e.type === type) list.push([eventLastSeen(e) ?? '', e]);
  return list.sort((a, b) => (a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : 0)).slice(0, limit).map(([, e]) => e);
}

/** Sets kind on list items (the API omits it there) so kind-aware helpers work. */
export function withKind(objs: Iterable<KubeObject>, kind: string): KubeObject[] {
  const out: KubeObject[] = [];
  for (const o of objs) out.push(o.kind ? o : { ...o, kind });
  return out;
}
