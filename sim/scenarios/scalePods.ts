/**
 * The pods of the scale scenario, serialized from a template. `realisticPod` is built and
 * serialized once per process (twice: with and without a container restart) with placeholder
 * tokens wherever pods differ; the JSON is split at the tokens. Each ReplicaSet binds its own
 * values into the pieces ({@link replicaSetPods}), and each pod is the pieces joined with the
 * pod's values. Why: building and `JSON.stringify`-ing 150k objects of 7 KB one by one was the
 * largest cost of loading the scenario, and most of its garbage.
 *
 * The result is exactly what `store.create(realisticPod(...))` would store (scalePods.test.ts
 * checks that), so lists, watches, selectors and the controllers cannot tell the difference.
 */
import type { Store } from '../types';
import { createSerialized, extractFields, serializeObject, type SerializedObject } from '../store';
import { deriveShape, realisticPod, type PodShapeDerived, type PodShapeInput } from './podShape';

/** What differs between the pods of one ReplicaSet. */
export interface PodValues {
  name: string;
  uid: string;
  node: string;
  hostIP: string;
  podIP: string;
  /** 64 hex chars each. */
  containerIds: [string, string];
  /** Pod counter (every 17th pod has restarted once, as realisticPod has it). */
  seq: number;
}

/** Everything realisticPod needs except the per-pod values. */
export type ReplicaSetShape = Omit<PodShapeInput, keyof PodValues>;

const RS_SLOTS = ['namespace', 'app', 'hash', 'rsName', 'rsUid', 'image', 'created', 'started', 'team', 'tokenVolume', 'appImageId'] as const;
const POD_SLOTS = ['name', 'uid', 'node', 'hostIP', 'podIP', 'cidApp', 'cidLog', 'rv'] as const;
type RsSlot = (typeof RS_SLOTS)[number];
type PodSlot = (typeof POD_SLOTS)[number];
type Slot = RsSlot | PodSlot;
const token = (slot: Slot) => `@@${slot}@@`;
const TOKEN_RE = new RegExp(`@@(${[...RS_SLOTS, ...POD_SLOTS].join('|')})@@`, 'g');
const IS_RS_SLOT = new Set<Slot>(RS_SLOTS);
/**
 * Values are pasted into JSON strings unescaped, so they must need no escaping; what the scale
 * scenario generates (DNS names, uids, IPs, image references, hex) never does. Checked for the
 * ReplicaSet's values and the pods' names.
 */
const PLAIN = /^[A-Za-z0-9._:/@-]*$/;

function plain(slot: Slot, value: string): string {
  if (!PLAIN.test(value)) throw new Error(`scale: pod ${slot} "${value}" would need JSON escaping`);
  return value;
}

/** Text split at the tokens: literals[0] slots[0] literals[1] … literals[n]. */
interface Pieces<S extends Slot> {
  literals: string[];
  slots: S[];
}

function split(text: string): Pieces<Slot> {
  const literals: string[] = [];
  const slots: Slot[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN_RE)) {
    literals.push(text.slice(last, m.index));
    slots.push(m[1] as Slot);
    last = m.index + m[0].length;
  }
  literals.push(text.slice(last));
  return { literals, slots };
}

/** Fills the ReplicaSet's slots, leaving the pod's; literals come out flat (joined once here, copied per pod). */
function bind(p: Pieces<Slot>, rs: Record<RsSlot, string>): Pieces<PodSlot> {
  const literals: string[] = [];
  const slots: PodSlot[] = [];
  let cur = [p.literals[0]];
  for (let i = 0; i < p.slots.length; i++) {
    const slot = p.slots[i];
    if (IS_RS_SLOT.has(slot)) cur.push(rs[slot as RsSlot], p.literals[i + 1]);
    else {
      literals.push(cur.join(''));
      slots.push(slot as PodSlot);
      cur = [p.literals[i + 1]];
    }
  }
  literals.push(cur.join(''));
  return { literals, slots };
}

/**
 * Appends the pieces, filled with `v`, to `out`; returns their total length. The caller joins
 * `out` once: Array.join builds a flat string in one copy, whereas `+=` builds a rope that every
 * later read (indexOf, JSON.parse, socket writes) must flatten first, measured several times slower.
 */
function fill(out: string[], p: Pieces<PodSlot>, v: Record<PodSlot, string>): number {
  let length = p.literals[0].length;
  out.push(p.literals[0]);
  for (let i = 0; i < p.slots.length; i++) {
    const value = v[p.slots[i]];
    out.push(value, p.literals[i + 1]);
    length += value.length + p.literals[i + 1].length;
  }
  return length;
}

function filled(p: Pieces<PodSlot>, v: Record<PodSlot, string>): string {
  if (p.slots.length === 1 && !p.literals[0] && !p.literals[1]) return v[p.slots[0]]; // e.g. spec.nodeName
  const out: string[] = [];
  fill(out, p, v);
  return out.join('');
}

interface Variant<S extends Slot> {
  head: string;
  meta: Pieces<S>;
  tail: Pieces<S>;
}

interface Template {
  /** Index 0: no restart; 1: the app container restarted once. */
  variants: [Variant<Slot>, Variant<Slot>];
  labels: Array<[string, Pieces<Slot>]>;
  fields: Array<[string, Pieces<Slot>]>;
}

let template: Template | undefined;

