/**
 * The semantics of the write verbs, shared by the HTTP handlers and in-process plug-ins:
 * defaulting, validation, uid/timestamps/generation, optimistic concurrency, status and scale
 * subresources, finalizers, graceful pod deletion, namespace lifecycle, CRD registration.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { randomUUID } from 'node:crypto';
import {
  ApiError,
  apiVersionOf,
  type DeleteOptions,
  type KubeObject,
  type ObjectApi,
  type PatchType,
  type ResourceKey,
  type ResourceType,
  type Store,
  type StoreListOptions,
  type WriteOptions,
} from '../types';
import { applyDefaults } from './defaults';
import { validateObject, throwInvalid } from './validation';
import { jsonPatch, mergePatch, strategicMerge } from './patch';
import { crdStatus, registerCrd } from './crds';
import type { Registry } from './registry';
import { updateManagedFields } from './managedFields';

/** Kinds whose metadata.generation tracks spec changes. */
const GENERATION_KINDS = new Set([
  'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'ReplicationController',
  'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'Ingress', 'NetworkPolicy', 'CustomResourceDefinition', 'IngressClass',
]);

const SUFFIX_CHARS = 'bcdfghjklmnpqrstvwxz2456789';

export function randomSuffix(n = 5): string {
  let s = '';
  for (let i = 0; i < n; i++) s += SUFFIX_CHARS[Math.floor(Math.random() * SUFFIX_CHARS.length)];
  return s;
}

function groupResource(rt: ResourceType): string {
  return rt.group ? `${rt.plural}.${rt.group}` : rt.plural;
}

export function notFound(rt: ResourceType, name: string): ApiError {
  return new ApiError(404, 'NotFound', `${groupResource(rt)} "${name}" not found`, { name, group: rt.group, kind: rt.plural });
}

/** Everything but metadata and status: what generation tracks. */
function specOf(o: any): string {
  const { metadata: _m, status: _s, ...rest } = o;
  return JSON.stringify(rest);
}

export interface ObjectServiceDeps {
  store: Store;
  registry: Registry;
  now(): number;
  timestamp(): string;
}

export class ObjectService implements ObjectApi {
  private usedIPs = new Set<string>();
  private nextIP = 1;
  private usedNodePorts = new Set<number>();
  private nextNodePort = 30000;

  constructor(private deps: ObjectServiceDeps) {}

  /** Resolves a key to its type or throws 404 like a server that does not serve it. */
  resource(key: ResourceKey): ResourceType {
    const rt = this.deps.registry.get(key);
    if (!rt) throw new ApiError(404, 'NotFound', 'the server could not find the requested resource', { group: key.split('.').slice(1).join('.'), kind: key.split('.')[0] });
    return rt;
  }

  get(resource: ResourceKey, namespace: string, name: string): KubeObject | undefined {
    const rt = this.resource(resource);
    return this.deps.store.get(rt.key, rt.namespaced ? namespace : '', name)?.parse();
  }

  list(resource: ResourceKey, options?: StoreListOptions): KubeObject[] {
    const rt = this.resource(resource);
    return this.deps.store.list(rt.key, options).map((e) => e.parse());
  }

  private allocateClusterIP(): string {
    for (;;) {
      const n = this.nextIP++;
      const ip = `10.96.${Math.floor(n / 250)}.${(n % 250) + 1}`;
      if (!this.usedIPs.has(ip) && ip !== '10.96.0.10') {
        this.usedIPs.add(ip);
        return ip;
      }
    }
  }

  private allocateNodePort(): number {
    while (this.usedNodePorts.has(this.nextNodePort)) this.nextNodePort++;
    const p = this.nextNodePort++;
    this.usedNodePorts.add(p);
    if (this.nextNodePort > 32767) this.nextNodePort = 30000;
    return p;
  }

