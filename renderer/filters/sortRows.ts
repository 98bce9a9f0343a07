/** Numeric-aware sorting of list rows by a column (stable, missing values last). */
import type { KubeObject } from '../../app/kube/object';

export interface SortableColumn {
  value(obj: KubeObject, now: number): string | number | undefined;
  sortValue?(obj: KubeObject, now: number): string | number;
  numeric?: boolean;
}

export type SortDirection = 'asc' | 'desc';

/**
 * Natural order: digit runs compare as numbers ("pod-2" < "pod-10"), other characters by
 * lower-cased code unit. Hand-written because Intl.Collator({numeric}) costs ~0.5 s for 50k
 * names on our 2-core target, and names in Kubernetes are ASCII (DNS labels) anyway.
 */
export function naturalCompare(a: string, b: string): number {
  const la = a.length;
  const lb = b.length;
  let i = 0;
  let j = 0;
  while (i < la && j < lb) {
    let ca = a.charCodeAt(i);
    let cb = b.charCodeAt(j);
    if (isDigit(ca) && isDigit(cb)) {
      // Skip leading zeros, then the longer run is the larger number; equal lengths compare digit-wise.
      let si = i;
      let sj = j;
      while (si < la && a.charCodeAt(si) === 48) si++;
      while (sj < lb && b.charCodeAt(sj) === 48) sj++;
      let ei = si;
      let ej = sj;
      while (ei < la && isDigit(a.charCodeAt(ei))) ei++;
      while (ej < lb && isDigit(b.charCodeAt(ej))) ej++;
      const lenDiff = ei - si - (ej - sj);
      if (lenDiff !== 0) return lenDiff;
      for (let k = 0; k < ei - si; k++) {
        const d = a.charCodeAt(si + k) - b.charCodeAt(sj + k);
        if (d !== 0) return d;
      }
      i = ei;
      j = ej;
      continue;
    }
    if (ca >= 65 && ca <= 90) ca += 32;
    if (cb >= 65 && cb <= 90) cb += 32;
    if (ca !== cb) return ca - cb;
    i++;
    j++;
  }
  return la - i - (lb - j);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * A string whose plain code-unit order is natural order: lower-cased, digit runs without
 * leading zeros left-padded to a fixed width. Precomputing it once per row lets the sort use
 * the engine's native string comparison (50k rows in a few tens of ms).
 */
export function naturalKey(value: string): string {
  return value.toLowerCase().replace(/\d+/g, (run) => {
    const digits = run.replace(/^0+(?=\d)/, '');
    return digits.length >= 20 ? digits : '0'.repeat(20 - digits.length) + digits;
  });
}

export function sortRows(rows: readonly KubeObject[], column: SortableColumn, direction: SortDirection, now: number): KubeObject[] {
  const key = column.sortValue ?? column.value;
  // Decorate once: computing keys inside the comparator would cost n·log n column calls.
  const decorated = rows.map((obj, index) => {
    const raw = key(obj, now);
    const missing = raw === undefined || raw === '';
    return { obj, index, missing, num: typeof raw === 'number' ? raw : undefined, str: typeof raw === 'string' ? naturalKey(raw) : '' };
  });
  const sign = direction === 'asc' ? 1 : -1;
  decorated.sort((x, y) => {
    if (x.missing !== y.missing) return x.missing ? 1 : -1; // Missing last in both directions.
    let c = 0;
    if (x.num !== undefined && y.num !== undefined) c = x.num - y.num;
    else if (x.num !== undefined) c = -1; // Numbers before text in a mixed column.
    else if (y.num !== undefined) c = 1;
    else c = x.str < y.str ? -1 : x.str > y.str ? 1 : 0;
    return sign * c || x.index - y.index;
  });
  return decorated.map((d) => d.obj);
}
