/**
 * Resource keys (as sim-core's store names types: plural, or plural.group) for what the
 * controllers read and write, and helpers to go from an object or ownerReference to its key.
 */
import type { ResourceRegistry } from '../types';

export const R = {
  namespaces: 'namespaces',
  nodes: 'nodes',
  pods: 'pods',
  services: 'services',
  endpoints: 'endpoints',
  endpointSlices: 'endpointslices.discovery.k8s.io',
  events: 'events',
  configMaps: 'configmaps',
  secrets: 'secrets',
  serviceAccounts: 'serviceaccounts',
  persistentVolumes: 'persistentvolumes',
  persistentVolumeClaims: 'persistentvolumeclaims',
  storageClasses: 'storageclasses.storage.k8s.io',
  deployments: 'deployments.apps',
  replicaSets: 'replicasets.apps',
  statefulSets: 'statefulsets.apps',
  daemonSets: 'daemonsets.apps',
  controllerRevisions: 'controllerrevisions.apps',
  jobs: 'jobs.batch',
  cronJobs: 'cronjobs.batch',
  hpas: 'horizontalpodautoscalers.autoscaling',
  pdbs: 'poddisruptionbudgets.policy',
} as const;

export type ResourceName = (typeof R)[keyof typeof R];

/** The store key of the type named by apiVersion + kind (e.g. an ownerReference), if served. */
export function keyOfKind(registry: ResourceRegistry, apiVersion: string, kind: string): string | undefined {
  return registry.byKind(apiVersion, kind)?.key;
}

/** Errors from sim-core's ObjectApi carry an HTTP code. */
export function errorCode(err: unknown): number | undefined {
  const e = err as { code?: unknown } | undefined;
  return typeof e?.code === 'number' ? e.code : undefined;
}

export const isConflict = (err: unknown) => errorCode(err) === 409;
export const isNotFound = (err: unknown) => errorCode(err) === 404;
