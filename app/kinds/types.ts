/** Types of the resource-kind registry: what the UI knows about each kind it lists. */
import type { KubeObject, ResourceRef } from '../kube/object';

/** Sidebar areas, in sidebar order. */
export type KindArea = 'workloads' | 'network' | 'config' | 'storage' | 'access' | 'cluster' | 'custom';

export const KIND_AREAS: readonly KindArea[] = ['workloads', 'network', 'config', 'storage', 'access', 'cluster', 'custom'];

/** One table column, as `kubectl get -o wide` shows it. */
export interface ColumnDef {
  /** Stable id, e.g. "ready"; unique within a kind. */
  id: string;
  /** i18n key of the header, e.g. "column.ready". */
  titleKey: string;
  /**
   * Literal header text that is not translated: set only for columns a cluster defines (CRD
   * additionalPrinterColumns), whose names we cannot know in advance. Show it instead of titleKey.
   */
  title?: string;
  /**
   * The cell as kubectl prints it. Kubernetes terms and values stay raw (untranslated);
   * undefined for "no value" (the renderer decides how to show it).
   */
  value(obj: KubeObject, now: number): string | number | undefined;
  /** Sort key when it differs from the value (e.g. AGE sorts by timestamp, READY by count). */
  sortValue?(obj: KubeObject, now: number): string | number;
  /** Right-aligned and compared as numbers. */
  numeric?: boolean;
  /** Shown only in the wide view (`-o wide`). */
  wide?: boolean;
  /**
   * Values that mean something is wrong (a STATUS such as CrashLoopBackOff or NotReady), shown
   * in the problem tone. Failures only, not transitions such as Pending or Terminating.
   */
  isProblem?(value: string): boolean;
}

export interface ResourceKindInfo extends ResourceRef {
  /** Stable id used in routes and i18n, e.g. "pods", "horizontalpodautoscalers". */
  id: string;
  /** Kind name, e.g. "Pod". */
  kind: string;
  namespaced: boolean;
  area: KindArea;
  /** i18n key of the kind's plural title, e.g. "kind.pods". */
  titleKey: string;
  /** kubectl short names, e.g. ["po"], for the command palette. */
  shortNames?: readonly string[];
  /** Columns in kubectl's order; NAME first, NAMESPACE second for namespaced kinds. */
  columns: readonly ColumnDef[];
}
