/** Config: ConfigMaps, Secrets, HorizontalPodAutoscalers, PodDisruptionBudgets, ResourceQuotas, LimitRanges. */
import type { KubeObject } from '../kube/object';
import { NONE, ageColumn, countColumn, createdAtColumn, joinList, nameColumn, namespaceColumn, textColumn } from './columns';
import type { ResourceKindInfo } from './types';

/* eslint-disable @typescript-eslint/no-explicit-any -- kind-specific fields are read defensively from plain JSON */

function keyCount(map: unknown): number {
  return map && typeof map === 'object' ? Object.keys(map).length : 0;
}

/** One metric of an HPA, "current/target" (kubectl's formatHPAMetrics, autoscaling/v2). */
function formatHpaMetric(spec: any, current: any): string {
  const unknown = '<unknown>';
  switch (spec?.type) {
    case 'Resource':
    case 'ContainerResource': {
      const src = spec.type === 'Resource' ? spec.resource : spec.containerResource;
      const cur = spec.type === 'Resource' ? current?.resource : current?.containerResource;
      const name = src?.name ?? '';
      const target = src?.target ?? {};
      if (target.averageUtilization != null) {
        const value = cur?.current?.averageUtilization;
        return `${name}: ${value != null ? `${value}%` : unknown}/${target.averageUtilization}%`;
      }
      const value = cur?.current?.averageValue;
      return `${name}: ${value ?? unknown}/${target.averageValue ?? unknown}`;
    }
    case 'Pods':
      return `${current?.pods?.current?.averageValue ?? unknown}/${spec.pods?.target?.averageValue ?? unknown}`;
    case 'Object':
    case 'External': {
      const src = spec.type === 'Object' ? spec.object : spec.external;
      const cur = spec.type === 'Object' ? current?.object : current?.external;
      const target = src?.target ?? {};
      if (target.type === 'AverageValue' || (target.averageValue != null && target.value == null)) {
        return `${cur?.current?.averageValue ?? unknown}/${target.averageValue ?? unknown} (avg)`;
      }
      return `${cur?.current?.value ?? unknown}/${target.value ?? unknown}`;
    }
    default:
      return `<unknown type ${String(spec?.type)}>`;
  }
}

/** TARGETS of an HPA: each metric "current/target", three at most then "+ N more...". */
export function hpaTargets(hpa: KubeObject): string {
  const metrics: any[] = hpa.spec?.metrics ?? [];
  if (metrics.length === 0) return NONE;
  const currents: any[] = hpa.status?.currentMetrics ?? [];
  return joinList(metrics.map((m, i) => formatHpaMetric(m, currents[i])), 3);
}

/** REQUEST and LIMIT of a ResourceQuota: "name: used/hard" pairs, limits.* under LIMIT, sorted. */
export function resourceQuotaUsage(rq: KubeObject, which: 'request' | 'limit'): string {
  const hard: Record<string, string> = rq.status?.hard ?? rq.spec?.hard ?? {};
  const used: Record<string, string> = rq.status?.used ?? {};
  const names = Object.keys(hard).sort();
  const picked = names.filter((n) => (which === 'limit') === n.startsWith('limits.'));
  return picked.map((n) => `${n}: ${used[n] ?? '0'}/${hard[n]}`).join(', ');
}

export const CONFIG_KINDS: ResourceKindInfo[] = [
  {
    id: 'configmaps', group: '', version: 'v1', resource: 'configmaps', kind: 'ConfigMap', namespaced: true, area: 'config', titleKey: 'kind.configmaps', shortNames: ['cm'],
    columns: [nameColumn, namespaceColumn, countColumn('data', 'column.data', (o) => keyCount(o.data) + keyCount(o.binaryData)), ageColumn],
  },
  {
    id: 'secrets', group: '', version: 'v1', resource: 'secrets', kind: 'Secret', namespaced: true, area: 'config', titleKey: 'kind.secrets',
    columns: [
      nameColumn,
      namespaceColumn,
      textColumn('type', 'column.type', (o) => (o.type as string | undefined) ?? 'Opaque'),
      countColumn('data', 'column.data', (o) => keyCount(o.data)),
      ageColumn,
    ],
  },
  {
    id: 'horizontalpodautoscalers', group: 'autoscaling', version: 'v2', resource: 'horizontalpodautoscalers', kind: 'HorizontalPodAutoscaler', namespaced: true, area: 'config', titleKey: 'kind.horizontalpodautoscalers', shortNames: ['hpa'],
    columns: [
      nameColumn,
      namespaceColumn,
      textColumn('reference', 'column.reference', (o) => `${o.spec?.scaleTargetRef?.kind ?? ''}/${o.spec?.scaleTargetRef?.name ?? ''}`),
      textColumn('targets', 'column.targets', hpaTargets),
      countColumn('minPods', 'column.minPods', (o) => o.spec?.minReplicas ?? 1),
      countColumn('maxPods', 'column.maxPods', (o) => o.spec?.maxReplicas),
      countColumn('replicas', 'column.replicas', (o) => o.status?.currentReplicas ?? 0),
      ageColumn,
    ],
  },
  {
    id: 'poddisruptionbudgets', group: 'policy', version: 'v1', resource: 'poddisruptionbudgets', kind: 'PodDisruptionBudget', namespaced: true, area: 'config', titleKey: 'kind.poddisruptionbudgets', shortNames: ['pdb'],
    columns: [
      nameColumn,
      namespaceColumn,
      textColumn('minAvailable', 'column.minAvailable', (o) => (o.spec?.minAvailable != null ? String(o.spec.minAvailable) : 'N/A')),
      textColumn('maxUnavailable', 'column.maxUnavailable', (o) => (o.spec?.maxUnavailable != null ? String(o.spec.maxUnavailable) : 'N/A')),
      countColumn('allowedDisruptions', 'column.allowedDisruptions', (o) => o.status?.disruptionsAllowed ?? 0),
      ageColumn,
    ],
  },
  {
    id: 'resourcequotas', group: '', version: 'v1', resource: 'resourcequotas', kind: 'ResourceQuota', namespaced: true, area: 'config', titleKey: 'kind.resourcequotas', shortNames: ['quota'],
    columns: [
      nameColumn,
      namespaceColumn,
      ageColumn,
      textColumn('request', 'column.request', (o) => resourceQuotaUsage(o, 'request')),
      textColumn('limit', 'column.limit', (o) => resourceQuotaUsage(o, 'limit')),
    ],
  },
  {
    id: 'limitranges', group: '', version: 'v1', resource: 'limitranges', kind: 'LimitRange', namespaced: true, area: 'config', titleKey: 'kind.limitranges', shortNames: ['limits'],
    columns: [nameColumn, namespaceColumn, createdAtColumn],
  },
];
