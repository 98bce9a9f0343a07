import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../app/kube/object';
import { latestEvents, withKind, workloadsOffTarget } from './overviewData';

describe('overviewData', () => {
  it('lists workloads below desired replicas, most missing first', () => {
    const dep = (name: string, replicas: number, ready: number): KubeObject => ({
      metadata: { name, uid: name, generation: 1 },
      spec: { replicas },
      status: { observedGeneration: 1, replicas, readyReplicas: ready, availableReplicas: ready, updatedReplicas: replicas },
    });
    const off = workloadsOffTarget(withKind([dep('ok', 2, 2), dep('one-down', 3, 2), dep('all-down', 2, 0)], 'Deployment'));
    expect(off.map((o) => o.obj.metadata.name)).toEqual(['all-down', 'one-down']);
  });

  it('returns the newest events first, optionally filtered by type', () => {
    const ev = (name: string, type: string, at: string): KubeObject => ({ metadata: { name, uid: name }, type, lastTimestamp: at });
    const events = [ev('a', 'Normal', '2026-01-01T00:00:01Z'), ev('b', 'Warning', '2026-01-01T00:00:03Z'), ev('c', 'Warning', '2026-01-01T00:00:02Z')];
    expect(latestEvents(events, 2).map((e) => e.metadata.name)).toEqual(['b', 'c']);
    expect(latestEvents(events, 5, 'Warning').map((e) => e.metadata.name)).toEqual(['b', 'c']);
  });
});
