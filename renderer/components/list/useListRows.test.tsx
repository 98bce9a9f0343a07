import { useDeferredValue } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { KubeObject } from '../../../app/kube/object';
import { kindById } from '../../../app/kinds/registry';
import { filterObjects } from '../../filters/listFilter';
import { sortRows } from '../../filters/sortRows';
import { visibleColumns } from '../../filters/visibleColumns';
import { fromRegistry } from '../../kinds/useListKind';
import { parseRoute, type ListFilters } from '../../routing/routes';
import type { SortState } from './ResourceTable';
import { renderHook } from './testing/renderHook';
import { useListPlan, useListRows, useResolvedSelector } from './useListRows';

// The real derivations, counted.
vi.mock('../../filters/listFilter', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../filters/listFilter')>();
  return { ...m, filterObjects: vi.fn(m.filterObjects) };
});
vi.mock('../../filters/sortRows', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../filters/sortRows')>();
  return { ...m, sortRows: vi.fn(m.sortRows) };
});
vi.mock('../../filters/visibleColumns', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../filters/visibleColumns')>();
  return { ...m, visibleColumns: vi.fn(m.visibleColumns) };
});

const kind = fromRegistry(kindById('pods')!, (key) => key);
const pod = (name: string, namespace: string, labels: Record<string, string>): KubeObject => ({
  metadata: { name, namespace, uid: `${namespace}/${name}`, labels, creationTimestamp: '2026-01-01T00:00:00Z' },
  spec: { containers: [{ name: 'c' }] },
  status: { phase: 'Running' },
});
const byUid = (objs: KubeObject[]) => new Map(objs.map((o) => [o.metadata.uid!, o]));
const ITEMS = byUid([pod('web-2', 'a', { app: 'web' }), pod('web-1', 'b', { app: 'web' }), pod('db-1', 'a', { app: 'db' })]);

interface Props {
  hash: string;
  items: ReadonlyMap<string, KubeObject>;
  /** Stands for whatever else re-renders the list (the status bar's flush, the stream's status). */
  status: string;
  sort?: SortState;
  now: number;
}

/** What the list view does on every render: the route's filters arrive as a new object each time. */
function useList({ hash, items, sort, now }: Props) {
  const route = parseRoute(hash) as { filters: ListFilters };
  const filters = route.filters;
  const selector = useResolvedSelector(filters.selector);
  const query = useDeferredValue(filters.query);
  const plan = useListPlan('sim', kind, { ...filters, query }, selector, selector);
  return { plan, ...useListRows({ items, plan, columns: kind.columns, sort, wide: true, now }) };
}

const calls = () => ({
  filter: vi.mocked(filterObjects).mock.calls.length,
  sort: vi.mocked(sortRows).mock.calls.length,
  columns: vi.mocked(visibleColumns).mock.calls.length,
});
const names = (rows: KubeObject[]) => rows.map((o) => o.metadata.name);

describe('useListPlan and useListRows', () => {
  beforeEach(() => vi.clearAllMocks());

  it('re-filter, re-sort and rescan columns only when the items, the canonical filters or the sort change', async () => {
    const start: Props = { hash: '#/c/sim/pods?ns=a,b&l=app%3Dweb', items: ITEMS, status: 'live', now: 1 };
    const hook = await renderHook(useList, start);
    const first = hook.result;
    expect(names(first.rows)).toEqual(['web-2', 'web-1']);
    expect(calls()).toEqual({ filter: 1, sort: 0, columns: 1 });

    // Unrelated re-renders: a status flush, a status event, the clock — a new filters object each time.
    await hook.rerender({ ...start, status: 'reconnecting' });
    await hook.rerender({ ...start, status: 'live', now: 2 });
    // The same filters written differently: namespaces in another order, the selector spaced.
    await hook.rerender({ ...start, hash: '#/c/sim/pods?ns=b,a&l=app+%3D+web' });
    expect(calls()).toEqual({ filter: 1, sort: 0, columns: 1 });
    expect(hook.result.rows).toBe(first.rows);
    expect(hook.result.columns).toBe(first.columns);
    expect(hook.result.plan).toBe(first.plan);

    // New data: filter and scan again, once.
    const more = byUid([...ITEMS.values(), pod('web-3', 'b', { app: 'web' })]);
    await hook.rerender({ ...start, items: more });
    await hook.rerender({ ...start, items: more, status: 'reconnecting' });
    expect(calls()).toEqual({ filter: 2, sort: 0, columns: 2 });
    expect(names(hook.result.rows)).toEqual(['web-2', 'web-1', 'web-3']);

    // A sort: sorted once, not filtered again.
    const sort: SortState = { columnId: 'name', direction: 'asc' };
    await hook.rerender({ ...start, items: more, sort });
    await hook.rerender({ ...start, items: more, sort, status: 'live', now: 3 });
    expect(calls()).toEqual({ filter: 2, sort: 1, columns: 3 });
    expect(names(hook.result.rows)).toEqual(['web-1', 'web-2', 'web-3']);

    // Other filters: filtered again.
    await hook.rerender({ ...start, items: more, sort, hash: '#/c/sim/pods?ns=a&l=app%3Dweb' });
    expect(calls()).toEqual({ filter: 3, sort: 2, columns: 4 });
    expect(names(hook.result.rows)).toEqual(['web-2']);
    expect(hook.result.plan.watch).toEqual({ context: 'sim', ref: kind.ref, namespace: 'a', labelSelector: 'app=web' });
    await hook.unmount();
  });
});
