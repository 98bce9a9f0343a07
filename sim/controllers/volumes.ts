/**
 * persistentvolume-controller plus a CSI-style external provisioner: binds PVCs to matching
 * Available PVs (storage class, access modes, size, selector), provisions a PV for claims
 * whose StorageClass has a provisioner (honouring WaitForFirstConsumer), marks both sides
 * Bound, and releases or deletes PVs whose claim is gone (reclaimPolicy).
 */
import type { KubeObject as CoreObject } from '../types';
import { selectorMatches } from './meta';
import type { KubeObject, LabelSelector } from './model';
import { parseQuantity } from './quantity';
import { R } from './resources';
import type { CachedEvent, Controller, Runtime } from './runtime';

interface Claim extends KubeObject {
  spec: { storageClassName?: string | null; volumeName?: string; accessModes?: string[]; resources?: { requests?: { storage?: string } }; selector?: LabelSelector; volumeMode?: string };
  status?: { phase?: string; capacity?: Record<string, string>; accessModes?: string[] };
}

interface Volume extends KubeObject {
  spec: {
    storageClassName?: string;
    capacity?: { storage?: string };
    accessModes?: string[];
    claimRef?: { kind?: string; apiVersion?: string; namespace?: string; name?: string; uid?: string; resourceVersion?: string };
    persistentVolumeReclaimPolicy?: string;
    [key: string]: unknown;
  };
  status?: { phase?: string; lastPhaseTransitionTime?: string; message?: string };
}

interface StorageClass extends KubeObject {
  provisioner?: string;
  reclaimPolicy?: string;
  volumeBindingMode?: string;
  parameters?: Record<string, string>;
}

const DEFAULT_CLASS = 'storageclass.kubernetes.io/is-default-class';
const SELECTED_NODE = 'volume.kubernetes.io/selected-node';
/** Simulated time an external provisioner takes to create a volume. */
const PROVISION_MS = 1500;

export function defaultStorageClass(rt: Runtime): StorageClass | undefined {
  return rt.list<StorageClass>(R.storageClasses).find((sc) => sc.metadata.annotations?.[DEFAULT_CLASS] === 'true');
}

/** True when `pv` can satisfy `claim` (class, access modes, size, label selector). */
export function volumeFits(pv: Volume, claim: Claim, className: string): boolean {
  if ((pv.spec.storageClassName ?? '') !== className) return false;
  if (pv.spec.claimRef && (pv.spec.claimRef.name !== claim.metadata.name || pv.spec.claimRef.namespace !== claim.metadata.namespace)) return false;
  if (pv.status?.phase && pv.status.phase !== 'Available' && pv.status.phase !== 'Pending') return false;
  const modes = pv.spec.accessModes ?? [];
  if (!(claim.spec.accessModes ?? []).every((m) => modes.includes(m))) return false;
  if (parseQuantity(pv.spec.capacity?.storage) < parseQuantity(claim.spec.resources?.requests?.storage)) return false;
  if (claim.spec.selector && !selectorMatches(claim.spec.selector, pv.metadata.labels)) return false;
  return true;
}

export class VolumeController implements Controller {
  readonly name = 'persistentvolume';
  private readonly provisioning = new Set<string>();

  keysFor(resource: string, ev: CachedEvent, rt: Runtime): string[] {
    if (resource === R.persistentVolumeClaims && ev.object) return [`claim:${ev.object.metadata.namespace}/${ev.object.metadata.name}`];
    if (resource === R.persistentVolumes && ev.object) {
      const ref = (ev.object as Volume).spec?.claimRef;
      const keys = [`volume:${ev.object.metadata.name}`];
      if (ref?.name) keys.push(`claim:${ref.namespace}/${ref.name}`);
      if (ev.type === 'ADDED') for (const c of rt.list(R.persistentVolumeClaims)) if ((c as Claim).status?.phase !== 'Bound') keys.push(`claim:${c.metadata.namespace}/${c.metadata.name}`);
      return keys;
    }
    if (resource === R.pods && ev.pod?.nodeName && ev.pod.hasClaims) return ev.pod.claims.map((c) => `claim:${ev.pod!.namespace}/${c}`);
    return [];
  }

  start(rt: Runtime): void {
    for (const c of rt.list(R.persistentVolumeClaims)) rt.enqueue(this.name, `claim:${c.metadata.namespace}/${c.metadata.name}`);
    for (const v of rt.list(R.persistentVolumes)) rt.enqueue(this.name, `volume:${v.metadata.name}`);
  }

