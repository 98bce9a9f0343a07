/**
 * The controller manager: an informer-style cache over the store's change feed, one work queue
 * per controller (keys deduplicated, synced on the next macrotask), delays scaled by the `speed`
 * knob, and retries with backoff on write conflicts.
 *
 * Pods are cached as small summaries (not parsed objects): a parsed 7 KB pod costs ~20 KiB of
 * heap, which at 150k pods would be gigabytes. Controllers that need a whole pod read it from
 * the store (`getPod`). Every other cached type is kept parsed; never mutate what the cache
 * returns — `mutate` clones first.
 */
import type { DeleteOptions, KubeObject as CoreObject, SimContext, StoreEvent, StoredObject } from '../types';
import { clone } from './meta';
import type { KubeObject, Pod } from './model';
import { R, isConflict, isNotFound } from './resources';
import { addTo, PodIndex, removeFrom } from './podIndex';
import { summarizePod, type PodSummary } from './podSummary';

export interface Controller {
  name: string;
  /** Keys (usually `ns/name`) a change of `resource` should enqueue for this controller. */
  keysFor(resource: string, event: CachedEvent, rt: Runtime): Iterable<string>;
  /** Brings the world in line for one key; safe to call any number of times. */
  sync(key: string, rt: Runtime): void;
  /** Called once after the cache is primed (e.g. to enqueue every existing object). */
  start?(rt: Runtime): void;
}

/** A change as controllers see it: the parsed object (or pod summary) before and after. */
export interface CachedEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object?: KubeObject;
  pod?: PodSummary;
  prevPod?: PodSummary;
  prev?: KubeObject;
}

/** Types cached and followed (pods separately, as summaries). */
const CACHED: string[] = [
  R.namespaces, R.nodes, R.services, R.endpoints, R.endpointSlices, R.persistentVolumes, R.persistentVolumeClaims,
  R.storageClasses, R.deployments, R.replicaSets, R.statefulSets, R.daemonSets, R.jobs, R.cronJobs,
];

const nsName = (ns: string | undefined, name: string | undefined) => `${ns ?? ''}/${name ?? ''}`;

export class Runtime {
  readonly speed: number;
  private readonly cache = new Map<string, Map<string, KubeObject>>();
  /** `resource|namespace` → `ns/name` → object: namespaced lists without walking the whole type. */
  private readonly byNamespace = new Map<string, Map<string, KubeObject>>();
  /** `resource|namespace` → keys of cached objects with no controller ownerReference (adoption candidates). */
  private readonly orphanObjects = new Map<string, Set<string>>();
  private readonly byUid = new Map<string, { resource: string; key: string }>();
  /** owner uid → `resource|ns/name` of cached objects naming it in ownerReferences. */
  private readonly dependents = new Map<string, Set<string>>();
  private readonly podIndex = new PodIndex();
  /** `ns/name` → pod summary. */
  readonly pods = this.podIndex.pods;
  private readonly controllers: Controller[] = [];
  private readonly queues = new Map<string, Set<string>>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly retries = new Map<string, number>();
  private readonly unwatch: Array<() => void> = [];
  private flushScheduled = false;
  private stopped = false;

  constructor(readonly ctx: SimContext, speed: number) {
    this.speed = speed > 0 ? speed : 1;
  }

  now(): number {
    return this.ctx.now();
  }

  register(controller: Controller): void {
    this.controllers.push(controller);
    this.queues.set(controller.name, new Set());
  }

  start(): void {
    for (const resource of [...CACHED, R.pods]) {
      this.unwatch.push(this.ctx.store.watch(resource, {}, (ev) => this.onStoreEvent(ev)));
      for (const stored of this.ctx.store.list(resource)) this.indexStored(resource, stored);
    }
    for (const c of this.controllers) c.start?.(this);
  }

