/**
 * autoscaling/v1 HorizontalPodAutoscaler as a converted view of the stored autoscaling/v2
 * objects (one storage, as in kube-apiserver, whose storage version is v2).
 *
 * v1 only knows a CPU utilization target. Like kube-apiserver (pkg/apis/autoscaling/v1/
 * conversion.go), everything else survives a round trip through v1 in annotations:
 * other metrics, current metrics, conditions and behavior are kept as JSON under
 * `autoscaling.alpha.kubernetes.io/*`, in the v1 alpha shapes (targetAverageUtilization, …).
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { KubeObject } from '../types';

const METRICS = 'autoscaling.alpha.kubernetes.io/metrics';
const CURRENT_METRICS = 'autoscaling.alpha.kubernetes.io/current-metrics';
const CONDITIONS = 'autoscaling.alpha.kubernetes.io/conditions';
const BEHAVIOR = 'autoscaling.alpha.kubernetes.io/behavior';
const ROUND_TRIP = [METRICS, CURRENT_METRICS, CONDITIONS, BEHAVIOR];

/** The CPU target kube-apiserver defaults an HPA without metrics to. */
const DEFAULT_CPU_UTILIZATION = 80;

const isCpuUtilization = (m: any) => m?.type === 'Resource' && m.resource?.name === 'cpu' && m.resource?.target?.type === 'Utilization';
const isCpuStatus = (m: any) => m?.type === 'Resource' && m.resource?.name === 'cpu';

function drop<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

// ---------------------------------------------------------------------------------------------
// v2 metric shapes ⇄ the v1 alpha shapes kept in annotations

function targetToV1(target: any = {}): { value?: unknown; averageValue?: unknown; averageUtilization?: number } {
  return { value: target.value, averageValue: target.averageValue, averageUtilization: target.averageUtilization };
}

function metricSpecToV1(m: any): any {
  const t = (x: any) => targetToV1(x?.target);
  switch (m.type) {
    case 'Resource':
      return { type: m.type, resource: drop({ name: m.resource?.name, targetAverageUtilization: t(m.resource).averageUtilization, targetAverageValue: t(m.resource).averageValue }) };
    case 'ContainerResource':
      return { type: m.type, containerResource: drop({ name: m.containerResource?.name, container: m.containerResource?.container, targetAverageUtilization: t(m.containerResource).averageUtilization, targetAverageValue: t(m.containerResource).averageValue }) };
    case 'Pods':
      return { type: m.type, pods: drop({ metricName: m.pods?.metric?.name, selector: m.pods?.metric?.selector, targetAverageValue: t(m.pods).averageValue }) };
    case 'Object':
      return { type: m.type, object: drop({ target: m.object?.describedObject, metricName: m.object?.metric?.name, selector: m.object?.metric?.selector, targetValue: t(m.object).value, averageValue: t(m.object).averageValue }) };
    case 'External':
      return { type: m.type, external: drop({ metricName: m.external?.metric?.name, metricSelector: m.external?.metric?.selector, targetValue: t(m.external).value, targetAverageValue: t(m.external).averageValue }) };
    default:
      return m;
  }
}

function targetFromV1(utilization: unknown, averageValue: unknown, value?: unknown): any {
  if (utilization !== undefined) return { type: 'Utilization', averageUtilization: utilization };
  if (averageValue !== undefined) return { type: 'AverageValue', averageValue };
  return { type: 'Value', value };
}