  private checkNamespace(rt: ResourceType, namespace: string, name: string): void {
    if (!rt.namespaced) return;
    const ns = this.deps.store.get('namespaces', '', namespace);
    if (!ns) throw new ApiError(404, 'NotFound', `namespaces "${namespace}" not found`, { name: namespace, kind: 'namespaces' });
    if (ns.json.includes('"deletionTimestamp"')) {
      const parsed = ns.parse();
      if (parsed.metadata.deletionTimestamp) {
        throw new ApiError(403, 'Forbidden', `${groupResource(rt)} "${name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`, {
          name,
          group: rt.group,
          kind: rt.plural,
          causes: [{ reason: 'NamespaceTerminating', message: `namespace ${namespace} is being terminated`, field: 'metadata.namespace' }],
        });
      }
    }
  }

  create(resource: ResourceKey, input: KubeObject, options: WriteOptions = {}): KubeObject {
    const rt = this.resource(resource);
    if (rt.virtual) throw new ApiError(405, 'MethodNotAllowed', `the server does not allow this method on the requested resource`);
    const o = structuredClone(input) as any;
    o.metadata ??= {};
    o.apiVersion = apiVersionOf(rt);
    o.kind = rt.kind;
    const meta = o.metadata;
    if (!rt.namespaced) delete meta.namespace;
    if (!meta.name && meta.generateName) meta.name = `${meta.generateName}${randomSuffix()}`;
    for (const k of ['resourceVersion', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'selfLink']) delete meta[k];
    meta.uid = randomUUID();
    meta.creationTimestamp = this.deps.timestamp();
    if (GENERATION_KINDS.has(rt.kind) || rt.custom) meta.generation = 1;
    else delete meta.generation;
    if (rt.kind === 'Service' && o.spec?.clusterIP && o.spec.clusterIP !== 'None') {
      if (this.usedIPs.has(o.spec.clusterIP)) {
        throwInvalid('Service', '', meta.name ?? '', [{ type: 'FieldValueInvalid', field: 'spec.clusterIPs', detail: `Invalid value: []string{${JSON.stringify(o.spec.clusterIP)}}: failed to allocate IP ${o.spec.clusterIP}: provided IP is already allocated` }]);
      }
    }
    applyDefaults(rt.kind, o, {
      creating: true,
      allocateClusterIP: () => this.allocateClusterIP(),
      allocateNodePort: () => this.allocateNodePort(),
      randomSuffix: () => randomSuffix(),
    });
    if (rt.kind === 'CustomResourceDefinition') crdStatus(o, this.deps.timestamp());
    validateObject(rt, o);
    this.checkNamespace(rt, meta.namespace ?? '', meta.name);
    if (this.deps.store.get(rt.key, meta.namespace ?? '', meta.name)) {
      throw new ApiError(409, 'AlreadyExists', `${groupResource(rt)} "${meta.name}" already exists`, { name: meta.name, group: rt.group, kind: rt.plural });
    }
    updateManagedFields(o, options.fieldManager, 'Update', this.deps.timestamp());
    if (options.dryRun) return o;
    const stored = this.deps.store.create(rt.key, o);
    if (rt.kind === 'Service') {
      if (o.spec?.clusterIP && o.spec.clusterIP !== 'None') this.usedIPs.add(o.spec.clusterIP);
      for (const p of o.spec?.ports ?? []) if (p.nodePort) this.usedNodePorts.add(p.nodePort);
    }
    if (rt.kind === 'CustomResourceDefinition') registerCrd(this.deps.registry, o);
    return stored.parse();
  }

  update(resource: ResourceKey, input: KubeObject, options: WriteOptions & { subresource?: 'status' } = {}): KubeObject {
    const rt = this.resource(resource);
    if (rt.virtual) throw new ApiError(405, 'MethodNotAllowed', `the server does not allow this method on the requested resource`);
    const o = structuredClone(input) as any;
    o.metadata ??= {};
    const ns = rt.namespaced ? (o.metadata.namespace ?? '') : '';
    const name = o.metadata.name ?? '';
    const current = this.deps.store.get(rt.key, ns, name);
    if (!current) throw notFound(rt, name);
    return this.replace(rt, current.parse(), current.rev, o, options);
  }

