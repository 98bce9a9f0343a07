import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../store';
import type { KubeObject, StoredObject } from '../types';
import { replicaSetPods } from '../scenarios/scalePods';
import { summarizePod, type PodSummary } from './podSummary';

/** The summary fields computed the slow, obviously right way: from the parsed object. */
function expected(o: KubeObject): Partial<PodSummary> {
  const meta = o.metadata;
  const spec = (o.spec ?? {}) as { nodeName?: string; volumes?: Array<{ persistentVolumeClaim?: unknown }> };
  const status = (o.status ?? {}) as { phase?: string; podIP?: string; conditions?: Array<{ type: string; status: string; lastTransitionTime?: string }> };
  const refs = meta.ownerReferences ?? [];
  const ready = status.conditions?.find((c) => c.type === 'Ready');
  const isReady = ready?.status === 'True';
  return {
    namespace: meta.namespace ?? '', name: meta.name, uid: meta.uid,
    ownerUids: refs.map((r) => r.uid), controllerUid: refs.find((r) => r.controller)?.uid, controllerKind: refs.find((r) => r.controller)?.kind,
    nodeName: spec.nodeName ?? '', phase: status.phase || 'Pending', podIP: status.podIP ?? '',
    ready: isReady, readySince: isReady ? Date.parse(ready!.lastTransitionTime!) : 0,
    deleting: !!meta.deletionTimestamp, gcFinalizer: (meta.finalizers ?? []).some((f) => f === 'foregroundDeletion' || f === 'orphan'),
    hasClaims: (spec.volumes ?? []).some((v) => !!v.persistentVolumeClaim),
  };
}

function actual(s: PodSummary): Partial<PodSummary> {
  const { namespace, name, uid, ownerUids, controllerUid, controllerKind, nodeName, phase, podIP, ready, readySince, deleting, gcFinalizer, hasClaims } = s;
  return { namespace, name, uid, ownerUids, controllerUid, controllerKind, nodeName, phase, podIP, ready, readySince, deleting, gcFinalizer, hasClaims };
}

const T0 = '2026-11-27T01:00:00Z';
let n = 0;
function pod(extra: { metadata?: Record<string, unknown>; spec?: Record<string, unknown>; status?: Record<string, unknown> } = {}, statusFirst = false): KubeObject {
  n++;
  const metadata = { name: `p${n}`, namespace: 'ns', uid: `uid-${n}`, ...extra.metadata };
  const spec = { nodeName: 'node-1', containers: [{ name: 'c', image: 'nginx' }], ...extra.spec };
  const status = { phase: 'Running', podIP: `10.0.0.${n}`, conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: T0 }], ...extra.status };
  return statusFirst ? { apiVersion: 'v1', kind: 'Pod', metadata, status, spec } : { apiVersion: 'v1', kind: 'Pod', metadata, spec, status };
}

const rs = (uid: string) => [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `rs-${uid}`, uid, controller: true, blockOwnerDeletion: true }];

describe('pod summaries read from stored JSON', () => {
  it('agree with the parsed object for tricky pods, in any order (no stale reuse between pods)', () => {
    const store = new MemoryStore();
    const pods: KubeObject[] = [
      pod({ metadata: { ownerReferences: rs('a') } }),
      pod({ metadata: { ownerReferences: rs('a') } }),
      pod({ metadata: { ownerReferences: rs('b') }, status: { conditions: [{ type: 'Ready', status: 'False', lastTransitionTime: T0 }] } }),
      pod({ metadata: { ownerReferences: rs('a') } }),
      // Key-like text inside annotation values and label values (escaped in JSON).
      pod({ metadata: { annotations: { note: '"ownerReferences":[{"uid":"evil","controller":true}] "conditions":[] "deletionTimestamp":"x" "finalizers":["orphan"] "spec":{', 'last-applied': '{"metadata":{"ownerReferences":[]}}' }, labels: { a: 'b' } } }),
      // An unknown field named like a metadata key outside metadata must not be taken for it.
      pod({ spec: { extra: { ownerReferences: [{ uid: 'not-an-owner', controller: true }], finalizers: ['orphan'], deletionTimestamp: T0 } } }),
      // Being deleted, with GC finalizers and an owner.
      pod({ metadata: { deletionTimestamp: T0, finalizers: ['foregroundDeletion'], ownerReferences: rs('c') } }),
      pod({ metadata: { finalizers: ['example.com/keep'] } }),
      // status before spec; no status at all; empty conditions; PVC volume; unicode and escapes.
      pod({ metadata: { ownerReferences: rs('a') }, spec: { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data-0' } }] } }, true),
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bare', namespace: 'ns', uid: 'uid-bare' }, spec: { containers: [{ name: 'c', image: 'x' }] } },
      pod({ status: { conditions: [] } }),
      pod({ metadata: { annotations: { 'ünïcødé': 'ünïcødé ] } [ { \\ \\" "', 'x': '\u2028' } }, status: { conditions: [{ type: 'PodScheduled', status: 'True', message: 'a ] } "quoted"' }, { type: 'Ready', status: 'True', lastTransitionTime: '2026-11-27T02:00:00Z' }] } }),
    ];
    for (const p of pods) {
      const stored = store.create('pods', structuredClone(p));
      expect(actual(summarizePod(stored)), p.metadata.name).toEqual(expected(p));
    }
    // Again in reverse (the summaries reuse what they derived from repeated arrays).
    for (const stored of store.list('pods').reverse()) expect(actual(summarizePod(stored))).toEqual(expected(stored.parse()));
    // The DELETED event's entry, and an object from a store that does not record metadata offsets.
    const gone = store.delete('pods', 'ns', pods[6].metadata.name!)!;
    expect(actual(summarizePod(gone))).toEqual(expected(gone.parse()));
    const foreign = store.list('pods')[0];
    const bare: StoredObject = { ...foreign, json: foreign.json, parse: () => foreign.parse() };
    expect(actual(summarizePod(bare))).toEqual(expected(foreign.parse()));
  });

  it('agree with the parsed object for the scale scenario pods', () => {
    const store = new MemoryStore();
    for (const [i, ns] of ['alpha-01', 'bravo-01'].entries()) {
      const pods = replicaSetPods({ namespace: ns, app: 'api', hash: `hash${i}`, rsName: `api-hash${i}`, rsUid: `rs-uid-${i}`, image: 'r.example.com/api:1.0', created: T0, started: T0 });
      for (let k = 1; k <= 18; k++) {
        store.createSerialized('pods', pods.pod({ name: `api-hash${i}-${k}`, uid: `u-${i}-${k}`, node: `node-${k % 3}`, hostIP: '10.1.0.1', podIP: `10.64.0.${k}`, containerIds: ['a'.repeat(64), 'b'.repeat(64)], seq: k }));
      }
    }
    for (const stored of store.list('pods')) expect(actual(summarizePod(stored))).toEqual(expected(stored.parse()));
  });
});