function metricSpecFromV1(m: any): any {
  switch (m.type) {
    case 'Resource':
      return { type: m.type, resource: { name: m.resource?.name, target: targetFromV1(m.resource?.targetAverageUtilization, m.resource?.targetAverageValue) } };
    case 'ContainerResource': {
      const c = m.containerResource ?? {};
      return { type: m.type, containerResource: { name: c.name, container: c.container, target: targetFromV1(c.targetAverageUtilization, c.targetAverageValue) } };
    }
    case 'Pods':
      return { type: m.type, pods: { metric: drop({ name: m.pods?.metricName, selector: m.pods?.selector }), target: { type: 'AverageValue', averageValue: m.pods?.targetAverageValue } } };
    case 'Object': {
      const o = m.object ?? {};
      return { type: m.type, object: { describedObject: o.target, metric: drop({ name: o.metricName, selector: o.selector }), target: o.averageValue !== undefined ? { type: 'AverageValue', averageValue: o.averageValue } : { type: 'Value', value: o.targetValue } } };
    }
    case 'External': {
      const e = m.external ?? {};
      return { type: m.type, external: { metric: drop({ name: e.metricName, selector: e.metricSelector }), target: targetFromV1(undefined, e.targetAverageValue, e.targetValue) } };
    }
    default:
      return m;
  }
}

function metricStatusToV1(m: any): any {
  const c = (x: any) => x?.current ?? {};
  switch (m.type) {
    case 'Resource':
      return { type: m.type, resource: drop({ name: m.resource?.name, currentAverageUtilization: c(m.resource).averageUtilization, currentAverageValue: c(m.resource).averageValue }) };
    case 'ContainerResource':
      return { type: m.type, containerResource: drop({ name: m.containerResource?.name, container: m.containerResource?.container, currentAverageUtilization: c(m.containerResource).averageUtilization, currentAverageValue: c(m.containerResource).averageValue }) };
    case 'Pods':
      return { type: m.type, pods: drop({ metricName: m.pods?.metric?.name, selector: m.pods?.metric?.selector, currentAverageValue: c(m.pods).averageValue }) };
    case 'Object':
      return { type: m.type, object: drop({ target: m.object?.describedObject, metricName: m.object?.metric?.name, selector: m.object?.metric?.selector, currentValue: c(m.object).value, averageValue: c(m.object).averageValue }) };
    case 'External':
      return { type: m.type, external: drop({ metricName: m.external?.metric?.name, metricSelector: m.external?.metric?.selector, currentValue: c(m.external).value, currentAverageValue: c(m.external).averageValue }) };
    default:
      return m;
  }
}

function metricStatusFromV1(m: any): any {
  switch (m.type) {
    case 'Resource':
      return { type: m.type, resource: { name: m.resource?.name, current: drop({ averageUtilization: m.resource?.currentAverageUtilization, averageValue: m.resource?.currentAverageValue }) } };
    case 'ContainerResource': {
      const c = m.containerResource ?? {};
      return { type: m.type, containerResource: { name: c.name, container: c.container, current: drop({ averageUtilization: c.currentAverageUtilization, averageValue: c.currentAverageValue }) } };
    }
    case 'Pods':
      return { type: m.type, pods: { metric: drop({ name: m.pods?.metricName, selector: m.pods?.selector }), current: { averageValue: m.pods?.currentAverageValue } } };
    case 'Object': {
      const o = m.object ?? {};
      return { type: m.type, object: { describedObject: o.target, metric: drop({ name: o.metricName, selector: o.selector }), current: drop({ value: o.currentValue, averageValue: o.averageValue }) } };
    }
    case 'External': {
      const e = m.external ?? {};
      return { type: m.type, external: { metric: drop({ name: e.metricName, selector: e.metricSelector }), current: drop({ value: e.currentValue, averageValue: e.currentAverageValue }) } };
    }
    default:
      return m;
  }
}

// ---------------------------------------------------------------------------------------------
// Objects

