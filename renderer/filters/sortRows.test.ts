import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../app/kube/object';
import { sortRows } from './sortRows';

const obj = (name: string, restarts?: number): KubeObject => ({ metadata: { name, uid: name }, status: { restarts } });
const byName = { value: (o: KubeObject) => o.metadata.name };
const byRestarts = { value: (o: KubeObject) => o.status.restarts as number | undefined, numeric: true };

describe('sortRows', () => {
  it('sorts names numeric-aware', () => {
    const rows = [obj('pod-10'), obj('pod-2'), obj('pod-1')];
    expect(sortRows(rows, byName, 'asc', 0).map((o) => o.metadata.name)).toEqual(['pod-1', 'pod-2', 'pod-10']);
    expect(sortRows(rows, byName, 'desc', 0).map((o) => o.metadata.name)).toEqual(['pod-10', 'pod-2', 'pod-1']);
  });

  it('sorts numbers as numbers and keeps missing values last in both directions', () => {
    const rows = [obj('a', 10), obj('b'), obj('c', 9), obj('d', 100)];
    expect(sortRows(rows, byRestarts, 'asc', 0).map((o) => o.metadata.name)).toEqual(['c', 'a', 'd', 'b']);
    expect(sortRows(rows, byRestarts, 'desc', 0).map((o) => o.metadata.name)).toEqual(['d', 'a', 'c', 'b']);
  });

  it('prefers sortValue and is stable for ties', () => {
    const rows = [obj('x', 1), obj('y', 1), obj('z', 0)];
    const col = { value: () => 'same', sortValue: (o: KubeObject) => o.status.restarts as number };
    expect(sortRows(rows, col, 'asc', 0).map((o) => o.metadata.name)).toEqual(['z', 'x', 'y']);
  });

  it('sorts 50k rows quickly', () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => obj(`pod-${(i * 7919) % 50_000}`));
    const started = performance.now();
    const sorted = sortRows(rows, byName, 'asc', 0);
    expect(sorted[0].metadata.name).toBe('pod-0');
    expect(sorted[49_999].metadata.name).toBe('pod-49999');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('naturalCompare', () => {
  it('orders digit runs by value and letters case-insensitively', async () => {
    const { naturalCompare } = await import('./sortRows');
    const list = ['b', 'A', 'pod-10', 'pod-9', 'pod-009a', 'pod-9b', 'a1', 'a01', 'a'];
    expect([...list].sort(naturalCompare)).toEqual(['A', 'a', 'a1', 'a01', 'b', 'pod-9', 'pod-009a', 'pod-9b', 'pod-10']);
  });
});
