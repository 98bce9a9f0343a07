/**
 * The one generic list view, driven by the kinds registry (or a CRD's printer columns):
 * header with the count of objects matching the filters, filters, and the live table.
 */
import { useDeferredValue, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KubeObject } from '../../../app/kube/object';
import { addRequirement } from '../../../app/selectors/labelSelector';
import type { ListState } from '../../../app/watch/reducer';
import { useContexts } from '../../bridge/useContexts';
import { useWatchList } from '../../bridge/useWatchList';
import { useFormat } from '../../i18n/useFormat';
import { useListKind } from '../../kinds/useListKind';
import type { ListKind } from '../../kinds/listKind';
import { formatRoute, type ListFilters } from '../../routing/routes';
import { useNavigate } from '../../routing/useRoute';
import { useNow } from '../common/useNow';
import { StreamBadge } from '../common/StreamBadge';
import { ListToolbar } from './ListToolbar';
import { ListMessages } from './ListMessages';
import { ResourceTable, type SortState } from './ResourceTable';
import { useListPlan, useListRows, useResolvedSelector } from './useListRows';
import { useSettledText } from './useSettledText';

export function ResourceListView({ context, kindId, filters }: { context: string; kindId: string; filters: ListFilters }) {
  const { t } = useTranslation();
  const { kind, loading } = useListKind(context, kindId);
  if (!kind) {
    return loading ? (
      <p role="status">{t('app.loading')}</p>
    ) : (
      <p className="empty" role="alert">
        {t('list.unknownKind', { kind: kindId })}
      </p>
    );
  }
  return <KindList key={`${context}/${kind.id}`} context={context} kind={kind} filters={filters} />;
}

function KindList({ context, kind, filters }: { context: string; kind: ListKind; filters: ListFilters }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const [sort, setSort] = useState<SortState | undefined>();
  const defaultNamespace = useContexts().value?.contexts.find((c) => c.name === context)?.namespace;

  // The typed selector filters the rows at once (client-side); the server watch — a full LIST
  // in main — and the URL follow it only once typing pauses, or at once on Enter.
  const selectorText = useSettledText(filters.selector);
  const selector = useResolvedSelector(selectorText.draft);
  const watchSelector = useResolvedSelector(selectorText.settled);
  const settledSelector = selectorText.settled;
  useEffect(() => {
    if (settledSelector !== filters.selector) {
      navigate({ view: 'list', context, kindId: kind.id, filters: { ...filters, selector: settledSelector } }, { replace: true });
    }
  }, [settledSelector, filters, navigate, context, kind.id]);

  const deferredQuery = useDeferredValue(filters.query);
  const plan = useListPlan(context, kind, { ...filters, query: deferredQuery }, selector, watchSelector);
  const current = useWatchList(plan.watch);
  // Rows show from the first page on; until then (a narrowed watch starting), the previous
  // list stays on screen, filtered locally. `loaded` means the listing is whole (synced).
  const hasRows = (s: ListState) => s.synced || s.items.size > 0;
  const lastLoaded = useRef<ListState | undefined>(undefined);
  if (hasRows(current)) lastLoaded.current = current;
  const shown = hasRows(current) ? current : (lastLoaded.current ?? current);
  const loaded = shown.synced;
  const listing = !shown.synced && shown.items.size > 0;
  const now = useNow(10_000, shown.items);

  const [wide, setWide] = useState(true);
  const { rows, columns } = useListRows({ items: shown.items, plan, columns: kind.columns, sort, wide, now });

  // A selector given here (a label chip, "clear filters") is applied at once, not debounced.
  const setFilters = (next: Partial<ListFilters>) => {
    if (next.selector !== undefined) selectorText.settle(next.selector);
    navigate({ view: 'list', context, kindId: kind.id, filters: { ...filters, ...next } }, { replace: true });
  };
  const hrefFor = (obj: KubeObject) =>
    formatRoute({ view: 'detail', context, kindId: kind.id, namespace: obj.metadata.namespace, name: obj.metadata.name });
  const onSort = (columnId: string) =>
    setSort((s) => (s?.columnId !== columnId ? { columnId, direction: 'asc' } : s.direction === 'asc' ? { columnId, direction: 'desc' } : undefined));
  const onPickLabel = (key: string, value: string) => {
    try {
      setFilters({ selector: addRequirement(selectorText.draft, key, value) });
    } catch {
      // A label the API itself accepted is always valid; nothing sensible to add otherwise.
    }
  };

  const status = shown.status;
  const stale = loaded && status !== undefined && status.state !== 'live' && status.state !== 'connecting';
  const total = shown.items.size;
  const filteredOut = rows.length !== total;
  const titleId = `list-title-${kind.id}`;

  return (
    <section className="list-view" aria-labelledby={titleId}>
      <header className="view-header">
        <h1 id={titleId}>
          {kind.title}{' '}
          {/* A named status so it can be found and read ("Pods: 1,234 objects"); not live: rows churn. */}
          <span
            className={listing ? 'count listing' : 'count'}
            role="status"
            aria-live="off"
            aria-label={`${kind.title}: ${t(listing ? 'list.countSoFar' : 'list.count', { count: rows.length, formatted: fmt.count(rows.length) })}`}
          >
            {fmt.count(rows.length)}
            {listing && '…'}
          </span>
        </h1>
        {/* In the header, not above the table: the rows must not jump when the listing completes. */}
        {listing && (
          <span className="muted list-total" role="status">
            {t('list.stillListing', { kind: kind.title, formatted: fmt.count(shown.items.size) })}
          </span>
        )}
        {filteredOut && loaded && (
          <span className="muted list-total">
            {t('list.count', { count: rows.length, formatted: fmt.count(rows.length) })} {t('list.ofTotal', { total: fmt.count(total) })}
          </span>
        )}
        <StreamBadge status={status} hasData={loaded} />
      </header>
      <ListToolbar
        context={context}
        namespaced={kind.namespaced}
        filters={{ ...filters, selector: selectorText.draft }}
        selector={selector}
        onChange={setFilters}
        onSelectorInput={selectorText.type}
        onSelectorCommit={() => selectorText.settle()}
        wide={wide}
        onWideChange={setWide}
      />
      <ListMessages
        kindTitle={kind.title}
        status={status}
        loaded={loaded || listing}
        rows={rows.length}
        filtered={filters.namespaces.length > 0 || selectorText.draft !== '' || filters.query !== ''}
        suggestNamespace={kind.namespaced && filters.namespaces.length === 0 ? defaultNamespace : undefined}
        onPickNamespace={(ns) => setFilters({ namespaces: [ns] })}
      />
      {rows.length > 0 && (
        <ResourceTable
          label={t('list.tableLabel', { kind: kind.title })}
          columns={columns}
          rows={rows}
          now={now}
          sort={sort}
          onSort={onSort}
          hrefFor={hrefFor}
          onOpen={(obj) => navigate({ view: 'detail', context, kindId: kind.id, namespace: obj.metadata.namespace, name: obj.metadata.name })}
          onPickLabel={onPickLabel}
          stale={stale}
          busy={!current.synced}
        />
      )}
    </section>
  );
}
