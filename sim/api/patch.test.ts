import { describe, expect, it } from 'vitest';
import { jsonPatch, mergePatch, strategicMerge } from './patch';

const pod = {
  metadata: { labels: { a: '1', b: '2' }, finalizers: ['x'] },
  spec: {
    containers: [
      { name: 'web', image: 'nginx:1', ports: [{ containerPort: 80 }], env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] },
      { name: 'side', image: 'busybox' },
    ],
    volumes: [{ name: 'v1', emptyDir: {} }],
    tolerations: [{ key: 'k1' }],
  },
};

describe('strategic merge patch', () => {
  it('merges lists by their keys', () => {
    const out = strategicMerge(pod, {
      spec: {
        containers: [{ name: 'web', image: 'nginx:2', env: [{ name: 'B', value: '3' }, { name: 'C', value: '4' }] }],
        volumes: [{ name: 'v2', configMap: { name: 'cm' } }],
      },
      metadata: { finalizers: ['y'] },
    });
    expect(out.spec.containers.map((c: { name: string }) => c.name)).toEqual(['web', 'side']);
    expect(out.spec.containers[0].image).toBe('nginx:2');
    expect(out.spec.containers[0].ports).toEqual([{ containerPort: 80 }]);
    expect(out.spec.containers[0].env).toEqual([{ name: 'A', value: '1' }, { name: 'B', value: '3' }, { name: 'C', value: '4' }]);
    expect(out.spec.volumes.map((v: { name: string }) => v.name)).toEqual(['v1', 'v2']);
    expect(out.metadata.finalizers).toEqual(['x', 'y']);
    // Lists without a merge key (tolerations) are replaced.
    expect(strategicMerge(pod, { spec: { tolerations: [{ key: 'k2' }] } }).spec.tolerations).toEqual([{ key: 'k2' }]);
  });

  it('honours $patch directives, null deletion and primitive list deletes', () => {
    const del = strategicMerge(pod, { spec: { containers: [{ name: 'side', $patch: 'delete' }] } });
    expect(del.spec.containers.map((c: { name: string }) => c.name)).toEqual(['web']);
    const rep = strategicMerge(pod, { spec: { containers: [{ $patch: 'replace' }, { name: 'only', image: 'x' }] } });
    expect(rep.spec.containers).toEqual([{ name: 'only', image: 'x' }]);
    const mapReplace = strategicMerge(pod, { metadata: { labels: { $patch: 'replace', c: '3' } } });
    expect(mapReplace.metadata.labels).toEqual({ c: '3' });
    expect(strategicMerge(pod, { metadata: { labels: { a: null } } }).metadata.labels).toEqual({ b: '2' });
    expect(strategicMerge(pod, { metadata: { '$deleteFromPrimitiveList/finalizers': ['x'] } }).metadata.finalizers).toEqual([]);
    expect(strategicMerge(pod, { $setElementOrder: 1, 'spec': { '$setElementOrder/containers': [{ name: 'side' }] } }).spec.containers.length).toBe(2);
    const retained = strategicMerge({ spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } } }, { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } });
    expect(retained.spec.strategy).toEqual({ type: 'Recreate' });
  });

  it('merges Service ports by port', () => {
    const svc = { spec: { ports: [{ port: 80, name: 'http' }, { port: 443, name: 'https' }] } };
    expect(strategicMerge(svc, { spec: { ports: [{ port: 443, targetPort: 8443 }] } }).spec.ports).toEqual([
      { port: 80, name: 'http' },
      { port: 443, name: 'https', targetPort: 8443 },
    ]);
  });
});

describe('JSON merge patch and JSON patch', () => {
  it('merge patch replaces lists and deletes with null', () => {
    const out = mergePatch(pod, { spec: { volumes: [], tolerations: null } });
    expect(out.spec.volumes).toEqual([]);
    expect('tolerations' in out.spec).toBe(false);
    expect(out.spec.containers.length).toBe(2);
  });

  it('json patch applies ops and fails tests with 422', () => {
    const out = jsonPatch(pod, [
      { op: 'replace', path: '/spec/containers/0/image', value: 'nginx:3' },
      { op: 'add', path: '/metadata/labels/c~1d', value: '3' },
      { op: 'remove', path: '/spec/containers/1' },
      { op: 'add', path: '/spec/volumes/-', value: { name: 'v9' } },
      { op: 'test', path: '/metadata/labels/a', value: '1' },
    ]);
    expect(out.spec.containers).toHaveLength(1);
    expect(out.spec.containers[0].image).toBe('nginx:3');
    expect(out.metadata.labels['c/d']).toBe('3');
    expect(out.spec.volumes[1]).toEqual({ name: 'v9' });
    expect(pod.spec.containers).toHaveLength(2);
    expect(() => jsonPatch(pod, [{ op: 'test', path: '/metadata/labels/a', value: 'nope' }])).toThrow(/test failed/);
    expect(() => jsonPatch(pod, [{ op: 'remove', path: '/nope/x' }])).toThrow();
  });
});
