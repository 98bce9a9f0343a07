/**
 * Related objects, as pure functions over lists the renderer already holds (watch caches):
 * owner chains (Pod → ReplicaSet → Deployment), Service → Pods, ConfigMap/Secret → Pods,
 * PVC ↔ Pod, PVC → PV → StorageClass, Node ↔ Pods, and an object's events.
 * Everything matches by uid where Kubernetes gives one, and never across namespaces.
 */
import type { KubeObject, OwnerReference } from '../kube/object';
import { findKind } from './registry';
import { matchesLabelSelector, selectorFromLabelSelectorSpec, selectorFromMatchLabels, type LabelSelector } from '../selectors/labelSelector';

/* eslint-disable @typescript-eslint/no-explicit-any -- pod specs are read defensively from plain JSON */

/** The controlling owner reference (controller: true), if any. */
export function controllerOf(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller);
}

export interface OwnerLink {
  ref: OwnerReference;
  /** Namespace the owner lives in (owners of namespaced objects are in the same namespace, or cluster-scoped). */
  namespace?: string;
  /** The owner object when the lookup found it (matched by uid). */
  object?: KubeObject;
}

/** Finds an object for an owner reference; return undefined when it is not loaded (or gone). */
export type OwnerLookup = (ref: OwnerReference, namespace: string | undefined) => KubeObject | undefined;

/**
 * The chain of controlling owners from the nearest up: Pod → [ReplicaSet, Deployment].
 * Follows controller references (or the only reference when there is one); stops where an owner
 * is not found (that link is still returned, without object) and on cycles.
 */
export function ownerChain(obj: KubeObject, lookup: OwnerLookup, maxDepth = 10): OwnerLink[] {
  const chain: OwnerLink[] = [];
  const seen = new Set<string>([obj.metadata.uid]);
  let current: KubeObject | undefined = obj;
  while (current && chain.length < maxDepth) {
    const refs: OwnerReference[] = current.metadata.ownerReferences ?? [];
    const ref = refs.find((r) => r.controller) ?? (refs.length === 1 ? refs[0] : undefined);
    if (!ref || seen.has(ref.uid)) break;
    seen.add(ref.uid);
    // Owners of cluster-scoped kinds (a Node owning a mirror pod) live in no namespace.
    const ownerKind = findKind({ apiVersion: ref.apiVersion, kind: ref.kind });
    const namespace: string | undefined = ownerKind && !ownerKind.namespaced ? undefined : current.metadata.namespace;
    const found = lookup(ref, namespace);
    const owner: KubeObject | undefined = found && found.metadata.uid === ref.uid ? found : undefined;
    chain.push({ ref, namespace, object: owner });
    current = owner;
  }
  return chain;
}

/** Builds an OwnerLookup over objects already loaded (any kinds), by uid. */
export function lookupByUid(objects: Iterable<KubeObject>): OwnerLookup {
  const byUid = new Map<string, KubeObject>();
  for (const o of objects) byUid.set(o.metadata.uid, o);
  return (ref) => byUid.get(ref.uid);
}

/** Objects among `candidates` that `owner` owns (any owner reference with its uid): Deployment → ReplicaSets → Pods. */
export function ownedBy(owner: KubeObject, candidates: Iterable<KubeObject>): KubeObject[] {
  return ownedByAny(new Set([owner.metadata.uid]), candidates);
}

/** Objects among `candidates` owned by any of `ownerUids`: the Pods of all of a Deployment's ReplicaSets at once. */
export function ownedByAny(ownerUids: ReadonlySet<string>, candidates: Iterable<KubeObject>): KubeObject[] {
  const out: KubeObject[] = [];
  for (const c of candidates) if (c.metadata.ownerReferences?.some((r) => ownerUids.has(r.uid))) out.push(c);
  return out;
}

function sameNamespace(a: KubeObject, b: KubeObject): boolean {
  return (a.metadata.namespace ?? '') === (b.metadata.namespace ?? '');
}

/** The pod selector of a Service (plain map) or a workload/PDB/NetworkPolicy (metav1.LabelSelector). */
export function podSelectorOf(obj: KubeObject): LabelSelector | undefined {
  try {
    if (obj.kind === 'Service' || obj.kind === 'ReplicationController') return selectorFromMatchLabels(obj.spec?.selector);
    if (obj.kind === 'NetworkPolicy') return selectorFromLabelSelectorSpec(obj.spec?.podSelector ?? {});
    if (obj.spec && 'selector' in obj.spec) return selectorFromLabelSelectorSpec(obj.spec.selector);
  } catch {
    // An invalid selector selects nothing here (the API server would not have admitted it).
  }
  return undefined;
}

