/**
 * The resource-kind registry: every built-in kind the UI lists, with its REST coordinates,
 * sidebar area, i18n title key and kubectl-like columns. Custom resources are found by
 * discovery and get columns from columnsForCustomResource.
 */
import type { ApiResourceInfo } from '../contract/pilothouse';
import type { ResourceRef } from '../kube/object';
import { ACCESS_KINDS } from './accessKinds';
import { CLUSTER_KINDS } from './clusterKinds';
import { CONFIG_KINDS } from './configKinds';
import { columnsForCustomResource } from './customColumns';
import { NETWORK_KINDS } from './networkKinds';
import { STORAGE_KINDS } from './storageKinds';
import { KIND_AREAS, type KindArea, type ResourceKindInfo } from './types';
import { WORKLOAD_KINDS } from './workloadKinds';

export type { ColumnDef, KindArea, ResourceKindInfo } from './types';
export { KIND_AREAS } from './types';
export { columnsForCustomResource } from './customColumns';

/** Every built-in kind, in sidebar order. */
export const KINDS: readonly ResourceKindInfo[] = [...WORKLOAD_KINDS, ...NETWORK_KINDS, ...CONFIG_KINDS, ...STORAGE_KINDS, ...ACCESS_KINDS, ...CLUSTER_KINDS];

const byId = new Map(KINDS.map((k) => [k.id, k]));

/** A built-in kind by id ("pods", "deployments", …). */
export function kindById(id: string): ResourceKindInfo | undefined {
  return byId.get(id);
}

/**
 * A built-in kind by REST resource (group + resource; version is ignored so that e.g.
 * autoscaling/v1 HPAs map to the same entry), by kind name ({group, kind}), or by
 * apiVersion + kind as found in an object or owner reference.
 */
export function findKind(
  ref: Partial<ResourceRef> & { kind?: string; apiVersion?: string },
): ResourceKindInfo | undefined {
  const group = ref.group ?? (ref.apiVersion !== undefined ? groupOfApiVersion(ref.apiVersion) : undefined);
  return KINDS.find(
    (k) =>
      (group === undefined || k.group === group) &&
      (ref.resource === undefined || k.resource === ref.resource) &&
      (ref.kind === undefined || k.kind === ref.kind) &&
      (ref.resource !== undefined || ref.kind !== undefined),
  );
}

/** The group of an apiVersion: "apps/v1" → "apps", "v1" → "" (core). */
export function groupOfApiVersion(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** Built-in kinds grouped by sidebar area, areas in sidebar order ('custom' holds CRDs). */
export function kindsByArea(): Map<KindArea, ResourceKindInfo[]> {
  const out = new Map<KindArea, ResourceKindInfo[]>(KIND_AREAS.map((a) => [a, []]));
  for (const k of KINDS) out.get(k.area)!.push(k);
  return out;
}

/**
 * Registry entry for a resource found by discovery: the built-in entry when we know it, else a
 * generated entry with printer-column columns (NAME, NAMESPACE, AGE without any). Its id is
 * "group/resource" so it cannot clash with a built-in id; titleKey is 'kind.custom' (show the
 * kind name). Area 'custom' for CRD-defined resources; other built-ins the registry does not
 * list (leases, priorityclasses, …) get area 'cluster' so they never pose as custom resources.
 */
export function kindForApiResource(res: ApiResourceInfo): ResourceKindInfo {
  const known = !res.custom ? findKind({ group: res.group, resource: res.resource }) : undefined;
  if (known) return known;
  return {
    id: `${res.group}/${res.resource}`,
    group: res.group,
    version: res.version,
    resource: res.resource,
    kind: res.kind,
    namespaced: res.namespaced,
    area: res.custom ? 'custom' : 'cluster',
    titleKey: 'kind.custom',
    shortNames: res.shortNames,
    columns: columnsForCustomResource(res.printerColumns, res.namespaced),
  };
}
