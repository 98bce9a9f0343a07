/**
 * The controller manager: an informer-style cache over the store's change feed, one work queue
 * per controller (keys deduplicated, synced on the next macrotask), delayed requeues scaled by
 * the `speed` knob, and retries on write conflicts. Controllers are plain objects registered here.
 */
import { clone } from './meta';
import type { KubeObject } from './model';
import { isConflict, isNotFound, T, typeKey, type ChangeEvent, type ClusterPort, type TypeRef } from './port';

export interface Controller {
  name: string;
  /** Keys (usually `ns/name`) this change should enqueue for this controller. */
  keysFor(event: ChangeEvent, rt: Runtime): Iterable<string>;
  /** Brings the world in line for one key; safe to call any number of times. */
  sync(key: string, rt: Runtime): void;
  /** Called once after the cache is primed (e.g. to enqueue every existing object). */
  start?(rt: Runtime): void;
}

export interface RuntimeOptions {
  /** Time scale: 10 makes every simulated delay 10× shorter. */
  speed: number;
  now?: () => number;
  log?: (message: string) => void;
}

/** Types read into the cache at start (later types arrive through the change feed). */
const PRIMED_TYPES: TypeRef[] = [
  T.Namespace, T.Node, T.Pod, T.Service, T.Endpoints, T.EndpointSlice, T.PersistentVolume, T.PersistentVolumeClaim,
  T.StorageClass, T.Deployment, T.ReplicaSet, T.StatefulSet, T.DaemonSet, T.ControllerRevision, T.Job, T.CronJob,
  { apiVersion: 'v1', kind: 'ConfigMap' }, { apiVersion: 'v1', kind: 'Secret' }, { apiVersion: 'v1', kind: 'ServiceAccount' },
];

