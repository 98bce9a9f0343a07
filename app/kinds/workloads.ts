/** Replica counts and health of workload controllers, read from their status as kubectl does. */
import type { KubeObject } from '../kube/object';

export interface WorkloadReplicas {
  /** Replicas asked for (spec.replicas, or pods a DaemonSet should run). */
  desired: number;
  /** Pods that exist (status.replicas / currentNumberScheduled). */
  current: number;
  ready: number;
  available: number;
  /** Pods of the latest template (updatedReplicas); equals current for ReplicaSets (they have one template). */
  upToDate: number;
}

function n(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/**
 * Replica counts of a Deployment, ReplicaSet, StatefulSet, DaemonSet or ReplicationController;
 * undefined for other kinds. spec.replicas defaults to 1 as the API server defaults it.
 */
export function workloadReplicas(obj: KubeObject): WorkloadReplicas | undefined {
  const spec = obj.spec ?? {};
  const status = obj.status ?? {};
  const desiredReplicas = typeof spec.replicas === 'number' ? spec.replicas : 1;
  switch (obj.kind) {
    case 'Deployment':
    case 'StatefulSet':
      return {
        desired: desiredReplicas,
        current: n(status.replicas),
        ready: n(status.readyReplicas),
        available: n(status.availableReplicas),
        upToDate: n(status.updatedReplicas),
      };
    case 'ReplicaSet':
    case 'ReplicationController':
      return {
        desired: desiredReplicas,
        current: n(status.replicas),
        ready: n(status.readyReplicas),
        available: n(status.availableReplicas),
        upToDate: n(status.replicas),
      };
    case 'DaemonSet':
      return {
        desired: n(status.desiredNumberScheduled),
        current: n(status.currentNumberScheduled),
        ready: n(status.numberReady),
        available: n(status.numberAvailable),
        upToDate: n(status.updatedNumberScheduled),
      };
    default:
      return undefined;
  }
}

function hasTrueCondition(obj: KubeObject, type: string): boolean {
  const conditions: unknown = obj.status?.conditions;
  return Array.isArray(conditions) && conditions.some((c) => c?.type === type && c?.status === 'True');
}

/** Job state as kubectl 1.30+ prints its STATUS column (Complete, Failed, Terminating, Suspended, FailureTarget, Running). */
export function jobStatus(job: KubeObject): string {
  // kubectl's order of precedence (printJob).
  if (hasTrueCondition(job, 'Complete')) return 'Complete';
  if (hasTrueCondition(job, 'Failed')) return 'Failed';
  if (job.metadata.deletionTimestamp) return 'Terminating';
  if (hasTrueCondition(job, 'Suspended')) return 'Suspended';
  if (hasTrueCondition(job, 'FailureTarget')) return 'FailureTarget';
  if (hasTrueCondition(job, 'SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  return 'Running';
}

/**
 * Whether a workload is where it should be: all desired replicas ready, available and of the
 * latest template, and the controller has seen the latest spec. Jobs are healthy unless failed;
 * other kinds are always healthy. Used by the overview's "not at desired replicas".
 */
export function isWorkloadHealthy(obj: KubeObject): boolean {
  if (obj.kind === 'Job') return !hasTrueCondition(obj, 'Failed');
  const r = workloadReplicas(obj);
  if (!r) return true;
  const generation = obj.metadata.generation;
  const observed = obj.status?.observedGeneration;
  if (typeof generation === 'number' && typeof observed === 'number' && observed < generation) return false;
  if (obj.kind === 'Deployment' && obj.spec?.paused) return r.ready >= r.desired && r.available >= r.desired;
  return r.ready >= r.desired && r.available >= r.desired && r.upToDate >= r.desired;
}
