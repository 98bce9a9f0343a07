/**
 * Label and field selectors with the grammar of k8s.io/apimachinery/pkg/labels and /fields.
 * Written here (not imported from app/) because the simulator is a program of its own.
 */
import { ApiError } from '../types';

export type LabelRequirement =
  | { key: string; op: 'exists' | '!' }
  | { key: string; op: '=' | '!='; value: string }
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: '>' | '<'; value: number };

export type LabelSelector = LabelRequirement[];

const keyRe = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const valueRe = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function bad(msg: string): never {
  throw new ApiError(400, 'BadRequest', `unable to parse requirement: ${msg}`);
}

function checkKey(key: string): string {
  if (!key) bad('key: Invalid value: "": name part must be non-empty');
  const name = key.includes('/') ? key.slice(key.indexOf('/') + 1) : key;
  if (!keyRe.test(key) || name.length > 63) {
    bad(`key: Invalid value: "${key}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`);
  }
  return key;
}

function checkValue(key: string, value: string): string {
  if (value.length > 63 || !valueRe.test(value)) {
    bad(`values[0][${key}]: Invalid value: "${value}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`);
  }
  return value;
}

/** Splits on commas that are not inside parentheses. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** Parses a label selector string. Empty string selects everything. Throws ApiError 400. */
export function parseLabelSelector(text: string | undefined | null): LabelSelector {
  const src = (text ?? '').trim();
  if (!src) return [];
  const reqs: LabelSelector = [];
  for (const raw of splitTopLevel(src)) {
    const part = raw.trim();
    if (!part) bad(`found '', expected: !, identifier, or 'end of string'`);
    let m: RegExpMatchArray | null;
    if (part.startsWith('!')) {
      reqs.push({ key: checkKey(part.slice(1).trim()), op: '!' });
    } else if ((m = part.match(/^(\S+?)\s+(in|notin)\s*\((.*)\)$/))) {
      const key = checkKey(m[1]);
      const values = m[3].split(',').map((v) => checkValue(key, v.trim()));
      if (m[3].trim() === '' ) bad(`for 'in', 'notin' operators, values set can't be empty`);
      reqs.push({ key, op: m[2] as 'in' | 'notin', values });
    } else if ((m = part.match(/^([^=!<>\s]+)\s*(==|=|!=|>|<)\s*(.*)$/))) {
      const key = checkKey(m[1]);
      const value = m[3].trim();
      if (m[2] === '>' || m[2] === '<') {
        const n = Number(value);
        if (!/^-?\d+$/.test(value)) bad(`for 'Gt', 'Lt' operators, the value must be an integer`);
        reqs.push({ key, op: m[2], value: n });
      } else {
        reqs.push({ key, op: m[2] === '!=' ? '!=' : '=', value: checkValue(key, value) });
      }
    } else if (/^[^\s=!<>(),]+$/.test(part)) {
      reqs.push({ key: checkKey(part), op: 'exists' });
    } else {
      bad(`found '${part}', expected: ',', or 'end of string'`);
    }
  }
  return reqs;
}

/** True when `labels` satisfy every requirement. */
export function matchLabels(selector: LabelSelector, labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {};
  for (const r of selector) {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    const v = has ? l[r.key] : undefined;
    switch (r.op) {
      case 'exists': if (!has) return false; break;
      case '!': if (has) return false; break;
      case '=': if (v !== r.value) return false; break;
      case '!=': if (v === r.value) return false; break;
      case 'in': if (!has || !r.values.includes(v as string)) return false; break;
      case 'notin': if (has && r.values.includes(v as string)) return false; break;
      case '>': if (!has || !(Number(v) > r.value)) return false; break;
      case '<': if (!has || !(Number(v) < r.value)) return false; break;
    }
  }
  return true;
}

/** Converts a `metav1.LabelSelector` object (matchLabels/matchExpressions) to requirements. */
export function labelSelectorFromObject(sel: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] } | undefined): LabelSelector {
  const reqs: LabelSelector = [];
  for (const [key, value] of Object.entries(sel?.matchLabels ?? {})) reqs.push({ key, op: '=', value });
  for (const e of sel?.matchExpressions ?? []) {
    if (e.operator === 'In') reqs.push({ key: e.key, op: 'in', values: e.values ?? [] });
    else if (e.operator === 'NotIn') reqs.push({ key: e.key, op: 'notin', values: e.values ?? [] });
    else if (e.operator === 'Exists') reqs.push({ key: e.key, op: 'exists' });
    else if (e.operator === 'DoesNotExist') reqs.push({ key: e.key, op: '!' });
  }
  return reqs;
}

export interface FieldRequirement {
  field: string;
  op: '=' | '!=';
  value: string;
}

export type FieldSelector = FieldRequirement[];

/** Unescapes `\,` `\=` `\\` as fields.ParseSelector does. */
function unescapeField(v: string): string {
  return v.replace(/\\(.)/g, '$1');
}

/**
 * Parses a field selector. `allowed` lists the fields this resource supports; an unknown one
 * fails like kube-apiserver: 400 `field label not supported: <field>`.
 */
export function parseFieldSelector(text: string | undefined | null, allowed: ReadonlySet<string>): FieldSelector {
  const src = (text ?? '').trim();
  if (!src) return [];
  const reqs: FieldSelector = [];
  for (const part of src.split(/(?<!\\),/)) {
    const m = part.trim().match(/^([^=!]+?)\s*(==|=|!=)\s*(.*)$/);
    if (!m) throw new ApiError(400, 'BadRequest', `invalid selector: '${src}'; can't understand '${part.trim()}'`);
    const field = m[1].trim();
    if (!allowed.has(field)) throw new ApiError(400, 'BadRequest', `field label not supported: ${field}`);
    reqs.push({ field, op: m[2] === '!=' ? '!=' : '=', value: unescapeField(m[3].trim()) });
  }
  return reqs;
}

export function matchFields(selector: FieldSelector, fields: Record<string, string>): boolean {
  for (const r of selector) {
    const v = fields[r.field] ?? '';
    if (r.op === '=' ? v !== r.value : v === r.value) return false;
  }
  return true;
}
