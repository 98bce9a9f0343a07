/** Config: ConfigMaps, Secrets, HorizontalPodAutoscalers, PodDisruptionBudgets, ResourceQuotas, LimitRanges. */
import type { KubeObject } from '../kube/object';
import { NONE, ageColumn, countColumn, createdAtColumn, nameColumn, namespaceColumn, textColumn } from './columns';
import type { ResourceKindInfo } from './types';

/* eslint-disable @typescript-eslint/no-explicit-any -- kind-specific fields are read defensively from plain JSON */

function keyCount(map: unknown): number {
  return map && typeof map === 'object' ? Object.keys(map).length : 0;
}

/** One metric of an HPA, "current/target", exactly as kubectl's formatHPAMetrics (autoscaling/v2). */
function formatHpaMetric(spec: any, current: any): string {
  const unknown = '<unknown>';
  const q = (v: unknown) => (v === undefined || v === null ? unknown : String(v));
  switch (spec?.type) {
    case 'External':
    case 'Object': {
      const src = spec.type === 'External' ? spec.external : spec.object;
      const cur = spec.type === 'External' ? current?.external : current?.object;
      if (src?.target?.averageValue != null) return `${q(cur?.current?.averageValue)}/${src.target.averageValue} (avg)`;
      return `${cur ? q(cur.current?.value) : unknown}/${q(src?.target?.value)}`;
    }
    case 'Pods':
      return `${current?.pods ? q(current.pods.current?.averageValue) : unknown}/${q(spec.pods?.target?.averageValue)}`;
    case 'Resource':
    case 'ContainerResource': {
      const src = spec.type === 'Resource' ? spec.resource : spec.containerResource;
      const cur = spec.type === 'Resource' ? current?.resource : current?.containerResource;
      const name = src?.name ?? '';
      if (src?.target?.averageValue != null) return `${name}: ${cur ? q(cur.current?.averageValue) : unknown}/${src.target.averageValue}`;
      const now = cur?.current?.averageUtilization != null ? `${cur.current.averageUtilization}%` : unknown;
      const target = src?.target?.averageUtilization != null ? `${src.target.averageUtilization}%` : '<auto>';
      return `${name}: ${now}/${target}`;
    }
    default:
      return '<unknown type>';
  }
}

/** TARGETS of an HPA: two metrics at most, then "+ N more...", as kubectl prints them. */
export function hpaTargets(hpa: KubeObject): string {
  const metrics: any[] = hpa.spec?.metrics ?? [];
  if (metrics.length === 0) return NONE;
  const currents: any[] = hpa.status?.currentMetrics ?? [];
  const shown = metrics.slice(0, 2).map((m, i) => formatHpaMetric(m, currents[i])).join(', ');
  return metrics.length > 2 ? `${shown} + ${metrics.length - 2} more...` : shown;
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
      { ...countColumn('minPods', 'column.minPods', (o) => o.spec?.minReplicas), value: (o) => o.spec?.minReplicas ?? '<unset>' },
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
