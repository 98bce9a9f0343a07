/** Access: ServiceAccounts, Roles, ClusterRoles, RoleBindings, ClusterRoleBindings. */
import type { KubeObject } from '../kube/object';
import { ageColumn, countColumn, createdAtColumn, nameColumn, namespaceColumn, textColumn } from './columns';
import type { ColumnDef, ResourceKindInfo } from './types';

interface Subject {
  kind?: string;
  name?: string;
  namespace?: string;
}

function subjects(o: KubeObject, kind: string): string[] {
  const list: Subject[] = Array.isArray(o.subjects) ? (o.subjects as Subject[]) : [];
  return list
    .filter((s) => s?.kind === kind)
    .map((s) => (kind === 'ServiceAccount' ? `${s.namespace ?? ''}:${s.name ?? ''}` : (s.name ?? '')));
}

function bindingColumns(namespaced: boolean): ColumnDef[] {
  const roleRef = (o: KubeObject) => o.roleRef as { kind?: string; name?: string } | undefined;
  return [
    nameColumn,
    ...(namespaced ? [namespaceColumn] : []),
    textColumn('role', 'column.role', (o) => `${roleRef(o)?.kind ?? ''}/${roleRef(o)?.name ?? ''}`),
    ageColumn,
    textColumn('users', 'column.users', (o) => subjects(o, 'User').join(', '), true),
    textColumn('groups', 'column.groups', (o) => subjects(o, 'Group').join(', '), true),
    textColumn('serviceAccounts', 'column.serviceAccounts', (o) => subjects(o, 'ServiceAccount').join(', '), true),
  ];
}

export const ACCESS_KINDS: ResourceKindInfo[] = [
  {
    id: 'serviceaccounts', group: '', version: 'v1', resource: 'serviceaccounts', kind: 'ServiceAccount', namespaced: true, area: 'access', titleKey: 'kind.serviceaccounts', shortNames: ['sa'],
    columns: [nameColumn, namespaceColumn, countColumn('secrets', 'column.secrets', (o) => (Array.isArray(o.secrets) ? o.secrets.length : 0)), ageColumn],
  },
  {
    id: 'roles', group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'roles', kind: 'Role', namespaced: true, area: 'access', titleKey: 'kind.roles',
    columns: [nameColumn, namespaceColumn, createdAtColumn],
  },
  {
    id: 'clusterroles', group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'clusterroles', kind: 'ClusterRole', namespaced: false, area: 'access', titleKey: 'kind.clusterroles',
    columns: [nameColumn, createdAtColumn],
  },
  {
    id: 'rolebindings', group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'rolebindings', kind: 'RoleBinding', namespaced: true, area: 'access', titleKey: 'kind.rolebindings',
    columns: bindingColumns(true),
  },
  {
    id: 'clusterrolebindings', group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'clusterrolebindings', kind: 'ClusterRoleBinding', namespaced: false, area: 'access', titleKey: 'kind.clusterrolebindings',
    columns: bindingColumns(false),
  },
];
