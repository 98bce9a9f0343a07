/**
 * A small evaluator for the Kubernetes JSONPath dialect used by CRD additionalPrinterColumns
 * (k8s.io/client-go/util/jsonpath): `.spec.replicas`, `.status.conditions[0].type`,
 * `.status.conditions[?(@.type=="Ready")].status`, `.items[*].name`, `['key.with.dots']`,
 * `..name`, slices `[1:3]`, optionally wrapped in `{…}` and starting with `$`.
 *
 * Written here rather than taken from npm because (1) the expressions come from the cluster and
 * are untrusted: general JSONPath libraries evaluate filter scripts (jsonpath-plus has had
 * code-execution advisories), while this one only compares values; (2) the Kubernetes dialect
 * differs from Goessner/RFC 9535 (leading ".", `{}` templates, no `$` needed).
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- evaluates over arbitrary JSON */

export class JsonPathError extends Error {
  override readonly name = 'JsonPathError';
}

type Literal = string | number | boolean | null;
type Step =
  | { kind: 'field'; name: string }
  | { kind: 'wildcard' }
  | { kind: 'recursive'; name: string | '*' }
  | { kind: 'index'; index: number }
  | { kind: 'slice'; start?: number; end?: number; step?: number }
  | { kind: 'union'; keys: (string | number)[] }
  | { kind: 'filter'; path: Step[]; op?: '==' | '!=' | '<' | '<=' | '>' | '>='; value?: Literal };

const IDENT = /^[A-Za-z0-9_\-/$]+/;

/** Parses a path into steps; throws JsonPathError for anything outside the supported dialect. */
export function parseJsonPath(expr: string): Step[] {
  let text = expr.trim();
  if (text.startsWith('{') && text.endsWith('}')) text = text.slice(1, -1).trim();
  if (text.startsWith('$')) text = text.slice(1);
  const steps: Step[] = [];
  let i = 0;
  const fail = (what: string): never => {
    throw new JsonPathError(`invalid JSONPath "${expr}": ${what} at ${i}`);
  };
  while (i < text.length) {
    if (text.startsWith('..', i)) {
      i += 2;
      if (text[i] === '*') {
        i++;
        steps.push({ kind: 'recursive', name: '*' });
        continue;
      }
      const m = IDENT.exec(text.slice(i));
      if (!m) fail('expected a field name after ".."');
      steps.push({ kind: 'recursive', name: m![0] });
      i += m![0].length;
    } else if (text[i] === '.') {
      i++;
      if (text[i] === '*') {
        i++;
        steps.push({ kind: 'wildcard' });
        continue;
      }
      if (i >= text.length || text[i] === '[') continue; // "." alone is the current object
      const m = IDENT.exec(text.slice(i));
      if (!m) fail('expected a field name after "."');
      steps.push({ kind: 'field', name: m![0] });
      i += m![0].length;
    } else if (text[i] === '[') {
      const close = findClosingBracket(text, i);
      if (close < 0) fail('missing "]"');
      steps.push(parseBracket(text.slice(i + 1, close).trim(), fail));
      i = close + 1;
    } else if (steps.length === 0 && IDENT.test(text.slice(i))) {
      // A path without a leading dot, e.g. "spec.replicas".
      const m = IDENT.exec(text.slice(i))!;
      steps.push({ kind: 'field', name: m[0] });
      i += m[0].length;
    } else {
      fail(`unexpected "${text[i]}"`);
    }
  }
  return steps;
}

