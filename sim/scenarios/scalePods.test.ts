import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../store';
import { realisticPod } from './podShape';
import { insertReplicaSetPods, replicaSetPods, type PodValues } from './scalePods';

const shape = {
  namespace: 'alpha-01', app: 'api-1', hash: 'bcdfg0001', rsName: 'api-1-bcdfg0001', rsUid: '5b0c7a1e-1111-4c2b-9a6f-2f4d3c2b1a00',
  image: 'registry.example.com/alpha-01/api-1:1.0.0', created: '2026-11-27T01:00:00Z', started: '2026-11-27T01:00:05Z',
};
const hex = (c: string) => c.repeat(64);
const values = (i: number): PodValues => ({
  name: `api-1-bcdfg0001-x${i}`, uid: `0000000${i}-aaaa-4bbb-8ccc-dddddddddddd`, node: `node-0000${i}`, hostIP: `10.1.0.${i}`,
  podIP: `10.64.${i}.${100 + i}`, containerIds: [hex(String(i)), hex('f')], seq: i,
});

describe('scale pods from a ReplicaSet template', () => {
  it('stores exactly what store.create(realisticPod(...)) stores: JSON, metadata offsets, labels, field values', () => {
    const viaTemplate = new MemoryStore({ rvPrefix: 'abcdef' });
    const viaCreate = new MemoryStore({ rvPrefix: 'abcdef' });
    // Two ReplicaSets share the process-wide template, each with its own values bound.
    const other = { ...shape, namespace: 'bravo-02', app: 'web-7', hash: 'zxwvt0042', rsName: 'web-7-zxwvt0042', rsUid: '9e9e9e9e-2222-4c2b-9a6f-2f4d3c2b1a00', image: 'cr.example.org/web:2.3.4' };
    for (const [s, i] of [[shape, 1], [shape, 17], [other, 3], [shape, 34], [other, 51]] as const) {
      // seq 17, 34, 51: the variant with a restarted container; IPs of different lengths.
      const v = values(i);
      const a = viaTemplate.createSerialized('pods', replicaSetPods(s).pod(v)) as unknown as Record<string, unknown>;
      const b = viaCreate.create('pods', realisticPod({ ...s, ...v })) as unknown as Record<string, unknown>;
      expect(a.json).toBe(b.json);
      for (const k of ['namespace', 'name', 'uid', 'labels', 'fields', 'rev', 'metaStart', 'metaEnd']) expect(a[k], k).toEqual(b[k]);
      const parsed = JSON.parse(a.json as string) as { metadata: { resourceVersion: string }; status: { containerStatuses: Array<{ restartCount: number }> } };
      expect(parsed.metadata.resourceVersion).toBe(viaTemplate.encodeRv(a.rev as number));
      expect(parsed.status.containerStatuses[0].restartCount).toBe(i % 17 === 0 ? 1 : 0);
    }
    // List, selectors and watch history treat them as any other pods.
    expect(viaTemplate.list('pods', { fieldSelector: 'spec.nodeName=node-00003' }).map((e) => e.name)).toEqual(['api-1-bcdfg0001-x3']);
    expect(viaTemplate.list('pods', { labelSelector: 'app.kubernetes.io/name=api-1,pod-template-hash=bcdfg0001' })).toHaveLength(3);
    expect(viaTemplate.list('pods', { namespace: 'bravo-02', labelSelector: 'team=bravo' })).toHaveLength(2);
    const seen: string[] = [];
    viaTemplate.watch('pods', { afterRev: 3 }, (e) => seen.push(`${e.type} ${e.object.namespace}/${e.object.name}`));
    expect(seen).toEqual(['ADDED alpha-01/api-1-bcdfg0001-x34', 'ADDED bravo-02/api-1-bcdfg0001-x51']);
  });

  it('refuses a duplicate name (409) and values that would need JSON escaping', () => {
    const template = replicaSetPods(shape);
    const store = new MemoryStore();
    store.createSerialized('pods', template.pod(values(1)));
    expect(() => store.createSerialized('pods', template.pod(values(1)))).toThrow('pods "api-1-bcdfg0001-x1" already exists');
    expect(store.revision()).toBe(1);
    expect(() => store.createSerialized('pods', template.pod({ ...values(2), node: 'node"2' }))).toThrow('scale: pod node "node"2" would need JSON escaping');
    expect(() => replicaSetPods({ ...shape, image: 'registry.example.com/x:1\\"' })).toThrow('scale: pod image "registry.example.com/x:1\\"" would need JSON escaping');
  });

  it('serializes a batch exactly as pod by pod, and inserts correctly when a listener writes in between', () => {
    const pods = replicaSetPods(shape);
    const vs = [1, 2, 17].map(values);
    const rvs = vs.map((_, i) => `abcdef.${i + 1}`);
    expect(pods.batch(vs, rvs)).toEqual(vs.map((v, i) => pods.pod(v)(rvs[i])));

    const store = new MemoryStore({ rvPrefix: 'abcdef' });
    let wrote = false;
    store.watch('pods', {}, () => {
      // Shifts the revisions the batch expected for the pods after the first.
      if (!wrote) store.create('configmaps', { metadata: { name: 'side-effect', namespace: 'alpha-01', uid: 'u-1' } });
      wrote = true;
    });
    insertReplicaSetPods(store, pods, vs);
    const stored = store.list('pods');
    expect(stored.map((e) => e.rev).sort()).toEqual([1, 3, 4]); // 2 is the ConfigMap
    for (const e of stored) expect((JSON.parse(e.json) as { metadata: { resourceVersion: string } }).metadata.resourceVersion).toBe(store.encodeRv(e.rev));
  });
});
