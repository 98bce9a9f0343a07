/** Column building blocks shared by the kind definitions. */
import type { KubeObject } from '../kube/object';
import { formatAge, toEpochMs } from '../format/age';
import type { ColumnDef } from './types';

/* eslint-disable @typescript-eslint/no-explicit-any -- kind-specific fields are read defensively from plain JSON */

export const NONE = '<none>';

export const nameColumn: ColumnDef = { id: 'name', titleKey: 'column.name', value: (o) => o.metadata.name };
export const namespaceColumn: ColumnDef = { id: 'namespace', titleKey: 'column.namespace', value: (o) => o.metadata.namespace };

function createdMs(o: KubeObject): number {
  return toEpochMs(o.metadata.creationTimestamp) ?? 0;
}

/** AGE: sorts by creation time (older = larger age). */
export const ageColumn: ColumnDef = {
  id: 'age',
  titleKey: 'column.age',
  value: (o, now) => formatAge(o.metadata.creationTimestamp, now),
  sortValue: (o, now) => now - createdMs(o),
  numeric: true,
};

/** CREATED AT (Roles, ClusterRoles, LimitRanges, CRDs): the raw RFC 3339 timestamp, as kubectl prints it. */
export const createdAtColumn: ColumnDef = {
  id: 'createdAt',
  titleKey: 'column.createdAt',
  value: (o) => o.metadata.creationTimestamp,
};

/** A column whose value is a count (right-aligned, sorted as a number). */
export function countColumn(id: string, titleKey: string, get: (o: KubeObject) => number | undefined, wide = false): ColumnDef {
  return { id, titleKey, value: (o) => get(o), sortValue: (o) => get(o) ?? -1, numeric: true, wide };
}

/** A column with a plain text value. */
export function textColumn(id: string, titleKey: string, get: (o: KubeObject, now: number) => string | undefined, wide = false): ColumnDef {
  return { id, titleKey, value: get, wide };
}

/** A STATUS column: text, with the values that mean something is wrong. */
export function statusColumn(get: (o: KubeObject) => string | undefined, isProblem: (value: string) => boolean): ColumnDef {
  return { id: 'status', titleKey: 'column.status', value: get, isProblem };
}

/** Problem values given by name (phases and conditions a kind can be in). */
export function oneOf(...values: string[]): (value: string) => boolean {
  return (value) => values.includes(value);
}

/** "ready/total" text that sorts by the ready count, then the total. */
export function ratioColumn(id: string, titleKey: string, get: (o: KubeObject) => [number, number]): ColumnDef {
  return {
    id,
    titleKey,
    value: (o) => {
      const [a, b] = get(o);
      return `${a}/${b}`;
    },
    sortValue: (o) => {
      const [a, b] = get(o);
      return a * 1e6 + b;
    },
    numeric: true,
  };
}

/** Pod template containers of a workload (Deployment, StatefulSet, Job, CronJob, …). */
export function templateContainers(o: KubeObject): any[] {
  const spec = o.kind === 'CronJob' ? o.spec?.jobTemplate?.spec : o.spec;
  const containers = spec?.template?.spec?.containers;
  return Array.isArray(containers) ? containers : [];
}

export const containersColumn: ColumnDef = textColumn(
  'containers',
  'column.containers',
  (o) => templateContainers(o).map((c) => c.name).join(',') || NONE,
  true,
);

export const imagesColumn: ColumnDef = textColumn(
  'images',
  'column.images',
  (o) => templateContainers(o).map((c) => c.image).join(',') || NONE,
  true,
);

/** Comma-joined `key=value` pairs, as kubectl's labels.FormatLabels (sorted, "<none>" when empty). */
export function formatLabelMap(map: Record<string, string> | undefined | null): string {
  const entries = Object.entries(map ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.length ? entries.map(([k, v]) => `${k}=${v}`).join(',') : NONE;
}

/** Lists joined with "," or "<none>"; long lists shortened as kubectl does ("a,b,c + 2 more..."). */
export function joinList(items: readonly string[], max = Infinity): string {
  if (items.length === 0) return NONE;
  if (items.length <= max) return items.join(',');
  return `${items.slice(0, max).join(',')} + ${items.length - max} more...`;
}

/** Conditions array of an object's status. */
export function conditionsOf(o: KubeObject): any[] {
  return Array.isArray(o.status?.conditions) ? o.status.conditions : [];
}
