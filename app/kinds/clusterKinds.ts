/** Cluster: Nodes, Namespaces, Events (core/v1); and CustomResourceDefinitions (listed under Custom Resources). */
import type { KubeObject } from '../kube/object';
import { formatAge, toEpochMs } from '../format/age';
import { NONE, ageColumn, conditionsOf, countColumn, createdAtColumn, nameColumn, namespaceColumn, statusColumn, textColumn } from './columns';
import type { ColumnDef, ResourceKindInfo } from './types';

/* eslint-disable @typescript-eslint/no-explicit-any -- kind-specific fields are read defensively from plain JSON */

/** STATUS of a node: "Ready", "NotReady", "Unknown", plus ",SchedulingDisabled" when cordoned. */
export function nodeStatus(node: KubeObject): string {
  const ready = conditionsOf(node).find((c) => c?.type === 'Ready');
  const parts = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (node.spec?.unschedulable) parts.push('SchedulingDisabled');
  return parts.join(',');
}

/** ROLES of a node from its node-role.kubernetes.io/* and kubernetes.io/role labels. */
export function nodeRoles(node: KubeObject): string {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata.labels ?? {})) {
    if (key.startsWith('node-role.kubernetes.io/')) {
      const role = key.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (key === 'kubernetes.io/role' && value) {
      roles.add(value);
    }
  }
  return roles.size ? [...roles].sort().join(',') : NONE;
}

function nodeAddress(node: KubeObject, type: string): string {
  const addresses: any[] = node.status?.addresses ?? [];
  return addresses.find((a) => a?.type === type)?.address || NONE;
}

/**
 * When an event was last seen, in kubectl's order: series.lastObservedTime, lastTimestamp, then
 * the first-seen time. Falls back to creationTimestamp (kubectl would print "<unknown>").
 */
export function eventLastSeen(ev: KubeObject): string | undefined {
  const series = ev.series as { lastObservedTime?: string } | undefined;
  return series?.lastObservedTime || (ev.lastTimestamp as string) || eventFirstSeen(ev);
}

/** When an event was first seen: firstTimestamp, else eventTime (events.k8s.io-style), else creationTimestamp. */
export function eventFirstSeen(ev: KubeObject): string | undefined {
  return (ev.firstTimestamp as string) || (ev.eventTime as string) || ev.metadata.creationTimestamp;
}

/** OBJECT of an event: "kind/name" in lower-case kind, as kubectl prints it. */
export function eventObject(ev: KubeObject): string {
  const io = (ev.involvedObject ?? {}) as { kind?: string; name?: string };
  const kind = (io.kind ?? '').toLowerCase();
  return io.name ? `${kind}/${io.name}` : kind;
}

export function eventCount(ev: KubeObject): number {
  const series = ev.series as { count?: number } | undefined;
  // Singleton events of the new API carry no count: they happened once.
  return series?.count ?? (typeof ev.count === 'number' && ev.count > 0 ? ev.count : 1);
}

function eventSource(ev: KubeObject): string {
  const source = (ev.source ?? {}) as { component?: string; host?: string };
  const component = source.component || (ev.reportingController as string) || (ev.reportingComponent as string) || '';
  const host = source.host || (ev.reportingInstance as string) || '';
  return host ? `${component}, ${host}` : component;
}

function sinceColumn(id: string, titleKey: string, get: (o: KubeObject) => string | undefined, wide = false): ColumnDef {
  return {
    id,
    titleKey,
    value: (o, now) => formatAge(get(o), now),
    sortValue: (o, now) => now - (toEpochMs(get(o)) ?? 0),
    numeric: true,
    wide,
  };
}

export const CLUSTER_KINDS: ResourceKindInfo[] = [
  {
    id: 'nodes', group: '', version: 'v1', resource: 'nodes', kind: 'Node', namespaced: false, area: 'cluster', titleKey: 'kind.nodes', shortNames: ['no'],
    columns: [
      nameColumn,
      // NotReady or Unknown; a cordoned node ("Ready,SchedulingDisabled") is on purpose.
      statusColumn(nodeStatus, (status) => !status.startsWith('Ready')),
      textColumn('roles', 'column.roles', nodeRoles),
      ageColumn,
      textColumn('version', 'column.version', (o) => o.status?.nodeInfo?.kubeletVersion),
      textColumn('internalIP', 'column.internalIP', (o) => nodeAddress(o, 'InternalIP'), true),
      textColumn('externalIP', 'column.externalIP', (o) => nodeAddress(o, 'ExternalIP'), true),
      textColumn('osImage', 'column.osImage', (o) => o.status?.nodeInfo?.osImage || '<unknown>', true),
      textColumn('kernelVersion', 'column.kernelVersion', (o) => o.status?.nodeInfo?.kernelVersion || '<unknown>', true),
      textColumn('containerRuntime', 'column.containerRuntime', (o) => o.status?.nodeInfo?.containerRuntimeVersion || '<unknown>', true),
    ],
  },
  {
    id: 'namespaces', group: '', version: 'v1', resource: 'namespaces', kind: 'Namespace', namespaced: false, area: 'cluster', titleKey: 'kind.namespaces', shortNames: ['ns'],
    // No problem values: Active, or Terminating, a transition.
    columns: [nameColumn, textColumn('status', 'column.status', (o) => o.status?.phase ?? 'Active'), ageColumn],
  },
  {
    id: 'events', group: '', version: 'v1', resource: 'events', kind: 'Event', namespaced: true, area: 'cluster', titleKey: 'kind.events', shortNames: ['ev'],
    columns: [
      namespaceColumn,
      sinceColumn('lastSeen', 'column.lastSeen', eventLastSeen),
      textColumn('type', 'column.type', (o) => o.type as string | undefined),
      textColumn('reason', 'column.reason', (o) => o.reason as string | undefined),
      textColumn('object', 'column.object', eventObject),
      textColumn('subobject', 'column.subobject', (o) => (o.involvedObject as { fieldPath?: string } | undefined)?.fieldPath, true),
      textColumn('source', 'column.source', eventSource, true),
      textColumn('message', 'column.message', (o) => (typeof o.message === 'string' ? o.message.trim() : undefined)),
      sinceColumn('firstSeen', 'column.firstSeen', eventFirstSeen, true),
      countColumn('count', 'column.count', eventCount, true),
      { ...nameColumn, wide: true },
    ],
  },
  {
    id: 'customresourcedefinitions', group: 'apiextensions.k8s.io', version: 'v1', resource: 'customresourcedefinitions', kind: 'CustomResourceDefinition', namespaced: false, area: 'custom', titleKey: 'kind.customresourcedefinitions', shortNames: ['crd', 'crds'],
    columns: [nameColumn, createdAtColumn],
  },
];
