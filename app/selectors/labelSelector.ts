/**
 * Label selectors with kubectl's full syntax: parse, match, format, and build from API objects.
 *
 * Hand-written rather than a dependency: no maintained npm package implements the Kubernetes
 * selector grammar (the npm registry has only CSS/DOM "selector" libraries), and we need the
 * API server's exact semantics and validation so that what matches locally is what the server
 * would return for the same `labelSelector` query. Follows k8s.io/apimachinery/pkg/labels.
 *
 * Grammar:
 *   selector    := "" | requirement ("," requirement)*
 *   requirement := "!" KEY | KEY | KEY ("=" | "==" | "!=") VALUE? | KEY (">" | "<") INTEGER
 *                | KEY ("in" | "notin") "(" VALUE? ("," VALUE?)* ")"
 */
import { parseLabelSelector } from './labelSelectorParser';
import { EVERYTHING, NOTHING, SelectorSyntaxError, type LabelRequirement, type LabelSelector } from './labelSelectorTypes';
import { labelKeyProblems, labelValueProblems } from './labelValidation';

export { parseLabelSelector, SelectorSyntaxError, EVERYTHING, NOTHING };
export type { LabelRequirement, LabelSelector };
export type { RequirementOperator } from './labelSelectorTypes';

function intValue(s: string): number | undefined {
  return /^[-+]?\d+$/.test(s) ? Number(s) : undefined;
}

function requirementMatches(req: LabelRequirement, labels: Readonly<Record<string, string>>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  const value = has ? labels[req.key] : undefined;
  switch (req.operator) {
    case 'Equals':
    case 'DoubleEquals':
    case 'In':
      return has && req.values.includes(value as string);
    case 'NotEquals':
    case 'NotIn':
      return !has || !req.values.includes(value as string);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'GreaterThan':
    case 'LessThan': {
      // As the API server: the label must exist and be an integer, else no match.
      const actual = has ? intValue(value as string) : undefined;
      const bound = intValue(req.values[0]);
      if (actual === undefined || bound === undefined) return false;
      return req.operator === 'GreaterThan' ? actual > bound : actual < bound;
    }
  }
}

/** Whether an object's labels satisfy every requirement of the selector. */
export function matchesLabelSelector(sel: LabelSelector, labels: Readonly<Record<string, string>> | undefined): boolean {
  if (sel.matchesNothing) return false;
  const set = labels ?? {};
  return sel.requirements.every((req) => requirementMatches(req, set));
}

function formatRequirement(req: LabelRequirement): string {
  switch (req.operator) {
    case 'Exists':
      return req.key;
    case 'DoesNotExist':
      return `!${req.key}`;
    case 'Equals':
    case 'DoubleEquals': // canonicalized: "==" and "=" mean the same
      return `${req.key}=${req.values[0] ?? ''}`;
    case 'NotEquals':
      return `${req.key}!=${req.values[0] ?? ''}`;
    case 'GreaterThan':
      return `${req.key}>${req.values[0]}`;
    case 'LessThan':
      return `${req.key}<${req.values[0]}`;
    case 'In':
    case 'NotIn':
      return `${req.key} ${req.operator === 'In' ? 'in' : 'notin'} (${[...req.values].sort().join(',')})`;
  }
}

/**
 * Canonical text to send to the API server: requirements sorted by key (stable), "==" written
 * as "=", set values sorted. Equal selectors format equally, so informers keyed by selector
 * text are shared. Throws for a selector that matches nothing (it has no text form).
 */
export function formatLabelSelector(sel: LabelSelector): string {
  if (sel.matchesNothing) throw new Error('this selector matches nothing and cannot be written as a label selector query');
  const sorted = [...sel.requirements].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return sorted.map(formatRequirement).join(',');
}

/** Text for showing a selector to a person: "<none>" when it selects nothing or has no requirements, as kubectl prints. */
export function describeLabelSelector(sel: LabelSelector | undefined): string {
  if (!sel || sel.matchesNothing || sel.requirements.length === 0) return '<none>';
  return formatLabelSelector(sel);
}

