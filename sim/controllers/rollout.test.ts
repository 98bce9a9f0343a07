import { describe, expect, it } from 'vitest';
import { newReplicaSetTarget, oldReplicaSetTargets, resolveIntOrPercent, surgeAndUnavailable } from './rollout';
import { nextRun } from './cronjob';
import { failedSchedulingMessage } from './scheduling';

describe('rolling update arithmetic', () => {
  it('resolves percentages like the deployment controller (surge up, unavailable down)', () => {
    expect(surgeAndUnavailable(10, '25%', '25%')).toEqual({ surge: 3, unavailable: 2 });
    expect(surgeAndUnavailable(1, '25%', '25%')).toEqual({ surge: 1, unavailable: 0 });
    expect(surgeAndUnavailable(3, 0, 0)).toEqual({ surge: 0, unavailable: 1 });
    expect(() => resolveIntOrPercent('abc', 3, true, '25%')).toThrow(/invalid value for IntOrString/);
  });

  it('scales the new ReplicaSet up within maxSurge', () => {
    const rs = (name: string, replicas: number, available = replicas) => ({ name, replicas, available, created: name === 'old' ? 1 : 2 });
    expect(newReplicaSetTarget(4, 1, rs('new', 0), [rs('new', 0), rs('old', 4)])).toBe(1);
    expect(newReplicaSetTarget(4, 1, rs('new', 1, 0), [rs('new', 1, 0), rs('old', 4)])).toBe(1);
    expect(newReplicaSetTarget(4, 1, rs('new', 5), [rs('new', 5)])).toBe(4);
  });

  it('scales old ReplicaSets down while keeping minAvailable, unhealthy replicas first', () => {
    const targets = oldReplicaSetTargets(4, 1, { name: 'new', replicas: 1, available: 1, created: 2 }, [{ name: 'old', replicas: 4, available: 4, created: 1 }]);
    expect(targets.get('old')).toBe(2);
    const unhealthy = oldReplicaSetTargets(4, 1, { name: 'new', replicas: 1, available: 0, created: 2 }, [{ name: 'old', replicas: 4, available: 2, created: 1 }]);
    expect(unhealthy.get('old')).toBe(3);
  });
});

describe('cron schedules', () => {
  it('finds the next minute and reports unparseable schedules', () => {
    const t = Date.parse('2026-01-01T10:00:30Z');
    expect(new Date(nextRun('* * * * *', t) as number).toISOString()).toBe('2026-01-01T10:01:00.000Z');
    expect(new Date(nextRun('30 2 * * *', t, 'UTC') as number).toISOString()).toBe('2026-01-02T02:30:00.000Z');
    expect(nextRun('not a schedule', t)).toBeInstanceOf(Error);
  });
});

describe('FailedScheduling message', () => {
  it('reads like kube-scheduler', () => {
    const reasons = new Map([['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }', 1], ['Insufficient memory', 3]]);
    expect(failedSchedulingMessage(4, reasons)).toBe(
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient memory. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.',
    );
  });
});
