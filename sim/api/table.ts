/**
 * Table (meta.k8s.io/v1) and PartialObjectMetadata rendering. Cells are computed once per
 * stored object version (cached by identity) so repeated `kubectl get` of many pods stays cheap.
 */
import type { ResourceType, StoredObject } from '../types';
import { type Column, columnsFor, humanDuration, Since } from './printers';
import { type ConvertedView, viewOf } from './views';

export type IncludeObject = 'None' | 'Metadata' | 'Object';

const cellCache = new WeakMap<StoredObject, { key: string; cells: unknown[] }>();
const metaCache = new WeakMap<StoredObject, string>();

/**
 * The `metadata` JSON of a stored object without parsing it all: the store writes
 * apiVersion, kind, metadata first, so it is the first `"metadata":` value; scan to its end.
 */
export function metadataJson(o: StoredObject): string {
  const offsets = o as StoredObject & { metaStart?: number; metaEnd?: number };
  if (offsets.metaStart !== undefined && offsets.metaStart >= 0 && offsets.metaEnd !== undefined) return o.json.slice(offsets.metaStart, offsets.metaEnd);
  const hit = metaCache.get(o);
  if (hit) return hit;
  const json = o.json;
  const start = json.indexOf('"metadata":') + '"metadata":'.length;
  let depth = 0;
  let inString = false;
  let end = start;
  for (let i = start; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123) depth++;
    else if (c === 125) {
      depth--;
      if (depth === 0) {
        end = i + 1;
        break;
      }
    }
  }
  const meta = json.slice(start, end);
  metaCache.set(o, meta);
  return meta;
}

/** `{"kind":"PartialObjectMetadata",...}` for one object. */
export function partialObjectMetadata(o: StoredObject): string {
  return `{"kind":"PartialObjectMetadata","apiVersion":"meta.k8s.io/v1","metadata":${metadataJson(o)}}`;
}

function cellsOf(o: StoredObject, columns: Column[], key: string, view: ConvertedView | undefined): unknown[] {
  const hit = cellCache.get(o);
  if (hit && hit.key === key) return hit.cells;
  // Columns read the served version (events.k8s.io columns read `note`, `regarding`, …).
  const parsed = view ? view.fromStore(o.parse()) : o.parse();
  const cells = columns.map((c) => {
    try {
      const v = c.cell(parsed);
      return v === undefined ? '' : v;
    } catch {
      return '<unknown>';
    }
  });
  cellCache.set(o, { key, cells });
  return cells;
}

function renderCell(v: unknown, now: number): unknown {
  if (v instanceof Since) {
    if (!v.ts) return '<unknown>';
    return v.render(humanDuration(now - Date.parse(v.ts)));
  }
  return v;
}

export function columnDefinitionsJson(rt: ResourceType): string {
  return JSON.stringify(
    columnsFor(rt).map((c) => ({ name: c.name, type: c.type, format: c.format ?? '', description: c.description, priority: c.priority })),
  );
}

/** One Table row as JSON. */
export function tableRowJson(o: StoredObject, rt: ResourceType, include: IncludeObject, now: number): string {
  const columns = columnsFor(rt);
  const key = `${rt.key}:${columns.length}`;
  const view = viewOf(rt);
  const cells = cellsOf(o, columns, key, view).map((v) => renderCell(v, now));
  let object = '';
  if (include === 'Metadata') object = `,"object":${partialObjectMetadata(o)}`;
  else if (include === 'Object') object = `,"object":${view ? JSON.stringify(view.fromStore(o.parse())) : o.json}`;
  return `{"cells":${JSON.stringify(cells)}${object}}`;
}

/** Opening of a Table document up to `"rows":[`. */
export function tableHead(rt: ResourceType, listMeta: string, withColumns = true): string {
  return `{"kind":"Table","apiVersion":"meta.k8s.io/v1","metadata":${listMeta},"columnDefinitions":${withColumns ? columnDefinitionsJson(rt) : 'null'},"rows":[`;
}
