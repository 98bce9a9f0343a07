/**
 * What the controllers need from the simulator's store, and nothing more.
 *
 * Controllers run in-process: they read the store, write through it (so watchers see every
 * change with a fresh resourceVersion), and follow its change feed. `adapter.ts` maps sim-core's
 * store onto this port; tests of pure logic need neither.
 */
import type { KubeObject } from './model';

/** A resource type as controllers name it: apiVersion + kind (e.g. apps/v1 Deployment). */
export interface TypeRef {
  apiVersion: string;
  kind: string;
}

export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface ChangeEvent {
  type: ChangeType;
  object: KubeObject;
}

export interface DeleteOptions {
  /** Orphan | Background | Foreground, as the API's DeleteOptions.propagationPolicy. */
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground';
  /** 0 removes a pod at once (what the kubelet does when its containers are gone). */
  gracePeriodSeconds?: number;
  /** Precondition: only delete this exact object (never a recreated one of the same name). */
  uid?: string;
}

export interface ClusterPort {
  list(type: TypeRef, namespace?: string): KubeObject[];
  get(type: TypeRef, namespace: string | undefined, name: string): KubeObject | undefined;
  /** Creates an object (metadata.generateName honoured); returns what was stored. */
  create(obj: KubeObject): KubeObject;
  /** Replaces an object, status included; throws a Conflict error when resourceVersion is stale. */
  update(obj: KubeObject): KubeObject;
  /** Deletes as the API would (finalizers and graceful pod deletion honoured). Missing → no error. */
  remove(type: TypeRef, namespace: string | undefined, name: string, options?: DeleteOptions): void;
  /** Follows every change, in order. Returns an unsubscribe function. */
  watch(listener: (event: ChangeEvent) => void): () => void;
}

export const T = {
  Namespace: { apiVersion: 'v1', kind: 'Namespace' },
  Node: { apiVersion: 'v1', kind: 'Node' },
  Pod: { apiVersion: 'v1', kind: 'Pod' },
  Service: { apiVersion: 'v1', kind: 'Service' },
  Endpoints: { apiVersion: 'v1', kind: 'Endpoints' },
  EndpointSlice: { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice' },
  Event: { apiVersion: 'v1', kind: 'Event' },
  PersistentVolume: { apiVersion: 'v1', kind: 'PersistentVolume' },
  PersistentVolumeClaim: { apiVersion: 'v1', kind: 'PersistentVolumeClaim' },
  StorageClass: { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass' },
  Deployment: { apiVersion: 'apps/v1', kind: 'Deployment' },
  ReplicaSet: { apiVersion: 'apps/v1', kind: 'ReplicaSet' },
  StatefulSet: { apiVersion: 'apps/v1', kind: 'StatefulSet' },
  DaemonSet: { apiVersion: 'apps/v1', kind: 'DaemonSet' },
  ControllerRevision: { apiVersion: 'apps/v1', kind: 'ControllerRevision' },
  Job: { apiVersion: 'batch/v1', kind: 'Job' },
  CronJob: { apiVersion: 'batch/v1', kind: 'CronJob' },
  HorizontalPodAutoscaler: { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler' },
} satisfies Record<string, TypeRef>;

/** `apps/v1 Deployment` → `apps/Deployment` (version-free key: one store entry serves all versions). */
export function typeKey(t: TypeRef): string {
  const slash = t.apiVersion.indexOf('/');
  const group = slash < 0 ? '' : t.apiVersion.slice(0, slash);
  return `${group}/${t.kind}`;
}

export function typeOf(obj: KubeObject): TypeRef {
  return { apiVersion: obj.apiVersion, kind: obj.kind };
}

/** An error a port throws for a stale write; controllers requeue on it. */
export function isConflict(err: unknown): boolean {
  const e = err as { code?: number; status?: number; reason?: string } | undefined;
  return e?.code === 409 || e?.status === 409 || e?.reason === 'Conflict' || e?.reason === 'AlreadyExists';
}

export function isNotFound(err: unknown): boolean {
  const e = err as { code?: number; status?: number; reason?: string } | undefined;
  return e?.code === 404 || e?.status === 404 || e?.reason === 'NotFound';
}
