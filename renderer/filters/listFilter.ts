/**
 * Filter composition for resource lists: which part of the filters goes to the server (the
 * watch's namespace and labelSelector) and which is matched client-side (several namespaces,
 * free text). The selector is matched client-side as well, so the previous list — filtered
 * locally — can stay on screen while the narrowed watch loads, and a server that ignored a
 * selector could never show wrong rows.
 */
import type { WatchParams } from '../../app/contract/pilothouse';
import type { KubeObject, ResourceRef } from '../../app/kube/object';
import {
  formatLabelSelector,
  matchesLabelSelector,
  parseLabelSelector,
  SelectorSyntaxError,
  type LabelSelector,
} from '../../app/selectors/labelSelector';
import type { ListFilters } from '../routing/routes';

export interface SelectorState {
  /** The selector in force: the typed one when valid, else the last valid one. */
  applied?: LabelSelector;
  /** Canonical text of `applied` ('' for none). */
  appliedText: string;
  /** Set when the typed text does not parse; `applied` is then the last valid selector. */
  error?: { problem: string; position: number; found?: string };
}

/** Parses typed selector text; invalid text keeps the last valid selector applied. */
export function resolveSelector(text: string, lastValidText: string): SelectorState {
  try {
    const sel = parseLabelSelector(text);
    return { applied: sel.requirements.length ? sel : undefined, appliedText: sel.requirements.length ? formatLabelSelector(sel) : '' };
  } catch (err) {
    if (!(err instanceof SelectorSyntaxError)) throw err;
    const fallback = lastValidText ? resolveSelector(lastValidText, '') : { appliedText: '' };
    return { ...fallback, error: { problem: err.problem, position: err.position, found: err.found } };
  }
}

export interface ListPlan {
  watch: WatchParams;
  /** Client-side namespace filter (several namespaces selected); undefined = all. */
  namespaces?: ReadonlySet<string>;
  selector?: LabelSelector;
  /** Lower-cased search text; '' for none. */
  query: string;
}

/**
 * `selector` is matched client-side; the watch gets `watchSelector` (canonical text), which is
 * the same one unless the caller holds the server back while the user types.
 */
export function planList(
  context: string,
  ref: ResourceRef,
  namespaced: boolean,
  filters: ListFilters,
  selector: SelectorState,
  watchSelector = selector.appliedText,
): ListPlan {
  const namespaces = namespaced ? [...new Set(filters.namespaces)] : [];
  const watch: WatchParams = { context, ref };
  if (namespaces.length === 1) watch.namespace = namespaces[0];
  if (watchSelector) watch.labelSelector = watchSelector;
  return {
    watch,
    namespaces: namespaces.length > 1 ? new Set(namespaces) : namespaces.length === 1 ? new Set(namespaces) : undefined,
    selector: selector.applied,
    query: filters.query.trim().toLowerCase(),
  };
}

/** Whether an object passes the client-side part of a plan. */
export function matchesPlan(obj: KubeObject, plan: ListPlan): boolean {
  const meta = obj.metadata;
  if (plan.namespaces && !plan.namespaces.has(meta.namespace ?? '')) return false;
  if (plan.selector && !matchesLabelSelector(plan.selector, meta.labels)) return false;
  if (plan.query) return matchesText(obj, plan.query);
  return true;
}

/** Free-text search over name, namespace and labels (`key=value`); `q` is lower-cased. */
export function matchesText(obj: KubeObject, q: string): boolean {
  const meta = obj.metadata;
  if (meta.name?.toLowerCase().includes(q)) return true;
  if (meta.namespace?.toLowerCase().includes(q)) return true;
  for (const [k, v] of Object.entries(meta.labels ?? {})) {
    if (`${k}=${v}`.toLowerCase().includes(q)) return true;
  }
  return false;
}

export function filterObjects(items: Iterable<KubeObject>, plan: ListPlan): KubeObject[] {
  const out: KubeObject[] = [];
  for (const obj of items) if (matchesPlan(obj, plan)) out.push(obj);
  return out;
}
