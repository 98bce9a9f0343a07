/**
 * Which columns a table shows: without the wide view, kubectl's default columns; with it, the
 * `-o wide` columns too — except wide columns that are empty ("<none>") in every row, which
 * would only push useful columns (and the labels) off screen.
 */
import type { KubeObject } from '../../app/kube/object';

export interface MaybeWideColumn {
  wide?: boolean;
  value(obj: KubeObject, now: number): string | number | undefined;
}

const EMPTY = new Set(['', '<none>', '<unset>']);

export function visibleColumns<C extends MaybeWideColumn>(columns: readonly C[], rows: readonly KubeObject[], wide: boolean, now: number): C[] {
  return columns.filter((c) => {
    if (!c.wide) return true;
    if (!wide) return false;
    for (const row of rows) {
      const v = c.value(row, now);
      if (v !== undefined && !EMPTY.has(String(v))) return true;
    }
    return false;
  });
}
