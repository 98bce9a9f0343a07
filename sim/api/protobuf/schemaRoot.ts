/**
 * The protobufjs Root built from our schema texts, and which message decodes which kind.
 * Schemas are embedded as TypeScript strings (not .proto files) so the simulator still works
 * when bundled; they are parsed once, on the first protobuf body.
 */
import protobuf from 'protobufjs';
import { INTSTR_PROTO, META_V1_PROTO, RESOURCE_PROTO, RUNTIME_PROTO, SIM_MARKERS_PROTO } from './schema/apimachinery';
import { CORE_V1_PROTO } from './schema/core';
import { AUTOSCALING_V1_PROTO } from './schema/autoscaling';
import { APPS_V1_PROTO, AUTH_PROTO, AUTHENTICATION_V1_PROTO, BATCH_V1_PROTO, NETWORKING_V1_PROTO, POLICY_V1_PROTO, RBAC_V1_PROTO, SCHEDULING_V1_PROTO } from './schema/groups';

const SOURCES = [
  SIM_MARKERS_PROTO,
  META_V1_PROTO,
  RUNTIME_PROTO,
  INTSTR_PROTO,
  RESOURCE_PROTO,
  CORE_V1_PROTO,
  APPS_V1_PROTO,
  BATCH_V1_PROTO,
  RBAC_V1_PROTO,
  POLICY_V1_PROTO,
  NETWORKING_V1_PROTO,
  SCHEDULING_V1_PROTO,
  AUTH_PROTO,
  AUTHENTICATION_V1_PROTO,
  AUTOSCALING_V1_PROTO,
];

/** `apiVersion/kind` → fully qualified message name. */
const KINDS: Record<string, string> = {
  'v1/Namespace': 'k8s.io.api.core.v1.Namespace',
  'v1/ConfigMap': 'k8s.io.api.core.v1.ConfigMap',
  'v1/Secret': 'k8s.io.api.core.v1.Secret',
  'v1/ServiceAccount': 'k8s.io.api.core.v1.ServiceAccount',
  'v1/Service': 'k8s.io.api.core.v1.Service',
  'v1/ResourceQuota': 'k8s.io.api.core.v1.ResourceQuota',
  'v1/Pod': 'k8s.io.api.core.v1.Pod',
  'apps/v1/Deployment': 'k8s.io.api.apps.v1.Deployment',
  'batch/v1/Job': 'k8s.io.api.batch.v1.Job',
  'batch/v1/CronJob': 'k8s.io.api.batch.v1.CronJob',
  'rbac.authorization.k8s.io/v1/Role': 'k8s.io.api.rbac.v1.Role',
  'rbac.authorization.k8s.io/v1/ClusterRole': 'k8s.io.api.rbac.v1.ClusterRole',
  'rbac.authorization.k8s.io/v1/RoleBinding': 'k8s.io.api.rbac.v1.RoleBinding',
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': 'k8s.io.api.rbac.v1.ClusterRoleBinding',
  'policy/v1/PodDisruptionBudget': 'k8s.io.api.policy.v1.PodDisruptionBudget',
  'policy/v1/Eviction': 'k8s.io.api.policy.v1.Eviction',
  'policy/v1beta1/Eviction': 'k8s.io.api.policy.v1.Eviction',
  'networking.k8s.io/v1/Ingress': 'k8s.io.api.networking.v1.Ingress',
  'scheduling.k8s.io/v1/PriorityClass': 'k8s.io.api.scheduling.v1.PriorityClass',
  'autoscaling/v1/HorizontalPodAutoscaler': 'k8s.io.api.autoscaling.v1.HorizontalPodAutoscaler',
  'authorization.k8s.io/v1/SelfSubjectAccessReview': 'k8s.io.api.authorization.v1.SelfSubjectAccessReview',
  'authorization.k8s.io/v1/SelfSubjectRulesReview': 'k8s.io.api.authorization.v1.SelfSubjectRulesReview',
  'authentication.k8s.io/v1/SelfSubjectReview': 'k8s.io.api.authentication.v1.SelfSubjectReview',
  'authentication.k8s.io/v1beta1/SelfSubjectReview': 'k8s.io.api.authentication.v1.SelfSubjectReview',
  'meta.k8s.io/v1/DeleteOptions': 'k8s.io.apimachinery.pkg.apis.meta.v1.DeleteOptions',
  'v1/DeleteOptions': 'k8s.io.apimachinery.pkg.apis.meta.v1.DeleteOptions',
};

let root: protobuf.Root | undefined;

export function schemaRoot(): protobuf.Root {
  if (!root) {
    const r = new protobuf.Root();
    for (const source of SOURCES) protobuf.parse(source, r, { keepCase: true });
    r.resolveAll();
    root = r;
  }
  return root;
}

/** The message type for an object's `apiVersion` and `kind`, or undefined when not modelled. */
export function messageTypeFor(apiVersion: string, kind: string): protobuf.Type | undefined {
  const name = KINDS[`${apiVersion}/${kind}`];
  return name ? schemaRoot().lookupType(name) : undefined;
}

/** The kinds decodable from protobuf, for error messages and tests. */
export function decodableKinds(): string[] {
  return Object.keys(KINDS);
}

export const MARKER_IGNORED = '.pilothouse.sim.Ignored';
export const MARKER_UNMODELLED = '.pilothouse.sim.Unmodelled';