  /** Writes `next` over `existing` with all update semantics. */
  private replace(rt: ResourceType, existing: any, existingRev: number, next: any, options: WriteOptions & { subresource?: string }): KubeObject {
    const store = this.deps.store;
    if (next.metadata.resourceVersion) {
      const want = store.decodeRv(String(next.metadata.resourceVersion));
      if (want !== existingRev) {
        throw new ApiError(
          409,
          'Conflict',
          `Operation cannot be fulfilled on ${groupResource(rt)} "${existing.metadata.name}": the object has been modified; please apply your changes to the latest version and try again`,
          { name: existing.metadata.name, group: rt.group, kind: rt.plural },
        );
      }
    }
    if (next.metadata.uid && next.metadata.uid !== existing.metadata.uid) {
      throw new ApiError(409, 'Conflict', `Operation cannot be fulfilled on ${groupResource(rt)} "${existing.metadata.name}": Precondition failed: UID in precondition: ${next.metadata.uid}, UID in object meta: ${existing.metadata.uid}`);
    }
    next.apiVersion = apiVersionOf(rt);
    next.kind = rt.kind;
    const hasStatusSub = rt.subresources.includes('status');
    if (options.subresource === 'status') {
      // Status writes change status only (metadata labels/annotations too, as kube allows).
      next = { ...existing, status: next.status, metadata: { ...existing.metadata, labels: next.metadata.labels ?? existing.metadata.labels, annotations: next.metadata.annotations ?? existing.metadata.annotations } };
    } else if (hasStatusSub && rt.kind !== 'CustomResourceDefinition') {
      if (existing.status === undefined) delete next.status;
      else next.status = existing.status;
    }
    // Immutable and server-owned metadata.
    const meta = next.metadata;
    meta.uid = existing.metadata.uid;
    meta.creationTimestamp = existing.metadata.creationTimestamp;
    meta.namespace = existing.metadata.namespace;
    if (!rt.namespaced) delete meta.namespace;
    meta.name = existing.metadata.name;
    if (existing.metadata.deletionTimestamp) {
      meta.deletionTimestamp = existing.metadata.deletionTimestamp;
      if (existing.metadata.deletionGracePeriodSeconds !== undefined) meta.deletionGracePeriodSeconds = existing.metadata.deletionGracePeriodSeconds;
    } else {
      delete meta.deletionTimestamp;
      delete meta.deletionGracePeriodSeconds;
    }
    delete meta.managedFields;
    if (existing.metadata.managedFields) meta.managedFields = existing.metadata.managedFields;
    applyDefaults(rt.kind, next, {
      creating: false,
      allocateClusterIP: () => existing.spec?.clusterIP ?? this.allocateClusterIP(),
      allocateNodePort: () => this.allocateNodePort(),
      randomSuffix: () => randomSuffix(),
    });
    if (rt.kind === 'Pod') this.checkPodUpdate(existing, next);
    if (rt.kind === 'Service' && existing.spec?.clusterIP && next.spec?.clusterIP !== existing.spec.clusterIP) {
      if (next.spec.clusterIP === undefined || next.spec.clusterIP === '') next.spec.clusterIP = existing.spec.clusterIP;
      else throwInvalid('Service', '', meta.name, [{ type: 'FieldValueInvalid', field: 'spec.clusterIPs[0]', detail: `Invalid value: []string{${JSON.stringify(next.spec.clusterIP)}}: may not change once set` }]);
    }
    if (rt.kind === 'CustomResourceDefinition') crdStatus(next, this.deps.timestamp());
    if (GENERATION_KINDS.has(rt.kind) || rt.custom) {
      const gen = existing.metadata.generation ?? 1;
      meta.generation = specOf(next) !== specOf(existing) ? gen + 1 : gen;
    } else {
      delete meta.generation;
    }
    validateObject(rt, next);
    // Finished deletion: no finalizers left on an object being deleted.
    if (meta.deletionTimestamp && !(meta.finalizers ?? []).length) {
      const waitingForKubelet = rt.kind === 'Pod' && (meta.deletionGracePeriodSeconds ?? 0) > 0;
      if (!waitingForKubelet && rt.kind !== 'Namespace') {
        if (options.dryRun) return next;
        return this.remove(rt, existing.metadata.namespace ?? '', meta.name) ?? next;
      }
    }
    if (rt.kind === 'Namespace' && meta.deletionTimestamp && !(next.spec?.finalizers ?? []).length && !(meta.finalizers ?? []).length) {
      if (options.dryRun) return next;
      return this.remove(rt, '', meta.name) ?? next;
    }
    // A no-op write does not bump the resourceVersion (kube skips the storage write).
    meta.resourceVersion = existing.metadata.resourceVersion;
    if (JSON.stringify(next) === JSON.stringify(existing)) return existing;
    updateManagedFields(next, options.fieldManager, 'Update', this.deps.timestamp(), options.subresource);
    if (options.dryRun) return next;
    const stored = this.deps.store.update(rt.key, next, existingRev);
    if (rt.kind === 'CustomResourceDefinition') registerCrd(this.deps.registry, next);
    return stored.parse();
  }