function findClosingBracket(text: string, open: number): number {
  let quote: string | undefined;
  let depth = 0;
  for (let j = open; j < text.length; j++) {
    const ch = text[j];
    if (quote) {
      if (ch === '\\') j++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[') depth++;
    else if (ch === ']' && --depth === 0) return j;
  }
  return -1;
}

function parseLiteral(s: string, fail: (w: string) => never): Literal {
  const t = s.trim();
  if ((t.startsWith('"') && t.endsWith('"')) || (t.startsWith("'") && t.endsWith("'"))) return t.slice(1, -1).replace(/\\(.)/g, '$1');
  if (t === 'true' || t === 'false') return t === 'true';
  if (t === 'null') return null;
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  return fail(`unsupported literal ${JSON.stringify(t)}`);
}

function parseBracket(inner: string, fail: (w: string) => never): Step {
  if (inner === '*') return { kind: 'wildcard' };
  if (inner.startsWith('?(') && inner.endsWith(')')) {
    const body = inner.slice(2, -1).trim();
    const m = /^@((?:\.[A-Za-z0-9_\-/]+|\[[^\]]+\])*)\s*(?:(==|!=|<=|>=|<|>)\s*(.+))?$/.exec(body);
    if (!m) return fail(`unsupported filter "${inner}"`);
    const path = parseJsonPath(m[1] || '.');
    if (!m[2]) return { kind: 'filter', path };
    return { kind: 'filter', path, op: m[2] as '==', value: parseLiteral(m[3], fail) };
  }
  const slice = /^(-?\d*):(-?\d*)(?::(-?\d+))?$/.exec(inner);
  if (slice) {
    const num = (s: string | undefined) => (s === undefined || s === '' ? undefined : Number(s));
    return { kind: 'slice', start: num(slice[1]), end: num(slice[2]), step: num(slice[3]) };
  }
  const parts = inner.split(',').map((p) => p.trim());
  const keys = parts.map((p) => (/^-?\d+$/.test(p) ? Number(p) : parseLiteral(p, fail)));
  if (keys.some((k) => typeof k !== 'string' && typeof k !== 'number')) return fail(`unsupported subscript "[${inner}]"`);
  if (keys.length === 1) {
    const k = keys[0];
    return typeof k === 'number' ? { kind: 'index', index: k } : { kind: 'field', name: k as string };
  }
  return { kind: 'union', keys: keys as (string | number)[] };
}

function children(v: any): any[] {
  if (Array.isArray(v)) return v;
  if (v && typeof v === 'object') return Object.values(v);
  return [];
}

function descendants(v: any, out: any[]): void {
  out.push(v);
  for (const c of children(v)) descendants(c, out);
}

function compare(a: any, op: string, b: Literal): boolean {
  switch (op) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    default: {
      if (typeof a !== typeof b || (typeof a !== 'number' && typeof a !== 'string')) return false;
      const x = a as number | string;
      const y = b as number | string;
      return op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y;
    }
  }
}

function applyStep(values: any[], step: Step): any[] {
  const out: any[] = [];
  for (const v of values) {
    switch (step.kind) {
      case 'field':
        if (v && typeof v === 'object' && !Array.isArray(v) && Object.prototype.hasOwnProperty.call(v, step.name)) out.push(v[step.name]);
        break;
      case 'wildcard':
        out.push(...children(v));
        break;
      case 'recursive': {
        const all: any[] = [];
        descendants(v, all);
        for (const d of all) {
          if (step.name === '*') out.push(...children(d));
          else if (d && typeof d === 'object' && !Array.isArray(d) && Object.prototype.hasOwnProperty.call(d, step.name)) out.push(d[step.name]);
        }
        break;
      }
      case 'index':
        if (Array.isArray(v)) {
          const idx = step.index < 0 ? v.length + step.index : step.index;
          if (idx >= 0 && idx < v.length) out.push(v[idx]);
        }
        break;
      case 'slice':
        if (Array.isArray(v)) {
          const stepBy = step.step ?? 1;
          if (stepBy <= 0) break;
          const norm = (n: number | undefined, dflt: number) => (n === undefined ? dflt : n < 0 ? Math.max(0, v.length + n) : Math.min(n, v.length));
          for (let j = norm(step.start, 0); j < norm(step.end, v.length); j += stepBy) out.push(v[j]);
        }
        break;
      case 'union':
        for (const k of step.keys) out.push(...applyStep([v], typeof k === 'number' ? { kind: 'index', index: k } : { kind: 'field', name: k }));
        break;
      case 'filter':
        for (const item of children(v)) {
          const found = evaluate(step.path, item);
          if (step.op === undefined ? found.length > 0 : found.some((f) => compare(f, step.op!, step.value!))) out.push(item);
        }
        break;
    }
  }
  return out;
}

function evaluate(steps: Step[], root: unknown): any[] {
  return steps.reduce<any[]>((values, step) => applyStep(values, step), [root]);
}

/** All values the path selects in `root`, in document order (empty when none). */
export function evaluateJsonPath(expr: string, root: unknown): unknown[] {
  return evaluate(parseJsonPath(expr), root);
}

/** A compiled path, for evaluating the same column over many objects. */
export function compileJsonPath(expr: string): (root: unknown) => unknown[] {
  const steps = parseJsonPath(expr);
  return (root) => evaluate(steps, root);
}