/** Whether a Service selects a pod: same namespace and the service's selector matches (no selector: none). */
export function selectsPod(service: KubeObject, pod: KubeObject): boolean {
  if (!sameNamespace(service, pod)) return false;
  const sel = podSelectorOf(service);
  return sel ? matchesLabelSelector(sel, pod.metadata.labels) : false;
}

/** Pods a Service, workload, PDB or NetworkPolicy selects by label, in its namespace. */
export function podsSelectedBy(obj: KubeObject, pods: Iterable<KubeObject>): KubeObject[] {
  const sel = podSelectorOf(obj);
  if (!sel) return [];
  const out: KubeObject[] = [];
  for (const p of pods) if (sameNamespace(obj, p) && matchesLabelSelector(sel, p.metadata.labels)) out.push(p);
  return out;
}

function allContainers(pod: KubeObject): any[] {
  const spec = pod.spec ?? {};
  return [...(spec.initContainers ?? []), ...(spec.containers ?? []), ...(spec.ephemeralContainers ?? [])];
}

function volumes(pod: KubeObject): any[] {
  return Array.isArray(pod.spec?.volumes) ? pod.spec.volumes : [];
}

/** Names of ConfigMaps (or Secrets) a pod mounts as volumes, including projected volumes. */
export function mountedNames(pod: KubeObject, what: 'configMap' | 'secret'): Set<string> {
  const names = new Set<string>();
  for (const v of volumes(pod)) {
    const direct = what === 'configMap' ? v?.configMap?.name : v?.secret?.secretName;
    if (direct) names.add(direct);
    for (const src of v?.projected?.sources ?? []) if (src?.[what]?.name) names.add(src[what].name);
  }
  return names;
}

/** Names of ConfigMaps (or Secrets) a pod uses at all: volumes, env valueFrom, envFrom, and (secrets) imagePullSecrets. */
export function referencedNames(pod: KubeObject, what: 'configMap' | 'secret'): Set<string> {
  const names = mountedNames(pod, what);
  const keyRef = what === 'configMap' ? 'configMapKeyRef' : 'secretKeyRef';
  const fromRef = what === 'configMap' ? 'configMapRef' : 'secretRef';
  for (const c of allContainers(pod)) {
    for (const e of c?.env ?? []) if (e?.valueFrom?.[keyRef]?.name) names.add(e.valueFrom[keyRef].name);
    for (const e of c?.envFrom ?? []) if (e?.[fromRef]?.name) names.add(e[fromRef].name);
  }
  if (what === 'secret') for (const s of pod.spec?.imagePullSecrets ?? []) if (s?.name) names.add(s.name);
  return names;
}

function podsUsing(obj: KubeObject, pods: Iterable<KubeObject>, names: (pod: KubeObject) => Set<string>): KubeObject[] {
  const out: KubeObject[] = [];
  for (const p of pods) if (sameNamespace(obj, p) && names(p).has(obj.metadata.name)) out.push(p);
  return out;
}

/** Pods (same namespace) that mount a ConfigMap as a volume. */
export function podsMountingConfigMap(configMap: KubeObject, pods: Iterable<KubeObject>): KubeObject[] {
  return podsUsing(configMap, pods, (p) => mountedNames(p, 'configMap'));
}

/** Pods (same namespace) that mount a Secret as a volume. */
export function podsMountingSecret(secret: KubeObject, pods: Iterable<KubeObject>): KubeObject[] {
  return podsUsing(secret, pods, (p) => mountedNames(p, 'secret'));
}

/** Pods (same namespace) that use a ConfigMap in any way: volumes or environment. */
export function podsReferencingConfigMap(configMap: KubeObject, pods: Iterable<KubeObject>): KubeObject[] {
  return podsUsing(configMap, pods, (p) => referencedNames(p, 'configMap'));
}

/** Pods (same namespace) that use a Secret in any way: volumes, environment or image pull. */
export function podsReferencingSecret(secret: KubeObject, pods: Iterable<KubeObject>): KubeObject[] {
  return podsUsing(secret, pods, (p) => referencedNames(p, 'secret'));
}

