/**
 * What controllers need to know about a pod without keeping it parsed: owner, node, phase,
 * readiness, IP, requests. ~300 bytes instead of ~20 KiB per pod.
 *
 * Summaries are built from the store's index (labels, field values) plus small slices of the
 * pod's JSON (ownerReferences, status.conditions); the rest (requests, claims, restarts…) is
 * parsed on first use. Why: the scale scenario loads 150k pods, and parsing each 7 KB pod
 * on arrival cost more than everything else at start-up.
 */
import type { StoredObject } from '../types';
import { serializeObject } from '../store';
import type { OwnerReference, Pod, PodCondition } from './model';
import { timeMs } from './model';
import { podRequests } from './scheduling';

export interface PodSummary {
  namespace: string;
  name: string;
  uid: string;
  labels: Record<string, string>;
  /** uids of every ownerReference; `controllerUid` is the controlling one. */
  ownerUids: string[];
  controllerUid?: string;
  controllerKind?: string;
  nodeName: string;
  phase: string;
  ready: boolean;
  /** When the Ready condition last became True (ms), for minReadySeconds. */
  readySince: number;
  deleting: boolean;
  /** GC finalizers (foregroundDeletion/orphan) present: the garbage collector must act. */
  readonly gcFinalizer: boolean;
  podIP: string;
  /** Cheap pre-check: the pod mounts at least one PVC. */
  readonly hasClaims: boolean;
  readonly hostname?: string;
  readonly subdomain?: string;
  readonly creation: number;
  readonly restarts: number;
  readonly cpu: number;
  readonly memory: number;
  /** Names of the PVCs the pod mounts (the scheduler waits for them to bind). */
  readonly claims: string[];
}

interface Details {
  hostname?: string;
  subdomain?: string;
  creation: number;
  restarts: number;
  cpu: number;
  memory: number;
  claims: string[];
}

function detailsOf(pod: Pod): Details {
  const req = podRequests(pod.spec ?? { containers: [] });
  return {
    hostname: pod.spec?.hostname,
    subdomain: pod.spec?.subdomain,
    creation: timeMs(pod.metadata.creationTimestamp),
    restarts: (pod.status?.containerStatuses ?? []).reduce((n, c) => n + (c.restartCount ?? 0), 0),
    cpu: req.cpu,
    memory: req.memory,
    claims: (pod.spec?.volumes ?? []).flatMap((v) => (v.persistentVolumeClaim ? [v.persistentVolumeClaim.claimName] : [])),
  };
}

/** Index just past the JSON array that opens at `open` (a `[`), strings and escapes respected. */
function arrayEnd(json: string, open: number): number {
  let i = open + 1;
  let depth = 1;
  let inString = false;
  for (; i < json.length && depth > 0; i++) {
    const ch = json.charCodeAt(i);
    if (inString) {
      if (ch === 92) i++;
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 91 || ch === 123) depth++;
    else if (ch === 93 || ch === 125) depth--;
  }
  return i;
}

/** Where the array value of the first (or last) `"key":[` in `json` opens, or -1. */
function arrayOpen(json: string, key: string, fromEnd = false): number {
  const start = fromEnd ? json.lastIndexOf(`"${key}":[`) : json.indexOf(`"${key}":[`);
  return start < 0 ? -1 : start + key.length + 3;
}

/** The JSON array value of the first (or last) `"key":[` in `json`, parsed. */
export function jsonArrayAt<T>(json: string, key: string, fromEnd = false): T[] | undefined {
  const open = arrayOpen(json, key, fromEnd);
  return open < 0 ? undefined : (JSON.parse(json.slice(open, arrayEnd(json, open))) as T[]);
}

/**
 * What was derived from the last array text seen, reused while the text repeats: the pods of
 * one ReplicaSet carry identical ownerReferences and, loaded together, identical conditions, so
 * most summaries cost a string comparison instead of a scan and a parse. (A JSON value is
 * self-delimiting: if the remembered text starts at `open`, it is the whole array there.)
 * What it returns is shared: never mutate it.
 */
class ArrayMemo<T, R> {
  private text = '';
  private value!: R;
  constructor(private readonly derive: (items: T[]) => R) {}

  at(json: string, open: number): R {
    if (this.text && json.startsWith(this.text, open)) return this.value;
    const text = json.slice(open, arrayEnd(json, open));
    const value = this.derive(JSON.parse(text) as T[]);
    this.text = text;
    this.value = value;
    return value;
  }
}

interface Owners {
  ownerUids: string[];
  controllerUid?: string;
  controllerKind?: string;
}

const NO_OWNERS: Owners = { ownerUids: [] };
const ownersMemo = new ArrayMemo<OwnerReference, Owners>((refs) => {
  const ctl = refs.find((r) => r.controller);
  return { ownerUids: refs.map((r) => r.uid), controllerUid: ctl?.uid, controllerKind: ctl?.kind };
});

interface Readiness {
  ready: boolean;
  readySince: number;
}

