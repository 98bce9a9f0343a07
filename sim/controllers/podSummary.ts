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
  gcFinalizer: boolean;
  podIP: string;
  /** Cheap pre-check: the pod mounts at least one PVC. */
  hasClaims: boolean;
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

/** The JSON array value of the first `"key":[` in `json` (no string/escape pitfalls), parsed. */
export function jsonArrayAt<T>(json: string, key: string, fromEnd = false): T[] | undefined {
  const start = fromEnd ? json.lastIndexOf(`"${key}":[`) : json.indexOf(`"${key}":[`);
  if (start < 0) return undefined;
  const open = start + key.length + 3;
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
  return JSON.parse(json.slice(open, i)) as T[];
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
  gcFinalizer: boolean;
  podIP: string;
  hasClaims: boolean;
  private details?: Details;

  constructor(private readonly stored: StoredObject) {
    const json = stored.json;
    this.namespace = stored.namespace;
    this.name = stored.name;
    this.uid = stored.uid;
    this.labels = stored.labels;
    const refs = jsonArrayAt<OwnerReference>(json, 'ownerReferences') ?? [];
    this.ownerUids = refs.map((r) => r.uid);
    const ctl = refs.find((r) => r.controller);
    this.controllerUid = ctl?.uid;
    this.controllerKind = ctl?.kind;
    this.nodeName = stored.fields['spec.nodeName'] ?? '';
    this.phase = stored.fields['status.phase'] || 'Pending';
    this.podIP = stored.fields['status.podIP'] ?? '';
    // status comes last in the JSON: its conditions are the last `"conditions":[` (managedFields say "f:conditions").
    const ready = (jsonArrayAt<PodCondition>(json, 'conditions', true) ?? []).find((c) => c.type === 'Ready');
    this.ready = ready?.status === 'True';
    this.readySince = this.ready ? timeMs(ready?.lastTransitionTime) : 0;
    // deletionTimestamp and finalizers live in metadata, which ends where "spec" begins.
    const specAt = json.indexOf('"spec":{');
    const metadata = specAt > 0 ? json.slice(0, specAt) : json;
    this.deleting = metadata.includes('"deletionTimestamp":"');
    this.hasClaims = json.includes('"persistentVolumeClaim":{', specAt);
    const finalizers = metadata.includes('"finalizers":[') ? jsonArrayAt<string>(metadata + ']}', 'finalizers') ?? [] : [];
    this.gcFinalizer = finalizers.some((f) => f === 'foregroundDeletion' || f === 'orphan');
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
