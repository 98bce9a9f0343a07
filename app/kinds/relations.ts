/**
 * Related objects for the detail view, as pure functions over what the renderer already holds
 * (watch caches, fetched objects): owner chains (Pod → ReplicaSet → Deployment), owned objects,
 * workload/Service → Pods, ConfigMap/Secret/PVC → Pods, Pod → what it uses, Node → Pods, and
 * an object's events.
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
}

function linkOf(ref: OwnerReference, childNamespace: string | undefined): OwnerLink {
  // Owners of cluster-scoped kinds (a Node owning a mirror pod) live in no namespace.
  const kind = findKind({ apiVersion: ref.apiVersion, kind: ref.kind });
  return { ref, namespace: kind && !kind.namespaced ? undefined : childNamespace };
}

/** Every owner of an object, each with where it lives: the first step of an owner chain. */
export function ownerLinks(obj: KubeObject): OwnerLink[] {
  return (obj.metadata.ownerReferences ?? []).map((ref) => linkOf(ref, obj.metadata.namespace));
}

/** The next step up an owner chain: the controlling owner (Pod → ReplicaSet → Deployment). */
export function controllerLink(obj: KubeObject): OwnerLink | undefined {
  const ref = controllerOf(obj);
  return ref && linkOf(ref, obj.metadata.namespace);
}

/**
 * Whether a fetched object is the owner a link names: owners are looked up by name, and a
 * recreated object of that name (another uid) is not the owner, nor are its owners.
 */
export function isOwnerOf(link: OwnerLink, found: KubeObject): boolean {
  return found.metadata.uid === link.ref.uid;
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

/** Pods (same namespace) that use a PVC. */
export function podsUsingPvc(pvc: KubeObject, pods: Iterable<KubeObject>): KubeObject[] {
  return podsUsing(pvc, pods, (p) => new Set(pvcNamesOfPod(p)));
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
