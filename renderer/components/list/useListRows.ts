/**
 * The list's derivation from the route's filters and the watched items: the plan (what goes to
 * the server, what is matched here), then the rows (filtered, sorted) and the visible columns.
 *
 * Filtering, sorting and the column scan walk every item, so each reruns only when its real
 * inputs change: the items (by identity: a status event keeps them), the filters' canonical
 * values (not the route's objects, new on every render of the app frame), the sort, the kind.
 */
import { useMemo, useState } from 'react';
import type { KubeObject } from '../../../app/kube/object';
import { filterObjects, planList, resolveSelector, type ListPlan, type SelectorState } from '../../filters/listFilter';
import { sortRows } from '../../filters/sortRows';
import { visibleColumns } from '../../filters/visibleColumns';
import type { ListColumn, ListKind } from '../../kinds/listKind';
import type { ListFilters } from '../../routing/routes';
import type { SortState } from './ResourceTable';

/** Typed selector text resolved; while it does not parse, the last valid text stays applied. */
export function useResolvedSelector(text: string): SelectorState {
  const [lastValid, setLastValid] = useState('');
  const state = useMemo(() => resolveSelector(text, lastValid), [text, lastValid]);
  if (!state.error && text !== lastValid) setLastValid(text);
  return state;
}

/**
 * The plan for `filters` (their query already deferred by the caller): `selector` is matched
 * here, `watchSelector` goes to the server. The same plan object comes back for as long as the
 * canonical values are the same, whatever objects they arrive in.
 */
export function useListPlan(context: string, kind: ListKind, filters: ListFilters, selector: SelectorState, watchSelector: SelectorState): ListPlan {
  const key = planKey(filters, selector, watchSelector);
  // Keyed on the canonical values only: filters and selector states with the same key make the
  // same plan, so the one made from the first of them stands for all.
  return useMemo(() => planList(context, kind.ref, kind.namespaced, filters, selector, watchSelector.appliedText), [context, kind, key]);
}

/**
 * What a plan depends on in the filters, as one string: the namespaces as a set (order and
 * repeats do not change the plan), the selectors in canonical form, and the search as matched.
 */
function planKey(filters: ListFilters, selector: SelectorState, watchSelector: SelectorState): string {
  const namespaces = [...new Set(filters.namespaces)].sort();
  return JSON.stringify([namespaces, selector.appliedText, watchSelector.appliedText, filters.query.trim().toLowerCase()]);
}

export interface ListRowsInput {
  items: ReadonlyMap<string, KubeObject>;
  plan: ListPlan;
  columns: readonly ListColumn[];
  sort: SortState | undefined;
  wide: boolean;
  now: number;
}

export function useListRows({ items, plan, columns, sort, wide, now }: ListRowsInput): { rows: KubeObject[]; columns: ListColumn[] } {
  const filtered = useMemo(() => filterObjects(items.values(), plan), [items, plan]);
  const sortColumn = columns.find((c) => c.id === sort?.columnId);
  const rows = useMemo(
    () => (sortColumn && sort ? sortRows(filtered, sortColumn, sort.direction, now) : filtered),
    // `now` is left out on purpose: re-sorting every tick would reshuffle rows under the cursor.
    [filtered, sortColumn, sort],
  );
  // Ages tick with `now`; which columns have values does not depend on it, so it is not a dependency.
  const shownColumns = useMemo(() => visibleColumns(columns, rows, wide, now), [columns, rows, wide]);
  return { rows, columns: shownColumns };
}
