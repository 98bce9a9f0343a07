/** What a list or detail view needs to know about a kind, built-in or custom, with titles resolved. */
import type { ResourceRef, KubeObject } from '../../app/kube/object';

export interface ListColumn {
  id: string;
  /** Header text (translated for built-in columns; a CRD's own column name otherwise). */
  title: string;
  value(obj: KubeObject, now: number): string | number | undefined;
  sortValue?(obj: KubeObject, now: number): string | number;
  numeric?: boolean;
  wide?: boolean;
  /** Values shown in the problem tone (from the registry; see ColumnDef.isProblem). */
  isProblem?(value: string): boolean;
}

export interface ListKind {
  /** Route id: the registry id for built-ins, `<plural>.<group>` for custom resources. */
  id: string;
  kind: string;
  ref: ResourceRef;
  namespaced: boolean;
  /** Plural title shown in headers and navigation. */
  title: string;
  columns: ListColumn[];
  custom: boolean;
}

/** Route id of a custom resource (kubectl's `<plural>.<group>` form). */
export function customKindId(ref: ResourceRef): string {
  return ref.group ? `${ref.resource}.${ref.group}` : ref.resource;
}
