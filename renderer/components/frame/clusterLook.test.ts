import { describe, expect, it } from 'vitest';
import type { ClusterHealth } from '../../../app/contract/pilothouse';
import { contextInitials, healthDot } from './clusterLook';

const health = (over: Partial<ClusterHealth>): ClusterHealth => ({
  context: 'c',
  state: 'connected',
  streams: { total: 3, live: 3, reconnecting: 0, failed: 0, connecting: 0 },
  ...over,
});

describe('clusterLook', () => {
  it('makes initials from context names', () => {
    expect(contextInitials('kind-dev-eu')).toBe('KD');
    expect(contextInitials('minikube')).toBe('MI');
    expect(contextInitials('arn:aws:eks:eu-west-1:123:cluster/prod')).toBe('PR');
    expect(contextInitials('生产集群')).toBe('生产');
    expect(contextInitials('')).toBe('?');
  });

  it('summarises health as one dot', () => {
    expect(healthDot(undefined)).toBe('connecting');
    expect(healthDot(health({}))).toBe('live');
    expect(healthDot(health({ streams: { total: 3, live: 2, reconnecting: 1, failed: 0, connecting: 0 } }))).toBe('reconnecting');
    expect(healthDot(health({ staleSince: '2026-01-01T00:00:00Z' }))).toBe('reconnecting');
    expect(healthDot(health({ state: 'failed' }))).toBe('failed');
    // One forbidden list is that stream's problem, not the cluster's.
    expect(healthDot(health({ streams: { total: 3, live: 2, reconnecting: 0, failed: 1, connecting: 0 } }))).toBe('live');
  });
});
