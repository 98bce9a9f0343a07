/** SelfSubjectAccessReview, SelfSubjectRulesReview and SelfSubjectReview answered from the fixed policy. */
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { SimUser } from '../types';
import type { Authorizer } from './authz';

const PUBLIC_PATHS = ['/api', '/apis', '/healthz', '/livez', '/readyz', '/version', '/openapi'];

export function accessReview(authz: Authorizer, user: SimUser, body: any): Record<string, unknown> {
  const ra = body?.spec?.resourceAttributes;
  const nra = body?.spec?.nonResourceAttributes;
  let allowed = false;
  if (ra) {
    allowed = authz.allowed(user, {
      verb: ra.verb ?? '',
      group: ra.group ?? '',
      resource: ra.resource ?? '',
      subresource: ra.subresource ?? '',
      namespace: ra.namespace ?? '',
      name: ra.name ?? '',
    });
  } else if (nra) {
    const path = String(nra.path ?? '');
    allowed = user.groups.includes('system:masters') || (nra.verb === 'get' && PUBLIC_PATHS.some((p) => path === p || path.startsWith(`${p}/`)));
  }
  const status: Record<string, unknown> = { allowed };
  if (allowed && user.groups.includes('system:masters')) status.reason = '';
  else if (allowed) status.reason = `RBAC: allowed by RoleBinding "sim-viewer/${ra?.namespace ?? ''}" of ClusterRole "view" to User "${user.name}"`;
  return {
    kind: 'SelfSubjectAccessReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec: body?.spec ?? {},
    status,
  };
}

export function rulesReview(authz: Authorizer, user: SimUser, body: any): Record<string, unknown> {
  const ns = body?.spec?.namespace ?? '';
  return {
    kind: 'SelfSubjectRulesReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec: { namespace: ns },
    status: authz.rules(user, ns),
  };
}

export function selfReview(user: SimUser): Record<string, unknown> {
  return {
    kind: 'SelfSubjectReview',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { creationTimestamp: null },
    status: { userInfo: { username: user.name, groups: user.groups } },
  };
}
