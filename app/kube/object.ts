/** Minimal shapes of Kubernetes objects as they cross the main↔renderer boundary (plain JSON). */

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid: string;
  /** Opaque: compare only for equality, never as numbers. */
  resourceVersion?: string;
  generateName?: string;
  generation?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  managedFields?: unknown[];
}

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  // Kind-specific parts are read through small typed accessors, not a class hierarchy.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  spec?: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  status?: any;
  [field: string]: unknown;
}

/** Identifies a REST resource (not a kind): group "" is the core group. */
export interface ResourceRef {
  group: string;
  version: string;
  /** Plural resource name, e.g. "pods", "deployments". */
  resource: string;
}

export function apiVersionOf(ref: Pick<ResourceRef, 'group' | 'version'>): string {
  return ref.group ? `${ref.group}/${ref.version}` : ref.version;
}

/**
 * The one key of an object inside a list, in main's informer cache and the renderer's state
 * alike: its uid (a deleted-and-recreated object of the same name is another object), or
 * namespace/name for a malformed object without one, so it still shows once.
 */
export function objectKey(obj: KubeObject): string {
  return obj.metadata?.uid || `${obj.metadata?.namespace ?? ''}/${obj.metadata?.name ?? ''}`;
}

/**
 * Whether `incoming` is the same version of `known`: resourceVersions compared for equality
 * only (they are opaque). An object without one never counts as the same, since we cannot tell.
 */
export function sameResourceVersion(known: KubeObject | undefined, incoming: KubeObject): boolean {
  const rv = incoming.metadata?.resourceVersion;
  return known !== undefined && rv !== undefined && rv !== '' && known.metadata?.resourceVersion === rv;
}