/** A stored autoscaling/v2 HPA as autoscaling/v1 serves it. */
export function hpaV2ToV1(o: any): KubeObject {
  const spec = o.spec ?? {};
  const status = o.status;
  const metrics: any[] = spec.metrics ?? [];
  const cpu = metrics.find(isCpuUtilization);
  const otherMetrics = metrics.filter((m) => m !== cpu);
  const annotations: Record<string, string> = { ...(o.metadata?.annotations ?? {}) };
  if (otherMetrics.length) annotations[METRICS] = JSON.stringify(otherMetrics.map(metricSpecToV1));
  if (spec.behavior) annotations[BEHAVIOR] = JSON.stringify(spec.behavior);
  let v1Status: any;
  if (status) {
    const current: any[] = status.currentMetrics ?? [];
    const cpuNow = current.find(isCpuStatus);
    const otherCurrent = current.filter((m) => m !== cpuNow);
    if (otherCurrent.length) annotations[CURRENT_METRICS] = JSON.stringify(otherCurrent.map(metricStatusToV1));
    if (status.conditions?.length) annotations[CONDITIONS] = JSON.stringify(status.conditions);
    v1Status = drop({
      observedGeneration: status.observedGeneration,
      lastScaleTime: status.lastScaleTime,
      currentReplicas: status.currentReplicas ?? 0,
      desiredReplicas: status.desiredReplicas ?? 0,
      currentCPUUtilizationPercentage: cpuNow?.resource?.current?.averageUtilization,
    });
  }
  const metadata = { ...o.metadata };
  if (Object.keys(annotations).length) metadata.annotations = annotations;
  return drop({
    apiVersion: 'autoscaling/v1',
    kind: 'HorizontalPodAutoscaler',
    metadata,
    spec: drop({
      scaleTargetRef: spec.scaleTargetRef,
      minReplicas: spec.minReplicas,
      maxReplicas: spec.maxReplicas,
      targetCPUUtilizationPercentage: cpu?.resource?.target?.averageUtilization,
    }),
    status: v1Status,
  }) as KubeObject;
}

function parseAnnotation(annotations: Record<string, string>, key: string): any[] | Record<string, unknown> | undefined {
  const text = annotations[key];
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined; // as kube-apiserver: an unreadable round-trip annotation is ignored
  }
}

/** An autoscaling/v1 HPA (from a client) as the autoscaling/v2 object to store. */
export function hpaV1ToV2(o: any): KubeObject {
  const spec = o.spec ?? {};
  const annotations: Record<string, string> = { ...(o.metadata?.annotations ?? {}) };
  const otherMetrics = parseAnnotation(annotations, METRICS);
  const currentOther = parseAnnotation(annotations, CURRENT_METRICS);
  const conditions = parseAnnotation(annotations, CONDITIONS);
  const behavior = parseAnnotation(annotations, BEHAVIOR);
  for (const k of ROUND_TRIP) delete annotations[k];

  const metrics: any[] = [];
  if (typeof spec.targetCPUUtilizationPercentage === 'number') {
    metrics.push({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: spec.targetCPUUtilizationPercentage } } });
  }
  if (Array.isArray(otherMetrics)) metrics.push(...otherMetrics.map(metricSpecFromV1));
  if (!metrics.length) metrics.push({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: DEFAULT_CPU_UTILIZATION } } });

  let status: any;
  if (o.status) {
    const s = o.status;
    const currentMetrics: any[] = [];
    if (typeof s.currentCPUUtilizationPercentage === 'number') currentMetrics.push({ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: s.currentCPUUtilizationPercentage } } });
    if (Array.isArray(currentOther)) currentMetrics.push(...currentOther.map(metricStatusFromV1));
    status = drop({
      observedGeneration: s.observedGeneration,
      lastScaleTime: s.lastScaleTime,
      currentReplicas: s.currentReplicas,
      desiredReplicas: s.desiredReplicas ?? 0,
      currentMetrics: currentMetrics.length ? currentMetrics : undefined,
      conditions: Array.isArray(conditions) ? conditions : undefined,
    });
  }
  const metadata = { ...(o.metadata ?? {}) };
  if (Object.keys(annotations).length) metadata.annotations = annotations;
  else delete metadata.annotations;
  return drop({
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata,
    spec: drop({
      scaleTargetRef: spec.scaleTargetRef,
      minReplicas: spec.minReplicas ?? 1,
      maxReplicas: spec.maxReplicas,
      metrics,
      behavior: behavior && !Array.isArray(behavior) ? behavior : undefined,
    }),
    status,
  }) as KubeObject;
}