  sync(key: string, rt: Runtime): void {
    if (key.startsWith('volume:')) return this.syncVolume(key.slice(7), rt);
    const [ns, name] = key.slice(6).split('/');
    const claim = rt.get<Claim>(R.persistentVolumeClaims, ns, name);
    if (!claim || claim.metadata.deletionTimestamp) return;
    if (claim.status?.phase === 'Bound' && claim.spec.volumeName) return;
    const className = claim.spec.storageClassName ?? defaultStorageClass(rt)?.metadata.name ?? '';
    const volumes = rt.list<Volume>(R.persistentVolumes);
    const wanted = claim.spec.volumeName ? volumes.filter((v) => v.metadata.name === claim.spec.volumeName) : volumes;
    const fit = wanted
      .filter((v) => volumeFits(v, claim, className))
      .sort((a, b) => parseQuantity(a.spec.capacity?.storage) - parseQuantity(b.spec.capacity?.storage))[0];
    if (fit) return this.bind(claim, fit, rt);
    const sc = className ? rt.get<StorageClass>(R.storageClasses, undefined, className) : undefined;
    if (!sc || !sc.provisioner || sc.provisioner === 'kubernetes.io/no-provisioner') {
      this.setPending(claim, rt);
      const message = !className
        ? 'no persistent volumes available for this claim and no storage class is set'
        : sc ? 'waiting for first consumer to be created before binding' : `storageclass.storage.k8s.io "${className}" not found`;
      rt.event(claim, sc || !className ? 'Normal' : 'Warning', sc ? 'WaitForFirstConsumer' : 'FailedBinding', message, 'persistentvolume-controller');
      return;
    }
    if (sc.volumeBindingMode === 'WaitForFirstConsumer' && !this.consumerNode(claim, rt)) {
      this.setPending(claim, rt);
      rt.event(claim, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding', 'persistentvolume-controller');
      return;
    }
    this.provision(claim, sc, rt);
  }

  /** The node of a scheduled pod using this claim (the scheduler's selected-node). */
  private consumerNode(claim: Claim, rt: Runtime): string | undefined {
    const annotated = claim.metadata.annotations?.[SELECTED_NODE];
    if (annotated) return annotated;
    return rt.podsInNamespace(claim.metadata.namespace ?? '').find((p) => p.nodeName && p.claims.includes(claim.metadata.name ?? ''))?.nodeName;
  }

  private setPending(claim: Claim, rt: Runtime): void {
    if (claim.status?.phase === 'Pending') return;
    rt.mutate(R.persistentVolumeClaims, claim, (d) => {
      d.status = { ...(d.status ?? {}), phase: 'Pending' };
    }, true);
  }

  private provision(claim: Claim, sc: StorageClass, rt: Runtime): void {
    const uid = claim.metadata.uid ?? '';
    if (this.provisioning.has(uid)) return;
    this.provisioning.add(uid);
    const ns = claim.metadata.namespace ?? '';
    const claimName = claim.metadata.name ?? '';
    const provisioner = sc.provisioner ?? '';
    const component = `${provisioner}_${provisioner.split(/[./]/)[0]}-provisioner-7d9f8c6b5-x2k4p`;
    this.setPending(claim, rt);
    rt.event(claim, 'Normal', 'ExternalProvisioning',
      `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
      'persistentvolume-controller');
    rt.event(claim, 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${ns}/${claimName}"`, component);
    rt.after(PROVISION_MS, () => {
      this.provisioning.delete(uid);
      const current = rt.get<Claim>(R.persistentVolumeClaims, ns, claimName);
      if (!current || current.metadata.uid !== uid || current.status?.phase === 'Bound') return;
      const node = this.consumerNode(current, rt);
      const pvName = `pvc-${uid}`;
      const pv: Volume = {
        apiVersion: 'v1',
        kind: 'PersistentVolume',
        metadata: {
          name: pvName,
          annotations: { 'pv.kubernetes.io/provisioned-by': provisioner, 'volume.kubernetes.io/provisioner-deletion-secret-name': '', 'volume.kubernetes.io/provisioner-deletion-secret-namespace': '' },
          finalizers: ['kubernetes.io/pv-protection'],
        },
        spec: {
          capacity: { storage: current.spec.resources?.requests?.storage ?? '1Gi' },
          accessModes: current.spec.accessModes ?? ['ReadWriteOnce'],
          persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? 'Delete',
          storageClassName: sc.metadata.name,
          volumeMode: current.spec.volumeMode ?? 'Filesystem',
          claimRef: { kind: 'PersistentVolumeClaim', namespace: ns, name: claimName, uid, apiVersion: 'v1', resourceVersion: current.metadata.resourceVersion },
          csi: { driver: provisioner, volumeHandle: `${pvName}`, fsType: 'ext4', volumeAttributes: { 'storage.kubernetes.io/csiProvisionerIdentity': `1732665600000-8081-${provisioner}` } },
          ...(node ? { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] } } } : {}),
        },
      };
      try {
        const created = rt.create(R.persistentVolumes, pv);
        rt.event(current, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${pvName}`, component);
        this.bind(current, created, rt);
      } catch (err) {
        rt.event(current, 'Warning', 'ProvisioningFailed', `failed to provision volume with StorageClass "${sc.metadata.name}": ${(err as Error).message}`, component);
      }
    });
  }

  private bind(claim: Claim, pv: Volume, rt: Runtime): void {
    const ns = claim.metadata.namespace ?? '';
    const name = claim.metadata.name ?? '';
    rt.mutate(R.persistentVolumes, pv, (d) => {
      d.spec.claimRef = { kind: 'PersistentVolumeClaim', namespace: ns, name, uid: claim.metadata.uid, apiVersion: 'v1', resourceVersion: claim.metadata.resourceVersion };
      (d.metadata.annotations ??= {})['pv.kubernetes.io/bound-by-controller'] = 'yes';
    });
    const boundPv = rt.get<Volume>(R.persistentVolumes, undefined, pv.metadata.name ?? '') ?? pv;
    rt.mutate(R.persistentVolumes, boundPv, (d) => {
      d.status = { ...(d.status ?? {}), phase: 'Bound', lastPhaseTransitionTime: new Date(rt.now()).toISOString().replace(/\.\d{3}Z$/, 'Z') };
    }, true);
    // spec.volumeName is immutable through the API once set; the binder writes it like the real controller (store level).
    const stored = rt.ctx.store.get(R.persistentVolumeClaims, ns, name);
    if (!stored) return;
    const fresh = stored.parse() as unknown as Claim;
    fresh.spec.volumeName = pv.metadata.name;
    fresh.metadata.annotations = { ...(fresh.metadata.annotations ?? {}), 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' };
    if (!claim.spec.storageClassName && pv.spec.storageClassName) fresh.spec.storageClassName = pv.spec.storageClassName;
    fresh.status = { phase: 'Bound', accessModes: pv.spec.accessModes ?? [], capacity: { storage: pv.spec.capacity?.storage ?? '' } };
    rt.ctx.store.update(R.persistentVolumeClaims, fresh as unknown as CoreObject, stored.rev);
  }

  /** A PV whose claim is gone is Released, and deleted if its reclaim policy says so. */
  private syncVolume(name: string, rt: Runtime): void {
    const pv = rt.get<Volume>(R.persistentVolumes, undefined, name);
    if (!pv) return;
    if (!pv.status?.phase || (pv.status.phase === 'Pending' && !pv.spec.claimRef)) {
      rt.mutate(R.persistentVolumes, pv, (d) => {
        d.status = { phase: 'Available' };
      }, true);
      return;
    }
    const ref = pv.spec.claimRef;
    if (pv.status.phase !== 'Bound' || !ref?.name) return;
    const claim = rt.get(R.persistentVolumeClaims, ref.namespace, ref.name);
    if (claim && (!ref.uid || claim.metadata.uid === ref.uid)) return;
    if ((pv.spec.persistentVolumeReclaimPolicy ?? 'Retain') === 'Delete') {
      rt.mutate(R.persistentVolumes, pv, (d) => {
        d.metadata.finalizers = (d.metadata.finalizers ?? []).filter((f) => f !== 'kubernetes.io/pv-protection');
      });
      rt.remove(R.persistentVolumes, undefined, name);
      return;
    }
    rt.mutate(R.persistentVolumes, pv, (d) => {
      d.status = { phase: 'Released', lastPhaseTransitionTime: new Date(rt.now()).toISOString().replace(/\.\d{3}Z$/, 'Z') };
    }, true);
  }
}
