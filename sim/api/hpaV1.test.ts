/** autoscaling/v2 ⇄ v1 HPA conversion: every metric source type survives a round trip through v1. */
import { describe, expect, it } from 'vitest';
import { hpaV1ToV2, hpaV2ToV1 } from './hpaV1';

const selector = { matchLabels: { queue: 'orders' } };

const v2 = {
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: { name: 'web', namespace: 'shop', annotations: { team: 'payments' } },
  spec: {
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
    minReplicas: 2,
    maxReplicas: 9,
    metrics: [
      { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } },
      { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '400Mi' } } },
      { type: 'ContainerResource', containerResource: { name: 'cpu', container: 'app', target: { type: 'Utilization', averageUtilization: 60 } } },
      { type: 'Pods', pods: { metric: { name: 'requests_per_second', selector }, target: { type: 'AverageValue', averageValue: '100' } } },
      { type: 'Object', object: { describedObject: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', name: 'web' }, metric: { name: 'hits' }, target: { type: 'Value', value: '2k' } } },
      { type: 'External', external: { metric: { name: 'queue_depth', selector }, target: { type: 'AverageValue', averageValue: '30' } } },
    ],
    behavior: { scaleDown: { stabilizationWindowSeconds: 300, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 50, periodSeconds: 60 }] } },
  },
  status: {
    observedGeneration: 3,
    lastScaleTime: '2026-11-27T01:00:00Z',
    currentReplicas: 4,
    desiredReplicas: 5,
    currentMetrics: [
      { type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 81, averageValue: '405m' } } },
      { type: 'Resource', resource: { name: 'memory', current: { averageValue: '350Mi' } } },
      { type: 'Pods', pods: { metric: { name: 'requests_per_second', selector }, current: { averageValue: '120' } } },
      { type: 'External', external: { metric: { name: 'queue_depth', selector }, current: { value: '140', averageValue: '28' } } },
    ],
    conditions: [{ type: 'AbleToScale', status: 'True', lastTransitionTime: '2026-11-27T00:00:00Z', reason: 'ReadyForNewScale', message: 'recommended size matches current size' }],
  },
};

describe('HPA autoscaling/v2 ⇄ v1', () => {
  it('serves the CPU target as targetCPUUtilizationPercentage and the rest in the alpha annotations', () => {
    const v1 = hpaV2ToV1(structuredClone(v2)) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(v1.apiVersion).toBe('autoscaling/v1');
    expect(v1.spec).toEqual({ scaleTargetRef: v2.spec.scaleTargetRef, minReplicas: 2, maxReplicas: 9, targetCPUUtilizationPercentage: 70 });
    expect(v1.status).toEqual({ observedGeneration: 3, lastScaleTime: '2026-11-27T01:00:00Z', currentReplicas: 4, desiredReplicas: 5, currentCPUUtilizationPercentage: 81 });
    const a = v1.metadata.annotations;
    expect(a.team).toBe('payments');
    expect(JSON.parse(a['autoscaling.alpha.kubernetes.io/metrics'])).toEqual([
      { type: 'Resource', resource: { name: 'memory', targetAverageValue: '400Mi' } },
      { type: 'ContainerResource', containerResource: { name: 'cpu', container: 'app', targetAverageUtilization: 60 } },
      { type: 'Pods', pods: { metricName: 'requests_per_second', selector, targetAverageValue: '100' } },
      { type: 'Object', object: { target: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', name: 'web' }, metricName: 'hits', targetValue: '2k' } },
      { type: 'External', external: { metricName: 'queue_depth', metricSelector: selector, targetAverageValue: '30' } },
    ]);
    expect(JSON.parse(a['autoscaling.alpha.kubernetes.io/current-metrics'])[0]).toEqual({ type: 'Resource', resource: { name: 'memory', currentAverageValue: '350Mi' } });
    expect(JSON.parse(a['autoscaling.alpha.kubernetes.io/conditions'])).toEqual(v2.status.conditions);
    expect(JSON.parse(a['autoscaling.alpha.kubernetes.io/behavior'])).toEqual(v2.spec.behavior);
  });

  it('round-trips v2 → v1 → v2 without losing anything but the CPU current averageValue v1 cannot carry', () => {
    const back = hpaV1ToV2(hpaV2ToV1(structuredClone(v2)));
    const expected = structuredClone(v2);
    expected.status.currentMetrics[0] = { type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 81 } } } as never;
    expect(back).toEqual(expected);
  });

  it('defaults a v1 HPA as kube-apiserver does: minReplicas 1, CPU 80 % when no target is given', () => {
    const out = hpaV1ToV2({ apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata: { name: 'x' }, spec: { scaleTargetRef: { kind: 'Deployment', name: 'x' }, maxReplicas: 3 } });
    expect(out.spec).toEqual({ scaleTargetRef: { kind: 'Deployment', name: 'x' }, minReplicas: 1, maxReplicas: 3, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }] });
    expect(out.metadata.annotations).toBeUndefined();
  });

  it('ignores an unreadable round-trip annotation instead of failing the request', () => {
    const out = hpaV1ToV2({ metadata: { name: 'x', annotations: { 'autoscaling.alpha.kubernetes.io/metrics': '{not json' } }, spec: { maxReplicas: 2, targetCPUUtilizationPercentage: 50 } });
    expect(out.spec).toMatchObject({ metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }] });
    expect(out.metadata.annotations).toBeUndefined();
  });
});
