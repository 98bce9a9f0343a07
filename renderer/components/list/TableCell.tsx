/** One cell: the column's value as text (cluster data is untrusted: never HTML), ellipsis + tooltip. */
import { memo } from 'react';
import type { KubeObject } from '../../../app/kube/object';
import type { ListColumn } from '../../kinds/listKind';
import { useFormat } from '../../i18n/useFormat';

const PROBLEM = /CrashLoopBackOff|Error|Failed|ImagePull|ErrImage|OOMKilled|Evicted|NotReady|Unknown|Lost|Terminating|Pending|Invalid|BackOff/;

function TableCellImpl({ column, obj, now, href }: { column: ListColumn; obj: KubeObject; now: number; href?: string }) {
  const fmt = useFormat();
  const raw = column.value(obj, now);
  const text = raw === undefined ? '' : typeof raw === 'number' ? fmt.count(raw) : raw;
  const tone = column.id === 'status' && typeof raw === 'string' && PROBLEM.test(raw) ? ' tone-problem' : '';
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