  stop(): void {
    this.stopped = true;
    for (const u of this.unwatch) u();
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  // ---- cache reads ----

  /** Cached objects of a type, of one namespace if given (from the per-namespace index: no scan of the type). */
  list<T extends KubeObject = KubeObject>(resource: string, namespace?: string): T[] {
    const m = namespace === undefined ? this.cache.get(resource) : this.byNamespace.get(`${resource}|${namespace}`);
    return m ? ([...m.values()] as T[]) : [];
  }

  /** How many objects of a type are cached (no copy). */
  count(resource: string): number {
    return this.cache.get(resource)?.size ?? 0;
  }

  /** Cached objects of a type in a namespace that no controller owns (what a workload controller may adopt). */
  orphans<T extends KubeObject = KubeObject>(resource: string, namespace: string): T[] {
    const m = this.cache.get(resource);
    return m ? [...(this.orphanObjects.get(`${resource}|${namespace}`) ?? [])].map((k) => m.get(k) as T).filter(Boolean) : [];
  }

  get<T extends KubeObject = KubeObject>(resource: string, namespace: string | undefined, name: string): T | undefined {
    return this.cache.get(resource)?.get(nsName(namespace, name)) as T | undefined;
  }

  /** The cached object with this uid and its resource key (pods: from the summaries). */
  lookupUid(uid: string): { resource: string; namespace: string; name: string } | undefined {
    const hit = this.byUid.get(uid);
    if (!hit) return undefined;
    const slash = hit.key.indexOf('/');
    return { resource: hit.resource, namespace: hit.key.slice(0, slash), name: hit.key.slice(slash + 1) };
  }

  /** Cached dependents (any type but pods) of an owner uid. */
  dependentsOf(ownerUid: string): Array<{ resource: string; object: KubeObject }> {
    const out: Array<{ resource: string; object: KubeObject }> = [];
    for (const k of this.dependents.get(ownerUid) ?? []) {
      const bar = k.indexOf('|');
      const resource = k.slice(0, bar);
      const obj = this.cache.get(resource)?.get(k.slice(bar + 1));
      if (obj) out.push({ resource, object: obj });
    }
    return out;
  }

  /** Pods whose controller (or any owner) reference has this uid. */
  podsOwnedBy(ownerUid: string): PodSummary[] {
    return this.podIndex.ownedBy(ownerUid);
  }

  podsInNamespace(namespace: string): PodSummary[] {
    return this.podIndex.inNamespace(namespace);
  }

  /** Pods of a namespace that no controller owns (usually none: adoption need not walk every pod). */
  orphanPods(namespace: string): PodSummary[] {
    return this.podIndex.orphansIn(namespace);
  }

  podsOnNode(node: string): PodSummary[] {
    return this.podIndex.onNode(node);
  }

  /** Pods not bound to a node yet (including deleting or finished ones). */
  podsWithoutNode(): PodSummary[] {
    return this.podIndex.withoutNode();
  }

  /** The whole pod, parsed from the store (a fresh copy). */
  getPod(namespace: string, name: string): Pod | undefined {
    return this.ctx.store.get(R.pods, namespace, name)?.parse() as Pod | undefined;
  }

  // ---- writes (through the object API: defaulting, validation, graceful deletion) ----

  create<T extends KubeObject>(resource: string, obj: T): T {
    return this.ctx.api.create(resource, obj as unknown as CoreObject) as unknown as T;
  }

  update<T extends KubeObject>(resource: string, obj: T): T {
    return this.ctx.api.update(resource, obj as unknown as CoreObject) as unknown as T;
  }

  updateStatus<T extends KubeObject>(resource: string, obj: T): T {
    return this.ctx.api.update(resource, obj as unknown as CoreObject, { subresource: 'status' }) as unknown as T;
  }

  /** Clones `obj`, applies `change`, and writes it (status subresource if `status`) when it changed. */
  mutate<T extends KubeObject>(resource: string, obj: T, change: (draft: T) => void, status = false): T {
    const draft = clone(obj);
    change(draft);
    if (JSON.stringify(draft) === JSON.stringify(obj)) return obj;
    return status ? this.updateStatus(resource, draft) : this.update(resource, draft);
  }

  /** Deletes as the API would; a missing object is not an error. */
  remove(resource: string, namespace: string | undefined, name: string, options?: DeleteOptions): void {
    try {
      this.ctx.api.delete(resource, namespace ?? '', name, options);
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  event(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, component: string, host?: string, fieldPath?: string): void {
    // A Terminating namespace accepts no new objects, Events included.
    const ns = obj.metadata.namespace;
    if (ns && this.get(R.namespaces, undefined, ns)?.metadata.deletionTimestamp) return;
    this.ctx.recordEvent({ involvedObject: obj as unknown as CoreObject, type, reason, message, component, host, fieldPath });
  }

  // ---- queues and time ----

  enqueue(controller: string, key: string, delaySimMs = 0): void {
    if (this.stopped) return;
    if (delaySimMs > 0) {
      this.after(delaySimMs, () => this.enqueue(controller, key));
      return;
    }
    this.queues.get(controller)?.add(key);
    this.scheduleFlush();
  }

  /** Runs `fn` after `simMs` of simulated time (real time = simMs / speed). */
  after(simMs: number, fn: () => void): void {
    if (this.stopped) return;
    const t = setTimeout(() => {
      this.timers.delete(t);
      if (!this.stopped) fn();
    }, Math.max(0, simMs / this.speed));
    this.timers.add(t);
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.stopped) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      if (!this.stopped) this.flush();
    });
  }

