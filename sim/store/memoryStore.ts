/**
 * In-memory object store: each object kept as its JSON string plus a small index, so that a
 * list of 50k pods is string concatenation rather than JSON.stringify. One global revision
 * counter; a bounded ring of recent events per resource type for watch resume.
 */
import { randomBytes } from 'node:crypto';
import {
  ApiError,
  type KubeObject,
  type ObjectIndex,
  type ResourceKey,
  type Store,
  type StoredObject,
  type StoreEvent,
  type StoreListener,
  type StoreListOptions,
  type StoreWatchOptions,
  type WatchEventType,
} from '../types';
import { allowedFields, extractFields } from './fields';
import { type FieldSelector, type LabelSelector, matchFields, matchLabels, parseFieldSelector, parseLabelSelector } from './selectors';

class Entry implements StoredObject {
  constructor(
    public namespace: string,
    public name: string,
    public uid: string,
    public labels: Record<string, string>,
    public fields: Record<string, string>,
    public rev: number,
    public json: string,
    /** Where the `metadata` value sits in `json` (lets readers slice it out without parsing). */
    public metaStart = -1,
    public metaEnd = -1,
  ) {}
  parse(): KubeObject {
    return JSON.parse(this.json) as KubeObject;
  }
}

interface Watcher {
  namespace: string;
  labels: LabelSelector;
  fields: FieldSelector;
  listener: StoreListener;
}

/** Fixed-capacity ring of events. */
class Ring {
  private buf: (StoreEvent | undefined)[];
  private start = 0;
  size = 0;
  constructor(private capacity: number) {
    this.buf = new Array(capacity);
  }
  /** Pushes an event, returning the evicted one if the ring was full. */
  push(e: StoreEvent): StoreEvent | undefined {
    if (this.size < this.capacity) {
      this.buf[(this.start + this.size++) % this.capacity] = e;
      return undefined;
    }
    const evicted = this.buf[this.start];
    this.buf[this.start] = e;
    this.start = (this.start + 1) % this.capacity;
    return evicted;
  }
  clear(): void {
    this.buf = new Array(this.capacity);
    this.start = 0;
    this.size = 0;
  }
  *after(rev: number): Generator<StoreEvent> {
    for (let i = 0; i < this.size; i++) {
      const e = this.buf[(this.start + i) % this.capacity]!;
      if (e.rev > rev) yield e;
    }
  }
}

class TypeStore {
  objects = new Map<string, Entry>();
  /** Keys in sorted order as of the last {@link sorted} call. */
  private keys: string[] = [];
  /** Keys added since, unsorted: inserts stay O(1) while 150k pods are created. */
  private added: string[] = [];
  /** Keys removed since (still in `keys`). */
  private removed = new Set<string>();

  insertKey(key: string): void {
    if (this.removed.delete(key)) return; // re-created before the next sort: still in `keys`
    this.added.push(key);
  }

  removeKey(key: string): void {
    const i = this.added.indexOf(key);
    if (i >= 0 && this.added.length < 1024) this.added.splice(i, 1);
    else this.removed.add(key);
  }

  /** All keys in sorted order (merging pending changes in O(n + m log m)). */
  sorted(): string[] {
    if (!this.added.length && !this.removed.size) return this.keys;
    const added = this.added.filter((k) => !this.removed.has(k)).sort();
    const removed = this.removed;
    const out: string[] = new Array(0);
    let i = 0;
    let j = 0;
    const keys = this.keys;
    while (i < keys.length || j < added.length) {
      if (j >= added.length || (i < keys.length && keys[i] < added[j])) {
        const k = keys[i++];
        if (!removed.has(k)) out.push(k);
      } else {
        out.push(added[j++]);
      }
    }
    this.keys = out;
    this.added = [];
    this.removed = new Set();
    return out;
  }

  history: Ring;
  /** Resumes from a revision below this one may have missed events → 410. */
  compactedRev = 0;
  watchers = new Set<Watcher>();
  constructor(historySize: number) {
    this.history = new Ring(historySize);
  }
}

