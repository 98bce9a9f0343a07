import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../app/kube/object';
import { latestEvents, podStates, withKind, workloadsOffTarget } from './overviewData';

const pod = (name: string, phase: string, waiting?: string): KubeObject => ({
  metadata: { name, uid: name },
  status: { phase, containerStatuses: waiting ? [{ name: 'c', ready: false, restartCount: 3, state: { waiting: { reason: waiting } } }] : [] },
});

describe('overviewData', () => {
  it('counts pods by their real status reason', () => {
    const counts = podStates([pod('a', 'Running'), pod('b', 'Running'), pod('c', 'Running', 'CrashLoopBackOff'), pod('d', 'Pending')]);
    expect(counts).toEqual([
      ['Running', 2],
      ['CrashLoopBackOff', 1],
      ['Pending', 1],
    ]);
  });

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
