/**
 * Authentication (bearer tokens) and a fixed authorization policy per user:
 * - `admin` (group system:masters): everything.
 * - `viewer`: get/list/watch of namespaced resources (and their readable subresources such as
 *   pods/log) in one namespace only; plus what every authenticated user may do (discovery,
 *   self-subject reviews). Role/ClusterRole/Binding objects are stored but not evaluated.
 */
import { timingSafeEqual } from 'node:crypto';
import { ApiError, type SimUser } from '../types';

export interface Attributes {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

export interface Policy {
  tokens: { admin: string; viewer: string };
  viewerNamespace: string;
}

const READ_VERBS = new Set(['get', 'list', 'watch']);
/** Subresources a read-only role may read (as the built-in `view` ClusterRole allows). */
const VIEWER_SUBRESOURCES = new Set(['', 'status', 'log', 'scale']);
const EVERYONE = new Set(['selfsubjectaccessreviews', 'selfsubjectrulesreviews', 'selfsubjectreviews']);

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export class Authorizer {
  constructor(private policy: Policy) {}

  /** The user for an Authorization header, or throws 401 Unauthorized. */
  authenticate(header: string | undefined): SimUser {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
    if (m) {
      if (same(m[1], this.policy.tokens.admin)) return { name: 'admin', groups: ['system:masters', 'system:authenticated'] };
      if (same(m[1], this.policy.tokens.viewer)) return { name: 'viewer', groups: ['system:authenticated'] };
    }
    throw new ApiError(401, 'Unauthorized', 'Unauthorized');
  }

  allowed(user: SimUser, a: Attributes): boolean {
    if (user.groups.includes('system:masters')) return true;
    if (a.group === 'authorization.k8s.io' || a.group === 'authentication.k8s.io') {
      if (EVERYONE.has(a.resource) && a.verb === 'create') return true;
    }
    if (user.name === 'viewer') {
      return READ_VERBS.has(a.verb) && !!a.namespace && a.namespace === this.policy.viewerNamespace && VIEWER_SUBRESOURCES.has(a.subresource ?? '');
    }
    return false;
  }

  /** Throws the 403 a real apiserver sends when `a` is not allowed. */
  check(user: SimUser, a: Attributes): void {
    if (this.allowed(user, a)) return;
    const res = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
    const gr = a.group ? `${a.resource}.${a.group}` : a.resource;
    const subject = a.name ? `${gr} "${a.name}"` : gr;
    const scope = a.namespace ? `in the namespace "${a.namespace}"` : 'at the cluster scope';
    throw new ApiError(403, 'Forbidden', `${subject} is forbidden: User "${user.name}" cannot ${a.verb} resource "${res}" in API group "${a.group}" ${scope}`, {
      ...(a.name ? { name: a.name } : {}),
      group: a.group,
      kind: a.resource,
    });
  }

  /** SelfSubjectRulesReview status for a namespace. */
  rules(user: SimUser, namespace: string): Record<string, unknown> {
    const reviews = { verbs: ['create'], apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'] };
    const nonResourceRules = [
      { verbs: ['get'], nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*', '/healthz', '/livez', '/openapi', '/openapi/*', '/readyz', '/version', '/version/'] },
    ];
    if (user.groups.includes('system:masters')) {
      return {
        resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }, reviews],
        nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }, ...nonResourceRules],
        incomplete: false,
      };
    }
    const resourceRules: Record<string, unknown>[] = [reviews, { verbs: ['create'], apiGroups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'] }];
    if (namespace === this.policy.viewerNamespace) {
      resourceRules.push({ verbs: ['get', 'list', 'watch'], apiGroups: ['*'], resources: ['*'] });
    }
    return { resourceRules, nonResourceRules, incomplete: false };
  }
}