  /** Pod spec is immutable but for images, activeDeadlineSeconds, tolerations (additions) and grace period. */
  private checkPodUpdate(existing: any, next: any): void {
    const strip = (spec: any) => {
      const s = structuredClone(spec ?? {});
      for (const c of [...(s.containers ?? []), ...(s.initContainers ?? [])]) delete c.image;
      delete s.activeDeadlineSeconds;
      delete s.tolerations;
      delete s.terminationGracePeriodSeconds;
      delete s.ephemeralContainers;
      return JSON.stringify(s);
    };
    // Binding sets nodeName once.
    const a = { ...existing.spec, nodeName: undefined };
    const b = { ...next.spec, nodeName: existing.spec?.nodeName ? next.spec?.nodeName === existing.spec.nodeName ? undefined : next.spec?.nodeName : undefined };
    if (strip(a) !== strip(b)) {
      throwInvalid('Pod', '', existing.metadata.name, [{
        type: 'FieldValueForbidden',
        field: 'spec',
        detail: 'Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
      }]);
    }
  }

  patch(resource: ResourceKey, namespace: string, name: string, type: PatchType, patch: unknown, options: WriteOptions & { subresource?: 'status' | 'scale' } = {}): KubeObject {
    const rt = this.resource(resource);
    const ns = rt.namespaced ? namespace : '';
    const current = this.deps.store.get(rt.key, ns, name);
    if (!current) throw notFound(rt, name);
    const existing = current.parse() as any;
    if (options.subresource === 'scale') {
      const scale = this.scaleOf(rt, existing);
      const patched = applyPatch(type, scale, patch);
      return this.writeScale(rt, existing, current.rev, patched, options);
    }
    const patched = applyPatch(type, existing, patch);
    if (!patched || typeof patched !== 'object') throw new ApiError(422, 'Invalid', 'the server rejected our request due to an error in our request');
    patched.metadata ??= {};
    // A patch only checks resourceVersion when the patch itself carries one.
    const patchRv = (patch as any)?.metadata?.resourceVersion;
    if (type !== 'json' && !patchRv) patched.metadata.resourceVersion = undefined;
    if (type === 'json' && patched.metadata.resourceVersion === existing.metadata.resourceVersion) patched.metadata.resourceVersion = undefined;
    return this.replace(rt, existing, current.rev, patched, options);
  }

