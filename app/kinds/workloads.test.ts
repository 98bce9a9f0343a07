import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../kube/object';
import { isWorkloadHealthy, jobStatus, workloadReplicas } from './workloads';

/* eslint-disable @typescript-eslint/no-explicit-any -- fixtures are plain JSON */

const obj = (kind: string, spec: any, status: any, meta: Partial<KubeObject['metadata']> = {}): KubeObject => ({
  kind,
  metadata: { name: 'w', namespace: 'default', uid: 'u', ...meta },
  spec,
  status,
});

describe('workloadReplicas', () => {
  it('Deployment and StatefulSet read spec.replicas and the status counters', () => {
    const d = obj('Deployment', { replicas: 3 }, { replicas: 4, readyReplicas: 2, availableReplicas: 1, updatedReplicas: 3 });
    expect(workloadReplicas(d)).toEqual({ desired: 3, current: 4, ready: 2, available: 1, upToDate: 3 });
    expect(workloadReplicas(obj('StatefulSet', { replicas: 2 }, { replicas: 2, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 1 }))).toEqual({
      desired: 2,
      current: 2,
      ready: 2,
      available: 2,
      upToDate: 1,
    });
  });

  it('spec.replicas defaults to 1; missing status counts are 0; 0 replicas stays 0', () => {
    expect(workloadReplicas(obj('Deployment', {}, undefined))).toEqual({ desired: 1, current: 0, ready: 0, available: 0, upToDate: 0 });
    expect(workloadReplicas(obj('Deployment', { replicas: 0 }, {}))?.desired).toBe(0);
  });

  it('ReplicaSet: up-to-date is all of its replicas (one template)', () => {
    expect(workloadReplicas(obj('ReplicaSet', { replicas: 3 }, { replicas: 3, readyReplicas: 3, availableReplicas: 3 }))).toEqual({
      desired: 3,
      current: 3,
      ready: 3,
      available: 3,
      upToDate: 3,
    });
  });

  it('DaemonSet reads the scheduling counters', () => {
    const ds = obj('DaemonSet', {}, { desiredNumberScheduled: 5, currentNumberScheduled: 4, numberReady: 3, numberAvailable: 3, updatedNumberScheduled: 2 });
    expect(workloadReplicas(ds)).toEqual({ desired: 5, current: 4, ready: 3, available: 3, upToDate: 2 });
  });

  it('other kinds have no replica counts', () => {
    expect(workloadReplicas(obj('Job', {}, {}))).toBeUndefined();
    expect(workloadReplicas(obj('Pod', {}, {}))).toBeUndefined();
  });
});

describe('isWorkloadHealthy', () => {
  const dep = (status: any, spec: any = { replicas: 3 }, meta = {}) => obj('Deployment', spec, status, meta);

  it('healthy when all desired replicas are ready, available and up to date', () => {
    expect(isWorkloadHealthy(dep({ replicas: 3, readyReplicas: 3, availableReplicas: 3, updatedReplicas: 3 }))).toBe(true);
    expect(isWorkloadHealthy(dep({}, { replicas: 0 }))).toBe(true);
  });

  it('unhealthy when short of ready, available or up-to-date replicas', () => {
    expect(isWorkloadHealthy(dep({ readyReplicas: 2, availableReplicas: 3, updatedReplicas: 3 }))).toBe(false);
    expect(isWorkloadHealthy(dep({ readyReplicas: 3, availableReplicas: 2, updatedReplicas: 3 }))).toBe(false);
    expect(isWorkloadHealthy(dep({ readyReplicas: 3, availableReplicas: 3, updatedReplicas: 1 }))).toBe(false);
  });

  it('unhealthy while the controller has not observed the latest generation', () => {
    const full = { readyReplicas: 3, availableReplicas: 3, updatedReplicas: 3 };
    expect(isWorkloadHealthy(dep({ ...full, observedGeneration: 4 }, { replicas: 3 }, { generation: 5 }))).toBe(false);
    expect(isWorkloadHealthy(dep({ ...full, observedGeneration: 5 }, { replicas: 3 }, { generation: 5 }))).toBe(true);
  });

  it('a paused Deployment is judged on ready and available only', () => {
    expect(isWorkloadHealthy(dep({ readyReplicas: 3, availableReplicas: 3, updatedReplicas: 0 }, { replicas: 3, paused: true }))).toBe(true);
  });

  it('DaemonSets against desiredNumberScheduled', () => {
    expect(isWorkloadHealthy(obj('DaemonSet', {}, { desiredNumberScheduled: 2, numberReady: 2, numberAvailable: 2, updatedNumberScheduled: 2 }))).toBe(true);
    expect(isWorkloadHealthy(obj('DaemonSet', {}, { desiredNumberScheduled: 2, numberReady: 1, numberAvailable: 1, updatedNumberScheduled: 2 }))).toBe(false);
  });

  it('Jobs are healthy unless failed; other kinds always', () => {
    expect(isWorkloadHealthy(obj('Job', {}, { conditions: [{ type: 'Failed', status: 'True' }] }))).toBe(false);
    expect(isWorkloadHealthy(obj('Job', {}, { active: 1 }))).toBe(true);
    expect(isWorkloadHealthy(obj('ConfigMap', undefined, undefined))).toBe(true);
  });
});

describe('jobStatus', () => {
  const job = (conditions: any[], meta = {}) => obj('Job', {}, { conditions }, meta);
  it.each([
    [[], 'Running'],
    [[{ type: 'Complete', status: 'True' }], 'Complete'],
    [[{ type: 'Failed', status: 'True' }], 'Failed'],
    [[{ type: 'Suspended', status: 'True' }], 'Suspended'],
    [[{ type: 'FailureTarget', status: 'True' }], 'FailureTarget'],
    [[{ type: 'SuccessCriteriaMet', status: 'True' }, { type: 'Complete', status: 'True' }], 'Complete'],
    [[{ type: 'Complete', status: 'False' }], 'Running'],
    [[{ type: 'Failed', status: 'True' }, { type: 'Complete', status: 'True' }], 'Complete'], // kubectl's precedence
    [[{ type: 'Suspended', status: 'True' }, { type: 'Failed', status: 'True' }], 'Failed'],
  ])('%j → %s', (conditions, status) => {
    expect(jobStatus(job(conditions))).toBe(status);
  });
  it('Terminating while deleted and not finished', () => {
    expect(jobStatus(job([], { deletionTimestamp: '2026-11-27T00:00:00Z' }))).toBe('Terminating');
    expect(jobStatus(job([{ type: 'Suspended', status: 'True' }], { deletionTimestamp: '2026-11-27T00:00:00Z' }))).toBe('Terminating');
    expect(jobStatus(job([{ type: 'Complete', status: 'True' }], { deletionTimestamp: '2026-11-27T00:00:00Z' }))).toBe('Complete');
  });
});
