/**
 * Access and scaling relations for the detail view: which bindings grant a Role, what a binding
 * grants to whom, which pods run as a ServiceAccount, and what an HPA scales.
 */
import type { KubeObject } from '../kube/object';
import { groupOfApiVersion } from './registry';

interface RoleRef {
  apiGroup?: string;
  kind?: string;
  name?: string;
}

interface Subject {
  kind?: string;
  name?: string;
  namespace?: string;
}

function roleRefOf(binding: KubeObject): RoleRef {
  return (binding.roleRef ?? {}) as RoleRef;
}

/**
 * RoleBindings and ClusterRoleBindings that grant a Role or ClusterRole. A Role can only be
 * bound by RoleBindings of its own namespace; a ClusterRole by ClusterRoleBindings and by
 * RoleBindings in any namespace.
 */
export function bindingsOfRole(role: KubeObject, bindings: Iterable<KubeObject>): KubeObject[] {
  const out: KubeObject[] = [];
  for (const b of bindings) {
    const ref = roleRefOf(b);
    if (ref.kind !== role.kind || ref.name !== role.metadata.name) continue;
    if (role.kind === 'Role' && (b.kind !== 'RoleBinding' || b.metadata.namespace !== role.metadata.namespace)) continue;
    out.push(b);
  }
  return out;
}

/** The Role or ClusterRole a binding grants (a RoleBinding's Role is in the binding's namespace). */
export function roleOfBinding(binding: KubeObject, roles: Iterable<KubeObject>): KubeObject | undefined {
  const ref = roleRefOf(binding);
  for (const r of roles) {
    if (r.kind !== ref.kind || r.metadata.name !== ref.name) continue;
    if (r.kind === 'Role' && r.metadata.namespace !== binding.metadata.namespace) continue;
    return r;
  }
  return undefined;
}

/** Subjects of a binding; a ServiceAccount subject without namespace defaults to the binding's namespace. */
export function subjectsOfBinding(binding: KubeObject): Subject[] {
  const list: Subject[] = Array.isArray(binding.subjects) ? (binding.subjects as Subject[]) : [];
  return list.map((s) => (s?.kind === 'ServiceAccount' && !s.namespace ? { ...s, namespace: binding.metadata.namespace } : s));
}

/** Bindings that name a ServiceAccount as subject. */
export function bindingsOfServiceAccount(sa: KubeObject, bindings: Iterable<KubeObject>): KubeObject[] {
  const out: KubeObject[] = [];
  for (const b of bindings) {
    if (subjectsOfBinding(b).some((s) => s.kind === 'ServiceAccount' && s.name === sa.metadata.name && s.namespace === sa.metadata.namespace)) out.push(b);
  }
  return out;
}

/** Pods (same namespace) running as a ServiceAccount; pods without serviceAccountName run as "default". */
export function podsUsingServiceAccount(sa: KubeObject, pods: Iterable<KubeObject>): KubeObject[] {
  const out: KubeObject[] = [];
  for (const p of pods) {
    const name = p.spec?.serviceAccountName || p.spec?.serviceAccount || 'default';
    if ((p.metadata.namespace ?? '') === (sa.metadata.namespace ?? '') && name === sa.metadata.name) out.push(p);
  }
  return out;
}

/** The object an HPA scales (spec.scaleTargetRef: kind, name and API group, same namespace). */
export function scaleTargetOf(hpa: KubeObject, candidates: Iterable<KubeObject>): KubeObject | undefined {
  const ref = (hpa.spec?.scaleTargetRef ?? {}) as { apiVersion?: string; kind?: string; name?: string };
  const group = ref.apiVersion !== undefined ? groupOfApiVersion(ref.apiVersion) : undefined;
  for (const c of candidates) {
    if (c.kind !== ref.kind || c.metadata.name !== ref.name || (c.metadata.namespace ?? '') !== (hpa.metadata.namespace ?? '')) continue;
    if (group !== undefined && c.apiVersion !== undefined && groupOfApiVersion(c.apiVersion) !== group) continue;
    return c;
  }
  return undefined;
}
