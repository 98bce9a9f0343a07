/** Workloads: Pods, Deployments, ReplicaSets, StatefulSets, DaemonSets, Jobs, CronJobs. */
import type { KubeObject } from '../kube/object';
import { formatAge, humanDuration, toEpochMs } from '../format/age';
import { describeLabelSelector, selectorFromLabelSelectorSpec } from '../selectors/labelSelector';
import {
  NONE,
  ageColumn,
  containersColumn,
  countColumn,
  formatLabelMap,
  imagesColumn,
  nameColumn,
  namespaceColumn,
  oneOf,
  ratioColumn,
  statusColumn,
  textColumn,
} from './columns';
import { formatPodRestarts, isPodProblemReason, podSummary } from './podStatus';
import type { ColumnDef, ResourceKindInfo } from './types';
import { jobStatus, workloadReplicas } from './workloads';

/** SELECTOR of a metav1.LabelSelector, as metav1.FormatLabelSelector ("<error>" for an invalid one). */
export function formatSpecSelector(o: KubeObject): string {
  try {
    return describeLabelSelector(selectorFromLabelSelectorSpec(o.spec?.selector));
  } catch {
    return '<error>';
  }
}

const selectorColumn: ColumnDef = textColumn('selector', 'column.selector', formatSpecSelector, true);

function replicas(o: KubeObject) {
  return workloadReplicas(o) ?? { desired: 0, current: 0, ready: 0, available: 0, upToDate: 0 };
}

const podColumns: ColumnDef[] = [
  nameColumn,
  namespaceColumn,
  ratioColumn('ready', 'column.ready', (o) => {
    const s = podSummary(o);
    return [s.readyContainers, s.totalContainers];
  }),
  statusColumn((o) => podSummary(o).reason, isPodProblemReason),
  {
    id: 'restarts',
    titleKey: 'column.restarts',
    value: (o, now) => formatPodRestarts(o, now),
    sortValue: (o) => podSummary(o).restarts,
    numeric: true,
  },
  ageColumn,
  textColumn('ip', 'column.ip', (o) => o.status?.podIPs?.[0]?.ip || o.status?.podIP || NONE, true),
  textColumn('node', 'column.node', (o) => o.spec?.nodeName || NONE, true),
  textColumn('nominatedNode', 'column.nominatedNode', (o) => o.status?.nominatedNodeName || NONE, true),
  textColumn(
    'readinessGates',
    'column.readinessGates',
    (o) => {
      const gates: { conditionType: string }[] = o.spec?.readinessGates ?? [];
      if (gates.length === 0) return NONE;
      const conditions: { type: string; status: string }[] = o.status?.conditions ?? [];
      const ready = gates.filter((g) => conditions.some((c) => c.type === g.conditionType && c.status === 'True')).length;
      return `${ready}/${gates.length}`;
    },
    true,
  ),
];

const deploymentColumns: ColumnDef[] = [
  nameColumn,
  namespaceColumn,
  ratioColumn('ready', 'column.ready', (o) => [replicas(o).ready, replicas(o).desired]),
  countColumn('upToDate', 'column.upToDate', (o) => replicas(o).upToDate),
  countColumn('available', 'column.available', (o) => replicas(o).available),
  ageColumn,
  containersColumn,
  imagesColumn,
  selectorColumn,
];

const replicaSetColumns: ColumnDef[] = [
  nameColumn,
  namespaceColumn,
  countColumn('desired', 'column.desired', (o) => replicas(o).desired),
  countColumn('current', 'column.current', (o) => replicas(o).current),
  countColumn('ready', 'column.ready', (o) => replicas(o).ready),
  ageColumn,
  containersColumn,
  imagesColumn,
  selectorColumn,
];

const statefulSetColumns: ColumnDef[] = [
  nameColumn,
  namespaceColumn,
  ratioColumn('ready', 'column.ready', (o) => [replicas(o).ready, replicas(o).desired]),
  ageColumn,
  containersColumn,
  imagesColumn,
];

const daemonSetColumns: ColumnDef[] = [
  nameColumn,
  namespaceColumn,
  countColumn('desired', 'column.desired', (o) => replicas(o).desired),
  countColumn('current', 'column.current', (o) => replicas(o).current),
  countColumn('ready', 'column.ready', (o) => replicas(o).ready),
  countColumn('upToDate', 'column.upToDate', (o) => replicas(o).upToDate),
  countColumn('available', 'column.available', (o) => replicas(o).available),
  textColumn('nodeSelector', 'column.nodeSelector', (o) => formatLabelMap(o.spec?.template?.spec?.nodeSelector)),
  ageColumn,
  containersColumn,
  imagesColumn,
  selectorColumn,
];

