/** One cell: the column's value as text (cluster data is untrusted: never HTML), ellipsis + tooltip. */
import { memo } from 'react';
import type { KubeObject } from '../../../app/kube/object';
import type { ListColumn } from '../../kinds/listKind';
import { useFormat } from '../../i18n/useFormat';

function TableCellImpl({ column, obj, now, href }: { column: ListColumn; obj: KubeObject; now: number; href?: string }) {
  const fmt = useFormat();
  const raw = column.value(obj, now);
  const text = raw === undefined ? '' : typeof raw === 'number' ? fmt.count(raw) : raw;
  // Which values are problems is the column's to say (app/kinds, tested with the registry).
  const tone = typeof raw === 'string' && column.isProblem?.(raw) ? ' tone-problem' : '';
  return (
    <div className={`table-cell${column.numeric ? ' numeric' : ''}${tone}`} role="gridcell" title={text}>
      {href ? (
        <a className="ellipsis row-link" href={href} onClick={(e) => e.stopPropagation()}>
          {text}
        </a>
      ) : (
        <span className="ellipsis">{text}</span>
      )}
    </div>
  );
}

export const TableCell = memo(TableCellImpl);