  private flush(): void {
    const started = Date.now();
    for (const c of this.controllers) {
      const q = this.queues.get(c.name)!;
      while (q.size > 0) {
        const key = q.values().next().value as string;
        q.delete(key);
        this.runSync(c, key);
        // Yield to the HTTP server now and then, so a burst of work never stalls the API.
        if (Date.now() - started > 40) {
          this.scheduleFlush();
          return;
        }
      }
    }
  }

  private runSync(c: Controller, key: string): void {
    const id = `${c.name}:${key}`;
    try {
      c.sync(key, this);
      this.retries.delete(id);
    } catch (err) {
      const n = (this.retries.get(id) ?? 0) + 1;
      this.retries.set(id, n);
      if (!isConflict(err) && !isNotFound(err)) console.error(`[sim] controller ${c.name} failed on ${key}:`, (err as Error).message ?? err);
      // Real time backoff (not scaled): conflicts resolve as soon as the cache catches up.
      if (n < 15) this.after(Math.min(5000, 5 * 2 ** n) * this.speed, () => this.enqueue(c.name, key));
      else this.retries.delete(id);
    }
  }

  // ---- cache maintenance ----

  private onStoreEvent(ev: StoreEvent): void {
    if (this.stopped) return;
    let cached: CachedEvent;
    if (ev.resource === R.pods) {
      const prevPod = this.pods.get(nsName(ev.object.namespace, ev.object.name));
      const pod = ev.type === 'DELETED' ? summarizePod(ev.object) : this.indexPod(ev.object);
      if (ev.type === 'DELETED') this.unindexPod(pod);
      cached = { type: ev.type, pod, prevPod };
    } else {
      const prev = this.get(ev.resource, ev.object.namespace, ev.object.name);
      const object = ev.object.parse() as unknown as KubeObject;
      if (ev.type === 'DELETED') this.unindex(ev.resource, object);
      else this.index(ev.resource, object);
      cached = { type: ev.type, object, prev };
    }
    for (const c of this.controllers) {
      for (const key of c.keysFor(ev.resource, cached, this)) this.enqueue(c.name, key);
    }
  }

  private indexStored(resource: string, stored: StoredObject): void {
    if (resource === R.pods) this.indexPod(stored);
    else this.index(resource, stored.parse() as unknown as KubeObject);
  }

  private indexPod(stored: StoredObject): PodSummary {
    const prev = this.pods.get(nsName(stored.namespace, stored.name));
    if (prev) this.unindexPod(prev);
    const s = this.podIndex.add(stored);
    this.byUid.set(s.uid, { resource: R.pods, key: nsName(s.namespace, s.name) });
    return s;
  }

  private unindexPod(s: PodSummary): void {
    const key = nsName(s.namespace, s.name);
    if (this.byUid.get(s.uid)?.key === key) this.byUid.delete(s.uid);
    this.podIndex.remove(s);
  }

  private index(resource: string, obj: KubeObject): void {
    let m = this.cache.get(resource);
    if (!m) this.cache.set(resource, (m = new Map()));
    const key = nsName(obj.metadata.namespace, obj.metadata.name);
    const prev = m.get(key);
    if (prev) this.unindex(resource, prev);
    m.set(key, obj);
    const nsKey = `${resource}|${obj.metadata.namespace ?? ''}`;
    let inNs = this.byNamespace.get(nsKey);
    if (!inNs) this.byNamespace.set(nsKey, (inNs = new Map()));
    inNs.set(key, obj);
    if (!obj.metadata.ownerReferences?.some((r) => r.controller)) addTo(this.orphanObjects, nsKey, key);
    if (obj.metadata.uid) this.byUid.set(obj.metadata.uid, { resource, key });
    for (const ref of obj.metadata.ownerReferences ?? []) addTo(this.dependents, ref.uid, `${resource}|${key}`);
  }

  private unindex(resource: string, obj: KubeObject): void {
    const m = this.cache.get(resource);
    const key = nsName(obj.metadata.namespace, obj.metadata.name);
    const cur = m?.get(key);
    if (!cur) return;
    m!.delete(key);
    const nsKey = `${resource}|${cur.metadata.namespace ?? ''}`;
    const inNs = this.byNamespace.get(nsKey);
    inNs?.delete(key);
    if (inNs?.size === 0) this.byNamespace.delete(nsKey);
    removeFrom(this.orphanObjects, nsKey, key);
    if (cur.metadata.uid) this.byUid.delete(cur.metadata.uid);
    for (const ref of cur.metadata.ownerReferences ?? []) removeFrom(this.dependents, ref.uid, `${resource}|${key}`);
  }
}
