/**
 * The controllers' pod cache: one small summary per pod (see podSummary.ts for why not the
 * parsed object) and the indexes controllers query — by owner, node, namespace, plus the
 * namespace's orphans (no controller: adoption candidates) and the pods not yet bound to a
 * node (the scheduler's work). Each index answers without walking every pod, which is what
 * keeps a 150 000-pod cluster cheap when nothing happens.
 */
import type { StoredObject } from '../types';
import { summarizePod, type PodSummary } from './podSummary';

export const podKey = (namespace: string, name: string) => `${namespace}/${name}`;

export class PodIndex {
  /** `ns/name` → summary. */
  readonly pods = new Map<string, PodSummary>();
  private readonly byOwner = new Map<string, Set<string>>();
  private readonly byNode = new Map<string, Set<string>>();
  private readonly byNamespace = new Map<string, Set<string>>();
  private readonly orphansByNamespace = new Map<string, Set<string>>();
  private readonly unbound = new Set<string>();

  /** Summarizes and indexes a pod (replacing what was indexed under its name). */
  add(stored: StoredObject): PodSummary {
    const s = summarizePod(stored);
    const key = podKey(s.namespace, s.name);
    const prev = this.pods.get(key);
    if (prev) this.remove(prev);
    this.pods.set(key, s);
    for (const uid of s.ownerUids) addTo(this.byOwner, uid, key);
    if (s.nodeName) addTo(this.byNode, s.nodeName, key);
    else this.unbound.add(key);
    addTo(this.byNamespace, s.namespace, key);
    if (!s.controllerUid) addTo(this.orphansByNamespace, s.namespace, key);
    return s;
  }

  remove(s: PodSummary): void {
    const key = podKey(s.namespace, s.name);
    if (this.pods.get(key)?.uid === s.uid) this.pods.delete(key);
    for (const uid of s.ownerUids) removeFrom(this.byOwner, uid, key);
    if (s.nodeName) removeFrom(this.byNode, s.nodeName, key);
    else this.unbound.delete(key);
    removeFrom(this.byNamespace, s.namespace, key);
    if (!s.controllerUid) removeFrom(this.orphansByNamespace, s.namespace, key);
  }

  ownedBy(ownerUid: string): PodSummary[] {
    return this.resolve(this.byOwner.get(ownerUid));
  }

  onNode(node: string): PodSummary[] {
    return this.resolve(this.byNode.get(node));
  }

  inNamespace(namespace: string): PodSummary[] {
    return this.resolve(this.byNamespace.get(namespace));
  }

  orphansIn(namespace: string): PodSummary[] {
    return this.resolve(this.orphansByNamespace.get(namespace));
  }

  /** Pods with no node yet (deleting or finished ones included: callers filter). */
  withoutNode(): PodSummary[] {
    return this.resolve(this.unbound);
  }

  private resolve(keys: Set<string> | undefined): PodSummary[] {
    const out: PodSummary[] = [];
    for (const k of keys ?? []) {
      const s = this.pods.get(k);
      if (s) out.push(s);
    }
    return out;
  }
}

export function addTo(index: Map<string, Set<string>>, key: string, value: string): void {
  let s = index.get(key);
  if (!s) index.set(key, (s = new Set()));
  s.add(value);
}

export function removeFrom(index: Map<string, Set<string>>, key: string, value: string): void {
  const s = index.get(key);
  if (!s) return;
  s.delete(value);
  if (s.size === 0) index.delete(key);
}
