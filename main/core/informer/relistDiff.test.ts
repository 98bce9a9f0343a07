import { describe, expect, it } from 'vitest';
import { objectKey, type KubeObject } from '../../../app/kube/object';
import { relistDiff } from './relistDiff';

const obj = (name: string, uid: string, resourceVersion?: string): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'ns', uid, resourceVersion } });
const cacheOf = (...objs: KubeObject[]) => new Map(objs.map((o) => [objectKey(o), o]));
const summary = (changes: ReturnType<typeof relistDiff>) => changes.map((c) => `${c.type} ${c.object.metadata.name}/${c.object.metadata.uid}`);

describe('relistDiff', () => {
  it('is empty when nothing changed', () => {
    const cache = cacheOf(obj('a', 'u1', 'x1'), obj('b', 'u2', 'x2'));
    expect(relistDiff(cache, [obj('a', 'u1', 'x1'), obj('b', 'u2', 'x2')])).toEqual([]);
  });

  it('reports deletions (with the last known object) before additions and modifications', () => {
    const gone = obj('gone', 'u3', 'x3');
    const cache = cacheOf(obj('a', 'u1', 'x1'), obj('b', 'u2', 'x2'), gone);
    const changes = relistDiff(cache, [obj('a', 'u1', 'x1'), obj('b', 'u2', 'x9'), obj('new', 'u4', 'x10')]);
    expect(summary(changes)).toEqual(['DELETED gone/u3', 'MODIFIED b/u2', 'ADDED new/u4']);
    expect(changes[0].object).toBe(gone);
  });

  it('treats a same-name object with a new uid as a different object', () => {
    const changes = relistDiff(cacheOf(obj('a', 'u1', 'x1')), [obj('a', 'u7', 'x5')]);
    expect(summary(changes)).toEqual(['DELETED a/u1', 'ADDED a/u7']);
  });

  it('compares resourceVersions as opaque strings, and reports objects without one as modified', () => {
    // "10" and "010" are the same number but not the same resourceVersion.
    expect(summary(relistDiff(cacheOf(obj('a', 'u1', '10')), [obj('a', 'u1', '010')]))).toEqual(['MODIFIED a/u1']);
    expect(summary(relistDiff(cacheOf(obj('a', 'u1')), [obj('a', 'u1')]))).toEqual(['MODIFIED a/u1']);
  });

  it('empties the cache when the fresh list is empty', () => {
    expect(summary(relistDiff(cacheOf(obj('a', 'u1', 'x1'), obj('b', 'u2', 'x2')), []))).toEqual(['DELETED a/u1', 'DELETED b/u2']);
  });
});