  /** The autoscaling/v1 Scale view of a scalable object. */
  scaleOf(rt: ResourceType, o: any): KubeObject {
    if (!rt.subresources.includes('scale')) throw notFound(rt, o.metadata.name);
    const selector = o.spec?.selector;
    let selectorText = '';
    if (selector && typeof selector === 'object') {
      const parts = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
      for (const e of selector.matchExpressions ?? []) {
        if (e.operator === 'In') parts.push(`${e.key} in (${(e.values ?? []).join(',')})`);
        else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${(e.values ?? []).join(',')})`);
        else if (e.operator === 'Exists') parts.push(e.key);
        else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
      }
      selectorText = parts.join(',');
    }
    return {
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      metadata: {
        name: o.metadata.name,
        namespace: o.metadata.namespace,
        uid: o.metadata.uid,
        resourceVersion: o.metadata.resourceVersion,
        creationTimestamp: o.metadata.creationTimestamp,
      },
      spec: { replicas: o.spec?.replicas ?? 0 },
      status: { replicas: o.status?.replicas ?? 0, ...(selectorText ? { selector: selectorText } : {}) },
    };
  }

  /** Reads the Scale of a scalable object. */
  getScale(resource: ResourceKey, namespace: string, name: string): KubeObject {
    const rt = this.resource(resource);
    const cur = this.deps.store.get(rt.key, rt.namespaced ? namespace : '', name);
    if (!cur) throw notFound(rt, name);
    return this.scaleOf(rt, cur.parse());
  }

  /** PUT on /scale. */
  updateScale(resource: ResourceKey, namespace: string, name: string, scale: any, options: WriteOptions = {}): KubeObject {
    const rt = this.resource(resource);
    const cur = this.deps.store.get(rt.key, rt.namespaced ? namespace : '', name);
    if (!cur) throw notFound(rt, name);
    return this.writeScale(rt, cur.parse(), cur.rev, scale, options);
  }

  private writeScale(rt: ResourceType, existing: any, rev: number, scale: any, options: WriteOptions): KubeObject {
    const replicas = scale?.spec?.replicas;
    if (typeof replicas !== 'number' || replicas < 0 || !Number.isInteger(replicas)) {
      throwInvalid('Scale', 'autoscaling', existing.metadata.name, [{ type: 'FieldValueInvalid', field: 'spec.replicas', detail: `Invalid value: ${replicas}: must be greater than or equal to 0` }]);
    }
    const next = structuredClone(existing);
    next.spec = { ...(next.spec ?? {}), replicas };
    if (scale?.metadata?.resourceVersion) next.metadata.resourceVersion = scale.metadata.resourceVersion;
    else delete next.metadata.resourceVersion;
    const written = this.replace(rt, existing, rev, next, options);
    return this.scaleOf(rt, written);
  }

  delete(resource: ResourceKey, namespace: string, name: string, options: DeleteOptions = {}): KubeObject {
    const rt = this.resource(resource);
    const ns = rt.namespaced ? namespace : '';
    const current = this.deps.store.get(rt.key, ns, name);
    if (!current) throw notFound(rt, name);
    const o = current.parse() as any;
    const pre = options.preconditions;
    if (pre?.uid && pre.uid !== o.metadata.uid) {
      throw new ApiError(409, 'Conflict', `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${o.metadata.uid}`, { name, group: rt.group, kind: rt.plural });
    }
    if (pre?.resourceVersion && pre.resourceVersion !== o.metadata.resourceVersion) {
      throw new ApiError(409, 'Conflict', `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${o.metadata.resourceVersion}`, { name, group: rt.group, kind: rt.plural });
    }
    const finalizers: string[] = [...(o.metadata.finalizers ?? [])];
    const policy = options.propagationPolicy;
    if (policy === 'Foreground' && !finalizers.includes('foregroundDeletion')) finalizers.push('foregroundDeletion');
    if (policy === 'Orphan' && !finalizers.includes('orphan')) finalizers.push('orphan');

    if (rt.kind === 'Namespace') {
      if (o.metadata.deletionTimestamp) return o;
      o.metadata.deletionTimestamp = this.deps.timestamp();
      o.metadata.deletionGracePeriodSeconds = 0;
      o.status = { ...(o.status ?? {}), phase: 'Terminating' };
      if (options.dryRun) return o;
      if (!(o.spec?.finalizers ?? []).length && !finalizers.length) return this.remove(rt, '', name) ?? o;
      return this.deps.store.update(rt.key, o, current.rev).parse();
    }

    let grace = 0;
    if (rt.kind === 'Pod') {
      const bound = !!o.spec?.nodeName;
      const finished = o.status?.phase === 'Succeeded' || o.status?.phase === 'Failed';
      grace = options.gracePeriodSeconds ?? o.spec?.terminationGracePeriodSeconds ?? 30;
      if (!bound || finished) grace = 0;
      if (o.metadata.deletionTimestamp && options.gracePeriodSeconds === undefined) grace = Math.min(grace, o.metadata.deletionGracePeriodSeconds ?? grace);
    }
    if (finalizers.length || grace > 0) {
      const alreadyDeleting = !!o.metadata.deletionTimestamp;
      const sameFinalizers = JSON.stringify(finalizers) === JSON.stringify(o.metadata.finalizers ?? []);
      if (alreadyDeleting && sameFinalizers && (rt.kind !== 'Pod' || grace >= (o.metadata.deletionGracePeriodSeconds ?? 0))) return o;
      o.metadata.finalizers = finalizers.length ? finalizers : undefined;
      if (!o.metadata.finalizers) delete o.metadata.finalizers;
      o.metadata.deletionTimestamp = new Date(this.deps.now() + grace * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
      o.metadata.deletionGracePeriodSeconds = grace;
      if (options.dryRun) return o;
      if (!finalizers.length && grace === 0) return this.remove(rt, ns, name) ?? o;
      return this.deps.store.update(rt.key, o, current.rev).parse();
    }
    if (options.dryRun) return o;
    return this.remove(rt, ns, name) ?? o;
  }

  private remove(rt: ResourceType, ns: string, name: string): KubeObject | undefined {
    const gone = this.deps.store.delete(rt.key, ns, name);
    if (!gone) return undefined;
    const o = gone.parse();
    if (rt.kind === 'CustomResourceDefinition') {
      const key = `${(o as any).spec?.names?.plural}.${(o as any).spec?.group}`;
      // Custom objects of a deleted CRD go with it.
      for (const e of this.deps.store.list(key)) this.deps.store.delete(key, e.namespace, e.name);
      this.deps.registry.remove(key);
    }
    if (rt.kind === 'Service') {
      const spec = (o as any).spec;
      if (spec?.clusterIP) this.usedIPs.delete(spec.clusterIP);
      for (const p of spec?.ports ?? []) if (p.nodePort) this.usedNodePorts.delete(p.nodePort);
    }
    return o;
  }

  finalizeNamespace(name: string): void {
    const cur = this.deps.store.get('namespaces', '', name);
    if (!cur) return;
    const o = cur.parse() as any;
    const fin = (o.spec?.finalizers ?? []).filter((f: string) => f !== 'kubernetes');
    if (o.metadata.deletionTimestamp && !fin.length && !(o.metadata.finalizers ?? []).length) {
      this.deps.store.delete('namespaces', '', name);
      return;
    }
    o.spec = { ...(o.spec ?? {}), finalizers: fin };
    this.deps.store.update('namespaces', o, cur.rev);
  }
}

/** Applies a patch document of the given type. */
export function applyPatch(type: PatchType, target: unknown, patch: unknown): any {
  switch (type) {
    case 'json':
      return jsonPatch(target, patch);
    case 'merge':
      return mergePatch(target, patch);
    case 'strategic':
      return strategicMerge(target, patch);
  }
}