function lowerBound(keys: string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function objectKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

function notFound(resource: ResourceKey, name: string): ApiError {
  const [plural, ...group] = resource.split('.');
  const gr = group.length ? `${plural}.${group.join('.')}` : plural;
  return new ApiError(404, 'NotFound', `${gr} "${name}" not found`, { name, group: group.join('.'), kind: plural });
}

function matches(w: Watcher, o: ObjectIndex): boolean {
  if (w.namespace && o.namespace !== w.namespace) return false;
  return matchLabels(w.labels, o.labels) && matchFields(w.fields, o.fields);
}

/** An object as the store keeps it, for {@link MemoryStore.createSerialized}. */
export interface SerializedObject extends ObjectIndex {
  /** {@link serializeObject} output, `metadata.resourceVersion` included. */
  json: string;
  metaStart: number;
  metaEnd: number;
}

/**
 * The stored JSON layout: apiVersion, kind, metadata first (then the other fields in object
 * order), with the offsets of the metadata value remembered so readers can slice it out.
 */
export function serializeObject(object: KubeObject): { json: string; metaStart: number; metaEnd: number } {
  const { apiVersion, kind, metadata, ...rest } = object;
  const head = `${JSON.stringify({ apiVersion, kind }).slice(0, -1)},"metadata":`;
  const meta = JSON.stringify(metadata);
  const tail = JSON.stringify(rest);
  return { json: `${head}${meta}${tail.length > 2 ? `,${tail.slice(1)}` : '}'}`, metaStart: head.length, metaEnd: head.length + meta.length };
}

export interface MemoryStoreOptions {
  /** Events kept per resource type for watch resume. */
  historySize?: number;
  /** Clock for nothing but the rv prefix; injectable for tests. */
  rvPrefix?: string;
}

export class MemoryStore implements Store {
  private rev = 0;
  private types = new Map<ResourceKey, TypeStore>();
  private readonly historySize: number;
  /** Per-run prefix: a resourceVersion from another run is recognisably not ours. */
  private readonly prefix: string;
  private queue: { ts: TypeStore; event: StoreEvent }[] = [];
  private dispatching = false;

  constructor(options: MemoryStoreOptions = {}) {
    this.historySize = Math.max(1, options.historySize ?? 10000);
    this.prefix = options.rvPrefix ?? randomBytes(3).toString('hex');
  }

  revision(): number {
    return this.rev;
  }

  encodeRv(rev: number): string {
    return `${this.prefix}.${rev.toString(36)}`;
  }

  decodeRv(rv: string): number {
    const m = /^([0-9a-f]{6})\.([0-9a-z]+)$/.exec(rv);
    if (!m) {
      throw new ApiError(400, 'BadRequest', `resourceVersion: Invalid value: "${rv}": invalid resource version`);
    }
    if (m[1] !== this.prefix) throw new ApiError(410, 'Expired', `too old resource version: ${rv}`);
    return parseInt(m[2], 36);
  }

  private type(resource: ResourceKey): TypeStore {
    let ts = this.types.get(resource);
    if (!ts) {
      ts = new TypeStore(this.historySize);
      this.types.set(resource, ts);
    }
    return ts;
  }

  get(resource: ResourceKey, namespace: string, name: string): StoredObject | undefined {
    return this.types.get(resource)?.objects.get(objectKey(namespace, name));
  }

  count(resource: ResourceKey): number {
    return this.types.get(resource)?.objects.size ?? 0;
  }

  list(resource: ResourceKey, options: StoreListOptions = {}): StoredObject[] {
    return this.listPage(resource, options).items;
  }

  listPage(resource: ResourceKey, options: StoreListOptions & { after?: string; limit?: number }) {
    const ts = this.types.get(resource);
    const out: StoredObject[] = [];
    if (!ts) return { items: out, more: false, remaining: options.labelSelector || options.fieldSelector ? undefined : 0 };
    const labels = parseLabelSelector(options.labelSelector);
    const fields = parseFieldSelector(options.fieldSelector, allowedFields(resource));
    const ns = options.namespace ?? '';
    const prefix = ns ? `${ns}/` : '';
    const keys = ts.sorted();
    let i = lowerBound(keys, prefix);
    if (options.after !== undefined) i = Math.max(i, lowerBound(keys, options.after + '\u0000'));
    const limit = options.limit && options.limit > 0 ? options.limit : Infinity;
    let lastKey: string | undefined;
    for (; i < keys.length; i++) {
      const key = keys[i];
      if (prefix && !key.startsWith(prefix)) break;
      const e = ts.objects.get(key)!;
      if (labels.length && !matchLabels(labels, e.labels)) continue;
      if (fields.length && !matchFields(fields, e.fields)) continue;
      if (out.length >= limit) {
        // Another match exists beyond the page.
        let remaining: number | undefined;
        if (!labels.length && !fields.length) {
          remaining = prefix ? countPrefix(keys, i, prefix) : keys.length - i;
        }
        return { items: out, lastKey, more: true, remaining };
      }
      out.push(e);
      lastKey = key;
    }
    return { items: out, lastKey, more: false };
  }

  /**
   * Like {@link listPage} but as the type was at revision `rev` (consistent paging and
   * resourceVersionMatch=Exact), reconstructed from the watch history. Throws 410 Expired
   * when `rev` is older than the kept history.
   */
  listPageAt(resource: ResourceKey, rev: number, options: StoreListOptions & { after?: string; limit?: number }) {
    const ts = this.types.get(resource);
    if (!ts || rev >= this.rev) return this.listPage(resource, options);
    if (rev < ts.compactedRev) {
      throw new ApiError(410, 'Expired', `too old resource version: ${this.encodeRv(rev)} (${this.encodeRv(ts.compactedRev)})`);
    }
    // State at `rev` of every key changed since: the first event after rev tells what it was.
    const before = new Map<string, Entry | null>();
    for (const e of ts.history.after(rev)) {
      const key = objectKey(e.object.namespace, e.object.name);
      if (before.has(key)) continue;
      before.set(key, e.type === 'ADDED' ? null : (e.prev as Entry));
    }
    if (!before.size) return this.listPage(resource, options);
    const changed = [...before.keys()].sort();
    const labels = parseLabelSelector(options.labelSelector);
    const fields = parseFieldSelector(options.fieldSelector, allowedFields(resource));
    const ns = options.namespace ?? '';
    const prefix = ns ? `${ns}/` : '';
    const from = options.after !== undefined && options.after + '\u0000' > prefix ? options.after + '\u0000' : prefix;
    const limit = options.limit && options.limit > 0 ? options.limit : Infinity;
    const keys = ts.sorted();
    let i = lowerBound(keys, from);
    let j = lowerBound(changed, from);
    const out: StoredObject[] = [];
    let lastKey: string | undefined;
    for (;;) {
      const a = i < keys.length ? keys[i] : undefined;
      const b = j < changed.length ? changed[j] : undefined;
      if (a === undefined && b === undefined) break;
      let key: string;
      let entry: Entry | null | undefined;
      if (b === undefined || (a !== undefined && a < b)) {
        key = a!;
        i++;
        if (before.has(key)) continue;
        entry = ts.objects.get(key);
      } else {
        key = b;
        j++;
        if (a === b) i++;
        entry = before.get(key);
      }
      if (prefix && !key.startsWith(prefix)) break;
      if (!entry) continue;
      if (labels.length && !matchLabels(labels, entry.labels)) continue;
      if (fields.length && !matchFields(fields, entry.fields)) continue;
      if (out.length >= limit) return { items: out, lastKey, more: true, remaining: undefined };
      out.push(entry);
      lastKey = key;
    }
    return { items: out, lastKey, more: false, remaining: undefined };
  }

  create(resource: ResourceKey, object: KubeObject): StoredObject {
    const ts = this.type(resource);
    const ns = object.metadata.namespace ?? '';
    const name = object.metadata.name ?? '';
    const key = objectKey(ns, name);
    if (ts.objects.has(key)) {
      const [plural, ...group] = resource.split('.');
      throw new ApiError(409, 'AlreadyExists', `${resource} "${name}" already exists`, { name, group: group.join('.'), kind: plural });
    }
    const entry = this.entry(resource, object, ++this.rev);
    ts.objects.set(key, entry);
    ts.insertKey(key);
    this.emit(resource, ts, 'ADDED', entry);
    return entry;
  }

  update(resource: ResourceKey, object: KubeObject, expectedRev?: number): StoredObject {
    const ts = this.type(resource);
    const ns = object.metadata.namespace ?? '';
    const name = object.metadata.name ?? '';
    const key = objectKey(ns, name);
    const prev = ts.objects.get(key);
    if (!prev) throw notFound(resource, name);
    if (expectedRev !== undefined && expectedRev !== prev.rev) {
      const [plural, ...group] = resource.split('.');
      const gr = group.length ? `${plural}.${group.join('.')}` : plural;
      throw new ApiError(
        409,
        'Conflict',
        `Operation cannot be fulfilled on ${gr} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
        { name, group: group.join('.'), kind: plural },
      );
    }
    const entry = this.entry(resource, object, ++this.rev);
    ts.objects.set(key, entry);
    this.emit(resource, ts, 'MODIFIED', entry, prev);
    return entry;
  }

  delete(resource: ResourceKey, namespace: string, name: string): StoredObject | undefined {
    const ts = this.types.get(resource);
    const key = objectKey(namespace, name);
    const prev = ts?.objects.get(key);
    if (!ts || !prev) return undefined;
    ts.objects.delete(key);
    ts.removeKey(key);
    // The DELETED event carries the last state with the deletion's revision, as kube does.
    const rev = ++this.rev;
    const obj = prev.parse();
    obj.metadata.resourceVersion = this.encodeRv(rev);
    const { json, metaStart, metaEnd } = serializeObject(obj);
    const gone = new Entry(prev.namespace, prev.name, prev.uid, prev.labels, prev.fields, rev, json, metaStart, metaEnd);
    this.emit(resource, ts, 'DELETED', gone, prev);
    return gone;
  }

  watch(resource: ResourceKey, options: StoreWatchOptions, listener: StoreListener): () => void {
    const ts = this.type(resource);
    const w: Watcher = {
      namespace: options.namespace ?? '',
      labels: parseLabelSelector(options.labelSelector),
      fields: parseFieldSelector(options.fieldSelector, allowedFields(resource)),
      listener,
    };
    if (options.afterRev !== undefined) {
      if (options.afterRev < ts.compactedRev) {
        throw new ApiError(410, 'Expired', `too old resource version: ${this.encodeRv(options.afterRev)} (${this.encodeRv(ts.compactedRev)})`);
      }
      for (const e of ts.history.after(options.afterRev)) {
        const filtered = filterEvent(w, e);
        if (filtered) listener(filtered);
      }
    }
    ts.watchers.add(w);
    return () => {
      ts.watchers.delete(w);
    };
  }

  compact(): void {
    for (const ts of this.types.values()) {
      ts.history.clear();
      ts.compactedRev = this.rev;
    }
  }

  oldestResumableRev(resource: ResourceKey): number {
    return this.types.get(resource)?.compactedRev ?? 0;
  }

  private entry(resource: ResourceKey, object: KubeObject, rev: number): Entry {
    object.metadata.resourceVersion = this.encodeRv(rev);
    const { json, metaStart, metaEnd } = serializeObject(object);
    return new Entry(
      object.metadata.namespace ?? '',
      object.metadata.name ?? '',
      object.metadata.uid ?? '',
      { ...(object.metadata.labels ?? {}) },
      extractFields(resource, object),
      rev,
      json,
      metaStart,
      metaEnd,
    );
  }

  /**
   * Bulk-load entry point: inserts an object the caller has already serialized, skipping the
   * parse/stringify/field extraction {@link create} does (the scale scenario loads 150k pods).
   * `build` gets the resourceVersion to embed and must return exactly what {@link create} would
   * store for the object: `serializeObject` layout, labels, `extractFields` values. Watchers and
   * history see an ordinary ADDED event.
   */
  createSerialized(resource: ResourceKey, build: (resourceVersion: string) => SerializedObject): StoredObject {
    const ts = this.type(resource);
    const rev = this.rev + 1;
    const o = build(this.encodeRv(rev));
    const key = objectKey(o.namespace, o.name);
    if (ts.objects.has(key)) {
      const [plural, ...group] = resource.split('.');
      throw new ApiError(409, 'AlreadyExists', `${resource} "${o.name}" already exists`, { name: o.name, group: group.join('.'), kind: plural });
    }
    this.rev = rev;
    const entry = new Entry(o.namespace, o.name, o.uid, o.labels, o.fields, rev, o.json, o.metaStart, o.metaEnd);
    ts.objects.set(key, entry);
    ts.insertKey(key);
    this.emit(resource, ts, 'ADDED', entry);
    return entry;
  }

  private emit(resource: ResourceKey, ts: TypeStore, type: WatchEventType, object: Entry, prev?: Entry): void {
    const event: StoreEvent = { type, resource, rev: object.rev, object, prev };
    const evicted = ts.history.push(event);
    if (evicted) ts.compactedRev = evicted.rev;
    // Listeners may write again; queue so every watcher sees events in revision order.
    this.queue.push({ ts, event });
    if (this.dispatching) return;
    this.dispatching = true;
    try {
      while (this.queue.length) {
        const { ts: t, event: e } = this.queue.shift()!;
        for (const w of [...t.watchers]) {
          const filtered = filterEvent(w, e);
          if (!filtered) continue;
          try {
            w.listener(filtered);
          } catch (err) {
            console.error('[sim] watch listener failed:', err);
          }
        }
      }
    } finally {
      this.dispatching = false;
    }
  }
}

function countPrefix(keys: string[], from: number, prefix: string): number {
  let n = 0;
  for (let i = from; i < keys.length && keys[i].startsWith(prefix); i++) n++;
  return n;
}

/** Applies a watcher's filter, turning selector enter/leave into ADDED/DELETED as the watch cache does. */
function filterEvent(w: Watcher, e: StoreEvent): StoreEvent | undefined {
  const now = matches(w, e.object);
  if (e.type !== 'MODIFIED' || !e.prev) return now ? e : undefined;
  const before = matches(w, e.prev);
  if (now && before) return e;
  if (now) return { ...e, type: 'ADDED' };
  if (before) return { ...e, type: 'DELETED' };
  return undefined;
}