/** DURATION of a job: start to completion, or to now while running (kubectl). */
function jobDurationMs(o: KubeObject, now: number): number | undefined {
  const start = toEpochMs(o.status?.startTime);
  if (start === undefined) return undefined;
  const end = toEpochMs(o.status?.completionTime) ?? now;
  return end - start;
}

const jobColumns: ColumnDef[] = [
  nameColumn,
  namespaceColumn,
  statusColumn(jobStatus, oneOf('Failed', 'FailureTarget')),
  {
    id: 'completions',
    titleKey: 'column.completions',
    value: (o) => {
      const succeeded = o.status?.succeeded ?? 0;
      if (typeof o.spec?.completions === 'number') return `${succeeded}/${o.spec.completions}`;
      const parallelism = o.spec?.parallelism ?? 0;
      return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
    },
    sortValue: (o) => o.status?.succeeded ?? 0,
    numeric: true,
  },
  {
    id: 'duration',
    titleKey: 'column.duration',
    value: (o, now) => {
      const d = jobDurationMs(o, now);
      return d === undefined ? undefined : humanDuration(d);
    },
    sortValue: (o, now) => jobDurationMs(o, now) ?? -1,
    numeric: true,
  },
  ageColumn,
  containersColumn,
  imagesColumn,
  selectorColumn,
];

const cronJobColumns: ColumnDef[] = [
  nameColumn,
  namespaceColumn,
  textColumn('schedule', 'column.schedule', (o) => o.spec?.schedule),
  textColumn('timezone', 'column.timezone', (o) => o.spec?.timeZone || NONE),
  textColumn('suspend', 'column.suspend', (o) => (o.spec?.suspend ? 'True' : 'False')),
  countColumn('active', 'column.active', (o) => (Array.isArray(o.status?.active) ? o.status.active.length : 0)),
  {
    id: 'lastSchedule',
    titleKey: 'column.lastSchedule',
    value: (o, now) => (o.status?.lastScheduleTime ? formatAge(o.status.lastScheduleTime, now) : NONE),
    sortValue: (o, now) => {
      const t = toEpochMs(o.status?.lastScheduleTime);
      return t === undefined ? Number.MAX_SAFE_INTEGER : now - t;
    },
    numeric: true,
  },
  ageColumn,
  containersColumn,
  imagesColumn,
  selectorColumn,
];

export const WORKLOAD_KINDS: ResourceKindInfo[] = [
  { id: 'pods', group: '', version: 'v1', resource: 'pods', kind: 'Pod', namespaced: true, area: 'workloads', titleKey: 'kind.pods', shortNames: ['po'], columns: podColumns },
  { id: 'deployments', group: 'apps', version: 'v1', resource: 'deployments', kind: 'Deployment', namespaced: true, area: 'workloads', titleKey: 'kind.deployments', shortNames: ['deploy'], columns: deploymentColumns },
  { id: 'replicasets', group: 'apps', version: 'v1', resource: 'replicasets', kind: 'ReplicaSet', namespaced: true, area: 'workloads', titleKey: 'kind.replicasets', shortNames: ['rs'], columns: replicaSetColumns },
  { id: 'statefulsets', group: 'apps', version: 'v1', resource: 'statefulsets', kind: 'StatefulSet', namespaced: true, area: 'workloads', titleKey: 'kind.statefulsets', shortNames: ['sts'], columns: statefulSetColumns },
  { id: 'daemonsets', group: 'apps', version: 'v1', resource: 'daemonsets', kind: 'DaemonSet', namespaced: true, area: 'workloads', titleKey: 'kind.daemonsets', shortNames: ['ds'], columns: daemonSetColumns },
  { id: 'jobs', group: 'batch', version: 'v1', resource: 'jobs', kind: 'Job', namespaced: true, area: 'workloads', titleKey: 'kind.jobs', columns: jobColumns },
  { id: 'cronjobs', group: 'batch', version: 'v1', resource: 'cronjobs', kind: 'CronJob', namespaced: true, area: 'workloads', titleKey: 'kind.cronjobs', shortNames: ['cj'], columns: cronJobColumns },
];