function buildTemplate(): Template {
  const input = Object.fromEntries([...RS_SLOTS, ...POD_SLOTS].map((s) => [s, token(s)])) as Record<Slot, string>;
  const shape: PodShapeInput = { ...input, containerIds: [token('cidApp'), token('cidLog')], seq: 1 };
  const derived: PodShapeDerived = { team: token('team'), tokenVolume: token('tokenVolume'), appImageId: token('appImageId') };
  const variant = (seq: number): Variant<Slot> => {
    const pod = realisticPod({ ...shape, seq }, derived);
    pod.metadata.resourceVersion = token('rv'); // where the store puts it: after the other metadata
    const { json, metaStart, metaEnd } = serializeObject(pod);
    return { head: json.slice(0, metaStart), meta: split(json.slice(metaStart, metaEnd)), tail: split(json.slice(metaEnd)) };
  };
  const sample = realisticPod(shape, derived);
  const variants: Template['variants'] = [variant(1), variant(17)];
  if (split(variants[0].head).slots.length) throw new Error('scale: the pod template head must be constant');
  return {
    variants,
    labels: Object.entries(sample.metadata.labels ?? {}).map(([k, v]) => [k, split(v)]),
    fields: Object.entries(extractFields('pods', sample)).map(([k, v]) => [k, split(v)]),
  };
}

export interface ReplicaSetPods {
  /** One pod as `createSerialized` wants it: a function of its resourceVersion. */
  pod(v: PodValues): (resourceVersion: string) => SerializedObject;
  /**
   * Several pods at once, `rvs[i]` being pod i's resourceVersion. Their JSON is built as one
   * string and each pod's is a slice of it (V8 shares the memory). Why: a string over 128 KB is
   * allocated in V8's large-object space, which the young-generation GC never copies; 150k
   * separate 7 KB strings were each copied twice on their way to the old generation, which was
   * most of the load's GC time.
   */
  batch(values: PodValues[], rvs: string[]): SerializedObject[];
}

/** The pods of one ReplicaSet: the shared template with the ReplicaSet's values bound. */
export function replicaSetPods(shape: ReplicaSetShape): ReplicaSetPods {
  template ??= buildTemplate();
  const d = deriveShape(shape);
  const rs = {} as Record<RsSlot, string>;
  for (const slot of RS_SLOTS) rs[slot] = plain(slot, (slot in d ? d[slot as keyof PodShapeDerived] : shape[slot as keyof ReplicaSetShape]) as string);
  const variants = template.variants.map((v) => ({ head: v.head, meta: bind(v.meta, rs), tail: bind(v.tail, rs) })) as [Variant<PodSlot>, Variant<PodSlot>];
  const labels: Record<string, string> = {};
  for (const [k, v] of template.labels) {
    const bound = bind(v, rs);
    if (bound.slots.length) throw new Error(`scale: pod label ${k} must not vary within a ReplicaSet`);
    labels[k] = bound.literals[0];
  }
  const fixedFields: Record<string, string> = {};
  const podFields: Array<[string, Pieces<PodSlot>]> = [];
  for (const [k, v] of template.fields) {
    const bound = bind(v, rs);
    if (bound.slots.length) podFields.push([k, bound]);
    else fixedFields[k] = bound.literals[0];
  }
  /** Appends pod `v`'s JSON to `parts`; returns its length and where its metadata ends. */
  const render = (parts: string[], v: PodValues, rv: string) => {
    const values: Record<PodSlot, string> = { name: v.name, uid: v.uid, node: v.node, hostIP: v.hostIP, podIP: v.podIP, cidApp: v.containerIds[0], cidLog: v.containerIds[1], rv };
    // uid, IPs, container IDs and rv are generated (hex, digits); names come from text.
    plain('name', v.name);
    plain('node', v.node);
    const variant = variants[v.seq % 17 === 0 ? 1 : 0];
    parts.push(variant.head);
    const metaEnd = variant.head.length + fill(parts, variant.meta, values);
    const length = metaEnd + fill(parts, variant.tail, values);
    const fields = { ...fixedFields };
    for (const [k, pieces] of podFields) fields[k] = filled(pieces, values);
    return { length, metaStart: variant.head.length, metaEnd, index: { namespace: shape.namespace, name: v.name, uid: v.uid, labels, fields } };
  };
  return {
    pod: (v) => (rv) => {
      const parts: string[] = [];
      const r = render(parts, v, rv);
      return { ...r.index, json: parts.join(''), metaStart: r.metaStart, metaEnd: r.metaEnd };
    },
    batch: (values, rvs) => {
      const parts: string[] = [];
      const rendered = values.map((v, i) => render(parts, v, rvs[i]));
      const all = parts.join('');
      let at = 0;
      return rendered.map((r) => {
        const json = all.slice(at, at + r.length);
        at += r.length;
        return { ...r.index, json, metaStart: r.metaStart, metaEnd: r.metaEnd };
      });
    },
  };
}

/**
 * Inserts the pods of one ReplicaSet, serialized as one {@link ReplicaSetPods.batch} with the
 * resourceVersions they are expected to get. A pod whose actual resourceVersion differs (some
 * listener wrote in between) is serialized on its own instead, so the result is the same either way.
 */
export function insertReplicaSetPods(store: Store, pods: ReplicaSetPods, values: PodValues[]): void {
  const first = store.revision() + 1;
  const batch = pods.batch(values, values.map((_, i) => store.encodeRv(first + i)));
  values.forEach((v, i) => {
    createSerialized(store, 'pods', (rv) => (rv === store.encodeRv(first + i) ? batch[i] : pods.pod(v)(rv)));
  });
}