const uidKey = (o: KubeObject) => `${typeKey(o)}|${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;

export class Runtime {
  readonly speed: number;
  private readonly byType = new Map<string, Map<string, KubeObject>>();
  private readonly byUid = new Map<string, KubeObject>();
  /** owner uid → keys (`type|ns/name`) of objects naming it in ownerReferences. */
  private readonly dependents = new Map<string, Set<string>>();
  private readonly controllers: Controller[] = [];
  private readonly queues = new Map<string, Set<string>>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly retries = new Map<string, number>();
  private flushScheduled = false;
  private stopped = false;
  private unwatch: (() => void) | undefined;
  private readonly nowFn: () => number;
  readonly log: (message: string) => void;

  constructor(readonly port: ClusterPort, options: RuntimeOptions) {
    this.speed = options.speed > 0 ? options.speed : 1;
    this.nowFn = options.now ?? Date.now;
    this.log = options.log ?? (() => {});
  }

  now(): number {
    return this.nowFn();
  }

  register(controller: Controller): void {
    this.controllers.push(controller);
    this.queues.set(controller.name, new Set());
  }

  start(): void {
    this.unwatch = this.port.watch((ev) => this.onChange(ev));
    for (const t of PRIMED_TYPES) for (const obj of this.port.list(t)) this.index(obj);
    for (const c of this.controllers) c.start?.(this);
  }

  stop(): void {
    this.stopped = true;
    this.unwatch?.();
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  // ---- cache reads (never mutate what these return; clone first) ----

  list(type: TypeRef, namespace?: string): KubeObject[] {
    const m = this.byType.get(typeKey(type));
    if (!m) return [];
    const all = [...m.values()];
    return namespace === undefined ? all : all.filter((o) => o.metadata.namespace === namespace);
  }

  get(type: TypeRef, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.byType.get(typeKey(type))?.get(`${namespace ?? ''}/${name}`);
  }

  getByUid(uid: string | undefined): KubeObject | undefined {
    return uid ? this.byUid.get(uid) : undefined;
  }

  /** Objects whose ownerReferences name `ownerUid` (any type), optionally of one type. */
  dependentsOf(ownerUid: string, type?: TypeRef): KubeObject[] {
    const keys = this.dependents.get(ownerUid);
    if (!keys) return [];
    const out: KubeObject[] = [];
    const wanted = type ? typeKey(type) : undefined;
    for (const k of keys) {
      const bar = k.indexOf('|');
      const tk = k.slice(0, bar);
      if (wanted && tk !== wanted) continue;
      const obj = this.byType.get(tk)?.get(k.slice(bar + 1));
      if (obj) out.push(obj);
    }
    return out;
  }

  // ---- writes (through the store; the cache follows the change feed) ----

  create<T extends KubeObject>(obj: T): T {
    const created = this.port.create(obj) as T;
    this.index(created);
    return created;
  }

  update<T extends KubeObject>(obj: T): T {
    const updated = this.port.update(obj) as T;
    this.index(updated);
    return updated;
  }

  /** Clones the cached object, lets `mutate` change it, and writes it if anything changed. */
  mutate<T extends KubeObject>(obj: T, change: (draft: T) => void): T {
    const draft = clone(obj);
    change(draft);
    if (JSON.stringify(draft) === JSON.stringify(obj)) return obj;
    return this.update(draft);
  }

  remove(type: TypeRef, namespace: string | undefined, name: string, options?: Parameters<ClusterPort['remove']>[3]): void {
    try {
      this.port.remove(type, namespace, name, options);
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  // ---- queues and time ----

  enqueue(controller: string, key: string, delayMs = 0): void {
    if (this.stopped) return;
    if (delayMs > 0) {
      this.after(delayMs, () => this.enqueue(controller, key));
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
    t.unref?.();
    this.timers.add(t);
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.stopped) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.flush();
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
        if (Date.now() - started > 50) {
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
      if (!isConflict(err)) this.log(`controller ${c.name} failed on ${key}: ${(err as Error).message ?? err}`);
      if (n < 20) this.after(Math.min(5000, 10 * 2 ** n) * this.speed, () => this.enqueue(c.name, key));
    }
  }

  private onChange(ev: ChangeEvent): void {
    if (ev.object.kind === 'Event') return;
    if (ev.type === 'DELETED') this.unindex(ev.object);
    else this.index(ev.object);
    for (const c of this.controllers) {
      for (const key of c.keysFor(ev, this)) this.enqueue(c.name, key);
    }
  }

  private index(obj: KubeObject): void {
    if (obj.kind === 'Event') return;
    const tk = typeKey(obj);
    let m = this.byType.get(tk);
    if (!m) this.byType.set(tk, (m = new Map()));
    const key = `${obj.metadata.namespace ?? ''}/${obj.metadata.name ?? ''}`;
    const prev = m.get(key);
    // The change feed may replay a write we already indexed; never go back to an older copy.
    if (prev && prev.metadata.uid === obj.metadata.uid && prev.metadata.resourceVersion === obj.metadata.resourceVersion) return;
    if (prev) this.unindex(prev, true);
    m.set(key, obj);
    if (obj.metadata.uid) this.byUid.set(obj.metadata.uid, obj);
    for (const ref of obj.metadata.ownerReferences ?? []) {
      let s = this.dependents.get(ref.uid);
      if (!s) this.dependents.set(ref.uid, (s = new Set()));
      s.add(uidKey(obj));
    }
  }

  private unindex(obj: KubeObject, replacing = false): void {
    const m = this.byType.get(typeKey(obj));
    const key = `${obj.metadata.namespace ?? ''}/${obj.metadata.name ?? ''}`;
    const cur = m?.get(key);
    if (!replacing && cur && cur.metadata.uid !== obj.metadata.uid) return;
    if (!replacing) m?.delete(key);
    if (obj.metadata.uid && this.byUid.get(obj.metadata.uid) === (cur ?? obj)) this.byUid.delete(obj.metadata.uid);
    for (const ref of (cur ?? obj).metadata.ownerReferences ?? []) {
      const s = this.dependents.get(ref.uid);
      s?.delete(uidKey(cur ?? obj));
      if (s && s.size === 0) this.dependents.delete(ref.uid);
    }
  }
}