const claimsMemo = new ArrayMemo<{ persistentVolumeClaim?: unknown }, boolean>((volumes) => volumes.some((v) => !!v.persistentVolumeClaim));

const NOT_READY: Readiness = { ready: false, readySince: 0 };
const readinessMemo = new ArrayMemo<PodCondition, Readiness>((conditions) => {
  const ready = conditions.find((c) => c.type === 'Ready');
  return ready?.status === 'True' ? { ready: true, readySince: timeMs(ready.lastTransitionTime) } : NOT_READY;
});

/** Where the `metadata` value sits in a stored object's JSON (the store records it; see serializeObject). */
interface MetadataOffsets {
  metaStart?: number;
  metaEnd?: number;
}

/** The stored JSON and where its metadata is. */
function layout(stored: StoredObject): { json: string; metaStart: number; metaEnd: number } {
  const { metaStart = -1, metaEnd = -1 } = stored as StoredObject & MetadataOffsets;
  if (metaStart >= 0 && metaEnd > metaStart) return { json: stored.json, metaStart, metaEnd };
  // Not from MemoryStore: lay it out as the store does to learn where metadata is.
  return serializeObject(stored.parse());
}

class StoredPodSummary implements PodSummary {
  namespace: string;
  name: string;
  uid: string;
  labels: Record<string, string>;
  ownerUids: string[];
  controllerUid?: string;
  controllerKind?: string;
  nodeName: string;
  phase: string;
  ready: boolean;
  readySince: number;
  deleting: boolean;
  podIP: string;
  hasClaims: boolean;
  private details?: Details;
  private gcFinalizerFlag?: boolean;

  constructor(private readonly stored: StoredObject) {
    const { json, metaStart, metaEnd } = layout(stored);
    this.namespace = stored.namespace;
    this.name = stored.name;
    this.uid = stored.uid;
    this.labels = stored.labels;
    // Keys are searched for only inside the metadata value (a slice, not a copy), so nothing in
    // spec or status can be mistaken for them; inside metadata, `"key":` can only be a real key
    // (label/annotation text has its quotes escaped, managedFields keys read "f:key").
    const metadata = json.slice(metaStart, metaEnd);
    const ownersAt = arrayOpen(metadata, 'ownerReferences');
    const owners = ownersAt < 0 ? NO_OWNERS : ownersMemo.at(metadata, ownersAt);
    this.ownerUids = owners.ownerUids;
    this.controllerUid = owners.controllerUid;
    this.controllerKind = owners.controllerKind;
    this.nodeName = stored.fields['spec.nodeName'] ?? '';
    this.phase = stored.fields['status.phase'] || 'Pending';
    this.podIP = stored.fields['status.podIP'] ?? '';
    // status comes after spec, and a pod spec has no "conditions": the last `"conditions":[` after metadata is status.conditions.
    const conditionsAt = arrayOpen(json, 'conditions', true);
    const readiness = conditionsAt > metaEnd ? readinessMemo.at(json, conditionsAt) : NOT_READY;
    this.ready = readiness.ready;
    this.readySince = readiness.readySince;
    this.deleting = metadata.includes('"deletionTimestamp":"');
    // The first `"volumes":[` after metadata is spec.volumes (containers have "volumeMounts").
    const volumesAt = arrayOpen(json.slice(metaEnd), 'volumes');
    this.hasClaims = volumesAt >= 0 && claimsMemo.at(json, metaEnd + volumesAt);
  }

  get gcFinalizer(): boolean {
    // Only the garbage collector asks, and only about pods being deleted: found on demand.
    return (this.gcFinalizerFlag ??= (jsonArrayAt<string>(this.metadata(), 'finalizers') ?? []).some((f) => f === 'foregroundDeletion' || f === 'orphan'));
  }

  private metadata(): string {
    const { json, metaStart, metaEnd } = layout(this.stored);
    return json.slice(metaStart, metaEnd);
  }

  private get d(): Details {
    // Parsed once, on first use; the stored JSON of this revision never changes.
    return (this.details ??= detailsOf(this.stored.parse() as unknown as Pod));
  }

  get hostname() { return this.d.hostname; }
  get subdomain() { return this.d.subdomain; }
  get creation() { return this.d.creation; }
  get restarts() { return this.d.restarts; }
  get cpu() { return this.d.cpu; }
  get memory() { return this.d.memory; }
  get claims() { return this.d.claims; }
}

export function summarizePod(stored: StoredObject): PodSummary {
  return new StoredPodSummary(stored);
}

/** Active = counts toward a controller's replicas: not finished and not being deleted. */
export function isActive(p: PodSummary): boolean {
  return !p.deleting && p.phase !== 'Succeeded' && p.phase !== 'Failed';
}

/** Available = Ready for at least minReadySeconds. */
export function isAvailable(p: PodSummary, minReadySeconds: number, now: number): boolean {
  return p.ready && !p.deleting && (minReadySeconds <= 0 || now - p.readySince >= minReadySeconds * 1000);
}