/** Names of the PVCs a pod uses: persistentVolumeClaim volumes and generic ephemeral volumes ("<pod>-<volume>"). */
export function pvcNamesOfPod(pod: KubeObject): string[] {
  const names: string[] = [];
  for (const v of volumes(pod)) {
    if (v?.persistentVolumeClaim?.claimName) names.push(v.persistentVolumeClaim.claimName);
    else if (v?.ephemeral) names.push(`${pod.metadata.name}-${v.name}`);
  }
  return names;
}

/** Everything a pod uses by name, each list sorted: PVCs, ConfigMaps and Secrets (volumes, environment, image pull). */
export interface PodReferences {
  persistentVolumeClaims: string[];
  configMaps: string[];
  secrets: string[];
}

export function podReferences(pod: KubeObject): PodReferences {
  const sorted = (names: Iterable<string>) => [...new Set(names)].sort();
  return {
    persistentVolumeClaims: sorted(pvcNamesOfPod(pod)),
    configMaps: sorted(referencedNames(pod, 'configMap')),
    secrets: sorted(referencedNames(pod, 'secret')),
  };
}

/** The PVC objects a pod uses, among `pvcs` (same namespace). */
export function pvcOfPod(pod: KubeObject, pvcs: Iterable<KubeObject>): KubeObject[] {
  const names = new Set(pvcNamesOfPod(pod));
  const out: KubeObject[] = [];
  for (const c of pvcs) if (sameNamespace(pod, c) && names.has(c.metadata.name)) out.push(c);
  return out;
}

/** Pods (same namespace) that use a PVC. */
export function podsUsingPvc(pvc: KubeObject, pods: Iterable<KubeObject>): KubeObject[] {
  return podsUsing(pvc, pods, (p) => new Set(pvcNamesOfPod(p)));
}

/** The PV a PVC is bound to (spec.volumeName, confirmed by the PV's claimRef uid when set). */
export function pvOfPvc(pvc: KubeObject, pvs: Iterable<KubeObject>): KubeObject | undefined {
  const name = pvc.spec?.volumeName;
  if (!name) return undefined;
  for (const pv of pvs) {
    if (pv.metadata.name !== name) continue;
    const claimUid = pv.spec?.claimRef?.uid;
    if (!claimUid || claimUid === pvc.metadata.uid) return pv;
  }
  return undefined;
}

/** The PVC a PV is bound to (spec.claimRef: by uid when set, else namespace/name). */
export function pvcOfPv(pv: KubeObject, pvcs: Iterable<KubeObject>): KubeObject | undefined {
  const ref = pv.spec?.claimRef;
  if (!ref) return undefined;
  for (const c of pvcs) {
    if (ref.uid ? c.metadata.uid === ref.uid : c.metadata.name === ref.name && c.metadata.namespace === ref.namespace) return c;
  }
  return undefined;
}

/** The StorageClass of a PVC or PV. */
export function storageClassOf(pvcOrPv: KubeObject, classes: Iterable<KubeObject>): KubeObject | undefined {
  const name = pvcOrPv.spec?.storageClassName ?? pvcOrPv.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'];
  if (!name) return undefined;
  for (const sc of classes) if (sc.metadata.name === name) return sc;
  return undefined;
}

/** Pods scheduled on a node. */
export function podsOnNode(node: KubeObject, pods: Iterable<KubeObject>): KubeObject[] {
  const out: KubeObject[] = [];
  for (const p of pods) if (p.spec?.nodeName === node.metadata.name) out.push(p);
  return out;
}

/**
 * Events about an object (core/v1 Events): by involvedObject.uid, or by kind+namespace+name
 * when the event carries no uid. Newest last-seen first is the caller's choice of order.
 */
export function eventsFor(obj: KubeObject, events: Iterable<KubeObject>): KubeObject[] {
  const out: KubeObject[] = [];
  for (const e of events) {
    const io = (e.involvedObject ?? {}) as { uid?: string; kind?: string; name?: string; namespace?: string };
    const hit = io.uid
      ? io.uid === obj.metadata.uid
      : io.name === obj.metadata.name && (io.namespace ?? '') === (obj.metadata.namespace ?? '') && (!obj.kind || io.kind === obj.kind);
    if (hit) out.push(e);
  }
  return out;
}
