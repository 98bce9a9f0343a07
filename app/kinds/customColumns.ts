/**
 * Table columns of a custom resource from its CRD's additionalPrinterColumns, computed as the
 * API server's table convertor does: the first value the JSONPath selects, shown per column type
 * (date → age like "5d", integer/number/boolean → as is, string/other → text).
 */
import type { PrinterColumn } from '../contract/pilothouse';
import type { KubeObject } from '../kube/object';
import { formatAge, toEpochMs } from '../format/age';
import { ageColumn, nameColumn, namespaceColumn } from './columns';
import { compileJsonPath } from './jsonPath';
import type { ColumnDef } from './types';

function firstValue(get: (root: unknown) => unknown[], obj: KubeObject): unknown {
  try {
    const values = get(obj);
    return values.length ? values[0] : undefined;
  } catch {
    return undefined;
  }
}

function asText(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** A column id that cannot clash with the built-in ones (name, namespace, age). */
function columnId(name: string, used: Set<string>): string {
  let id = `printer:${name}`;
  for (let n = 2; used.has(id); n++) id = `printer:${name}#${n}`;
  used.add(id);
  return id;
}

function printerColumn(pc: PrinterColumn, used: Set<string>): ColumnDef {
  const base = { id: columnId(pc.name, used), titleKey: 'column.custom', title: pc.name.toUpperCase(), wide: (pc.priority ?? 0) > 0 };
  let get: (root: unknown) => unknown[];
  try {
    get = compileJsonPath(pc.jsonPath);
  } catch {
    // An unsupported path shows an empty column rather than breaking the whole table.
    get = () => [];
  }
  switch (pc.type) {
    case 'date':
      return {
        ...base,
        value: (o, now) => {
          const v = firstValue(get, o);
          return typeof v === 'string' && toEpochMs(v) !== undefined ? formatAge(v, now) : asText(v);
        },
        sortValue: (o, now) => {
          const t = toEpochMs(asText(firstValue(get, o)));
          return t === undefined ? -1 : now - t;
        },
        numeric: true,
      };
    case 'integer':
    case 'number':
      return {
        ...base,
        value: (o) => {
          const v = firstValue(get, o);
          return typeof v === 'number' ? v : asText(v);
        },
        sortValue: (o) => {
          const v = firstValue(get, o);
          return typeof v === 'number' ? v : Number.NEGATIVE_INFINITY;
        },
        numeric: true,
      };
    default:
      return { ...base, value: (o) => asText(firstValue(get, o)) };
  }
}

/**
 * Columns for a custom resource list: NAME, NAMESPACE (when namespaced), then the printer
 * columns in order (priority > 0 only in the wide view). Without printer columns, AGE, as the
 * API server defaults it. Column titles come from the CRD (`title`), not from i18n.
 */
export function columnsForCustomResource(printerColumns: readonly PrinterColumn[] | undefined, namespaced = true): ColumnDef[] {
  const head = namespaced ? [nameColumn, namespaceColumn] : [nameColumn];
  if (!printerColumns || printerColumns.length === 0) return [...head, ageColumn];
  const used = new Set<string>();
  return [...head, ...printerColumns.map((pc) => printerColumn(pc, used))];
}
