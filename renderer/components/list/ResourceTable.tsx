/**
 * The virtualized resource table (role "grid"): only visible rows are in the DOM, so 50k rows
 * scroll smoothly. Sortable headers, arrow keys / Home / End / PageUp / PageDown move the active
 * row, Enter opens it; every label is a chip that adds itself to the selector.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { KubeObject } from '../../../app/kube/object';
import type { SortDirection } from '../../filters/sortRows';
import type { ListColumn } from '../../kinds/listKind';
import { LabelChipList, type ChipTexts } from '../common/LabelChips';
import { TableCell } from './TableCell';

export interface SortState {
  columnId: string;
  direction: SortDirection;
}

export interface ResourceTableProps {
  label: string;
  columns: ListColumn[];
  rows: KubeObject[];
  now: number;
  sort: SortState | undefined;
  onSort: (columnId: string) => void;
  hrefFor: (obj: KubeObject) => string;
  onOpen: (obj: KubeObject) => void;
  onPickLabel: (key: string, value: string) => void;
  stale: boolean;
  busy: boolean;
}

const ROW_HEIGHT = 34;
const HEADER_HEIGHT = 32;
const LABELS_ID = '__labels';

/**
 * Grid column widths: flexible (no fixed widths that would truncate CJK headers), with sane
 * minimums. Header and rows share one scroll container and one template, so they always align;
 * the minimum total keeps narrow windows scrolling sideways instead of squeezing cells.
 */
function layoutFor(columns: ListColumn[]): { template: string; minWidthRem: number } {
  let minWidthRem = 0;
  const track = (min: number, fr: number) => {
    minWidthRem += min;
    return `minmax(${min}rem, ${fr}fr)`;
  };
  // Minimums sized so the Pods table (-o wide) fits a 1440 px window without sideways scrolling
  // and a typical pod name ("storefront-6497b58c5b-g9x2k") is not cut; 5rem still holds a CJK
  // header of four characters ("存活时间").
  const parts: string[] = columns.map((c) => {
    if (c.id === 'name') return track(14.5, 4);
    if (c.id === 'namespace') return track(7, 1.2);
    // STATUS carries the reason operators look for ("CrashLoopBackOff", "ImagePullBackOff");
    // RESTARTS reads "4 (15s ago)": neither should end in an ellipsis at common widths.
    if (c.id === 'status') return track(9.5, 1.2);
    if (c.id === 'restarts') return track(6.5, 0.7);
    if (c.numeric) return track(5, 0.7);
    return track(7, 1);
  });
  parts.push(track(7, 1.5));
  return { template: parts.join(' '), minWidthRem };
}

export function ResourceTable(props: ResourceTableProps) {
  const { t } = useTranslation();
  const { columns, rows, now, sort } = props;
  const chipTexts = useMemo<ChipTexts>(() => {
    // Plural lookups are not free; a scroll step renders dozens of rows with the same few counts.
    const more = new Map<number, string>();
    return {
      addFilter: (label) => t('chip.addFilter', { label }),
      more: (count) => more.get(count) ?? more.set(count, t('chip.more', { count })).get(count)!,
    };
  }, [t]);
  const chipsLabel = t('chip.labels');
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    // Rows start below the sticky header inside the same scroll container.
    scrollMargin: HEADER_HEIGHT,
  });
  const activeIndex = Math.min(active, Math.max(0, rows.length - 1));
  const activeRow = rows[activeIndex];
  const { template, minWidthRem } = layoutFor(columns);
  const minWidth = `${minWidthRem}rem`;

  useEffect(() => {
    if (rows.length) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, rows.length, virtualizer]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 300) / ROW_HEIGHT) - 1);
    const move = (to: number) => {
      e.preventDefault();
      setActive(Math.max(0, Math.min(rows.length - 1, to)));
    };
    if (e.target !== e.currentTarget) return; // Keys typed into a chip button are the button's.
    if (e.key === 'ArrowDown') move(activeIndex + 1);
    else if (e.key === 'ArrowUp') move(activeIndex - 1);
    else if (e.key === 'PageDown') move(activeIndex + page);
    else if (e.key === 'PageUp') move(activeIndex - page);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(rows.length - 1);
    else if (e.key === 'Enter' && activeRow) {
      e.preventDefault();
      props.onOpen(activeRow);
    }
  };

  const rowId = (obj: KubeObject) => `row-${obj.metadata.uid}`;

  return (
    <div
      ref={scrollRef}
      className={`table${props.stale ? ' stale' : ''}`}
      role="grid"
      aria-label={props.label}
      aria-rowcount={rows.length + 1}
      aria-colcount={columns.length + 1}
      aria-busy={props.busy || undefined}
      aria-activedescendant={activeRow ? rowId(activeRow) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div className="table-head" role="rowgroup" style={{ minWidth }}>
        <div className="table-row table-header-row" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template, height: HEADER_HEIGHT }}>
          {columns.map((c) => {
            const sorted = sort?.columnId === c.id ? sort.direction : undefined;
            return (
              <div
                key={c.id}
                className={`table-cell table-header${c.numeric ? ' numeric' : ''}`}
                role="columnheader"
                aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
              >
                <button type="button" className="sort-button" onClick={() => props.onSort(c.id)} title={c.title}>
                  <span className="ellipsis">{c.title}</span>
                  <span className="sort-mark" aria-hidden="true">
                    {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                  </span>
                </button>
              </div>
            );
          })}
          <div className="table-cell table-header" role="columnheader" key={LABELS_ID}>
            <span className="ellipsis">{t('list.labelsColumn')}</span>
          </div>
        </div>
      </div>
      <div className="table-body" role="rowgroup" style={{ minWidth, height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const obj = rows[item.index];
            const selected = item.index === activeIndex;
            return (
              <div
                key={obj.metadata.uid}
                id={rowId(obj)}
                className={`table-row${selected ? ' active' : ''}`}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                style={{ gridTemplateColumns: template, transform: `translateY(${item.start - HEADER_HEIGHT}px)`, height: ROW_HEIGHT }}
                onClick={() => setActive(item.index)}
                onDoubleClick={() => props.onOpen(obj)}
              >
                {columns.map((c) => (
                  <TableCell key={c.id} column={c} obj={obj} now={now} href={c.id === 'name' ? props.hrefFor(obj) : undefined} />
                ))}
                <div className="table-cell labels-cell" role="gridcell">
                  <LabelChipList labels={obj.metadata.labels} onPick={props.onPickLabel} max={3} label={chipsLabel} texts={chipTexts} />
                </div>
              </div>
            );
          })}
      </div>
    </div>
  );
}