/** metav1.LabelSelectorRequirement as found in API objects. */
export interface LabelSelectorRequirementSpec {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | string;
  values?: string[];
}

/** metav1.LabelSelector as found in Deployment/ReplicaSet/StatefulSet/DaemonSet/Job/PDB/NetworkPolicy specs. */
export interface LabelSelectorSpec {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirementSpec[];
}

/**
 * Builds a selector from an API object's `selector` field, as metav1.LabelSelectorAsSelector:
 * null/undefined selects nothing, `{}` selects everything. Throws SelectorSyntaxError (position 0)
 * for an unknown operator or invalid key/value, which the API server would have rejected.
 */
export function selectorFromLabelSelectorSpec(spec: LabelSelectorSpec | null | undefined): LabelSelector {
  if (spec == null) return NOTHING;
  const requirements: LabelRequirement[] = [];
  for (const [key, value] of Object.entries(spec.matchLabels ?? {})) {
    checkKey(key);
    checkValue(key, value);
    requirements.push({ key, operator: 'Equals', values: [value] });
  }
  for (const expr of spec.matchExpressions ?? []) {
    checkKey(expr.key);
    const values = [...new Set(expr.values ?? [])].sort();
    values.forEach((v) => checkValue(expr.key, v));
    switch (expr.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) throw new SelectorSyntaxError(`operator ${expr.operator} of "${expr.key}" needs at least one value`, 0);
        requirements.push({ key: expr.key, operator: expr.operator, values });
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length !== 0) throw new SelectorSyntaxError(`operator ${expr.operator} of "${expr.key}" takes no values`, 0);
        requirements.push({ key: expr.key, operator: expr.operator, values: [] });
        break;
      default:
        throw new SelectorSyntaxError(`unknown operator "${expr.operator}" for "${expr.key}" (expected In, NotIn, Exists or DoesNotExist)`, 0);
    }
  }
  // Sorted by key like parsed selectors, so equal selectors compare equal however they were built.
  requirements.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return requirements.length ? { requirements } : EVERYTHING;
}

/**
 * Builds a selector from a plain label map (Service `spec.selector`, ReplicationController).
 * Like the endpoints controller, a missing or empty map selects nothing.
 */
export function selectorFromMatchLabels(map: Record<string, string> | null | undefined): LabelSelector {
  if (!map || Object.keys(map).length === 0) return NOTHING;
  return selectorFromLabelSelectorSpec({ matchLabels: map });
}

function checkKey(key: string): void {
  const problems = labelKeyProblems(key);
  if (problems.length) throw new SelectorSyntaxError(`invalid label key "${key}": ${problems.join('; ')}`, 0);
}

function checkValue(key: string, value: string): void {
  const problems = labelValueProblems(value);
  if (problems.length) throw new SelectorSyntaxError(`invalid value "${value}" for label "${key}": ${problems.join('; ')}`, 0);
}

/**
 * Adds `key=value` to selector text (a label chip was clicked). Returns the text unchanged when
 * it already requires exactly that (`key=value`, `key==value` or `key in (value)`); otherwise
 * appends `,key=value` keeping what the user typed. Text that does not parse is still appended
 * to (the user's own error stays visible to them). Throws for an invalid key or value.
 */
export function addRequirement(text: string, key: string, value: string): string {
  checkKey(key);
  checkValue(key, value);
  const addition = `${key}=${value}`;
  const trimmed = text.trim();
  if (trimmed === '') return addition;
  let present = false;
  try {
    present = parseLabelSelector(trimmed).requirements.some(
      (r) =>
        r.key === key &&
        (r.operator === 'Equals' || r.operator === 'DoubleEquals' || r.operator === 'In') &&
        r.values.length === 1 &&
        r.values[0] === value,
    );
  } catch (err) {
    if (!(err instanceof SelectorSyntaxError)) throw err;
  }
  if (present) return text;
  return `${trimmed.replace(/,\s*$/, '')},${addition}`;
}
