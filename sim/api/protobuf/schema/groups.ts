/**
 * Protobuf schemas of the named API groups whose kinds kubectl's typed clientset sends as
 * protobuf (`kubectl create deployment|job|cronjob|role|rolebinding|clusterrole|
 * clusterrolebinding|poddisruptionbudget|ingress|priorityclass`, `auth can-i|whoami`, `drain`).
 * Field numbers are those of k8s.io/api/<group>/<version>/generated.proto. Options: see apimachinery.ts.
 */
export const APPS_V1_PROTO = `
syntax = "proto2";
package k8s.io.api.apps.v1;

message Deployment {
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  optional DeploymentSpec spec = 2;
  optional .pilothouse.sim.Ignored status = 3;
}

message DeploymentSpec {
  optional int32 replicas = 1 [(keepZero) = true];
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.LabelSelector selector = 2;
  optional .k8s.io.api.core.v1.PodTemplateSpec template = 3;
  optional DeploymentStrategy strategy = 4;
  optional int32 minReadySeconds = 5;
  optional int32 revisionHistoryLimit = 6 [(keepZero) = true];
  optional bool paused = 7;
  optional int32 progressDeadlineSeconds = 9 [(keepZero) = true];
  optional string podReplacementPolicy = 10 [(keepZero) = true];
}

message DeploymentStrategy {
  optional string type = 1;
  optional RollingUpdateDeployment rollingUpdate = 2;
}

message RollingUpdateDeployment {
  optional .k8s.io.apimachinery.pkg.util.intstr.IntOrString maxUnavailable = 1;
  optional .k8s.io.apimachinery.pkg.util.intstr.IntOrString maxSurge = 2;
}
`;

export const BATCH_V1_PROTO = `
syntax = "proto2";
package k8s.io.api.batch.v1;

message Job {
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  optional JobSpec spec = 2;
  optional .pilothouse.sim.Ignored status = 3;
}

message JobSpec {
  optional int32 parallelism = 1 [(keepZero) = true];
  optional int32 completions = 2 [(keepZero) = true];
  optional int64 activeDeadlineSeconds = 3 [(keepZero) = true];
  optional .pilothouse.sim.Unmodelled podFailurePolicy = 11;
  optional .pilothouse.sim.Unmodelled successPolicy = 16;
  optional int32 backoffLimit = 7 [(keepZero) = true];
  optional int32 backoffLimitPerIndex = 12 [(keepZero) = true];
  optional int32 maxFailedIndexes = 13 [(keepZero) = true];
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.LabelSelector selector = 4;
  optional bool manualSelector = 5 [(keepZero) = true];
  optional .k8s.io.api.core.v1.PodTemplateSpec template = 6;
  optional int32 ttlSecondsAfterFinished = 8 [(keepZero) = true];
  optional string completionMode = 9 [(keepZero) = true];
  optional bool suspend = 10 [(keepZero) = true];
  optional string podReplacementPolicy = 14 [(keepZero) = true];
  optional string managedBy = 15 [(keepZero) = true];
}

message CronJob {
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  optional CronJobSpec spec = 2;
  optional .pilothouse.sim.Ignored status = 3;
}

message CronJobSpec {
  optional string schedule = 1;
  optional string timeZone = 8 [(keepZero) = true];
  optional int64 startingDeadlineSeconds = 2 [(keepZero) = true];
  optional string concurrencyPolicy = 3;
  optional bool suspend = 4 [(keepZero) = true];
  optional JobTemplateSpec jobTemplate = 5;
  optional int32 successfulJobsHistoryLimit = 6 [(keepZero) = true];
  optional int32 failedJobsHistoryLimit = 7 [(keepZero) = true];
}

message JobTemplateSpec {
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  optional JobSpec spec = 2;
}
`;

export const RBAC_V1_PROTO = `
syntax = "proto2";
package k8s.io.api.rbac.v1;

message Role {
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  repeated PolicyRule rules = 2;
}

message ClusterRole {
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  repeated PolicyRule rules = 2;
  optional AggregationRule aggregationRule = 3;
}

message AggregationRule {
  repeated .k8s.io.apimachinery.pkg.apis.meta.v1.LabelSelector clusterRoleSelectors = 1;
}

message PolicyRule {
  repeated string verbs = 1;
  repeated string apiGroups = 2;
  repeated string resources = 3;
  repeated string resourceNames = 4;
  repeated string nonResourceURLs = 5;
}

message RoleBinding {
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  repeated Subject subjects = 2;
  optional RoleRef roleRef = 3;
}

message ClusterRoleBinding {
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  repeated Subject subjects = 2;
  optional RoleRef roleRef = 3;
}

message RoleRef {
  optional string apiGroup = 1;
  optional string kind = 2;
  optional string name = 3;
}

message Subject {
  optional string kind = 1;
  optional string apiGroup = 2;
  optional string name = 3;
  optional string namespace = 4;
}
`;

export const POLICY_V1_PROTO = `
syntax = "proto2";
package k8s.io.api.policy.v1;

message PodDisruptionBudget {
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  optional PodDisruptionBudgetSpec spec = 2;
  optional .pilothouse.sim.Ignored status = 3;
}

message PodDisruptionBudgetSpec {
  optional .k8s.io.apimachinery.pkg.util.intstr.IntOrString minAvailable = 1;
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.LabelSelector selector = 2;
  optional .k8s.io.apimachinery.pkg.util.intstr.IntOrString maxUnavailable = 3;
  optional string unhealthyPodEvictionPolicy = 4 [(keepZero) = true];
}

message Eviction {
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.DeleteOptions deleteOptions = 2;
}
`;

export const NETWORKING_V1_PROTO = `
syntax = "proto2";
package k8s.io.api.networking.v1;

message Ingress {
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  optional IngressSpec spec = 2;
  optional .pilothouse.sim.Ignored status = 3;
}

message IngressSpec {
  optional string ingressClassName = 4 [(keepZero) = true];
  optional IngressBackend defaultBackend = 1;
  repeated IngressTLS tls = 2;
  repeated IngressRule rules = 3;
}

message IngressBackend {
  optional IngressServiceBackend service = 4;
  optional .k8s.io.api.core.v1.TypedLocalObjectReference resource = 3;
}

message IngressServiceBackend {
  optional string name = 1;
  optional ServiceBackendPort port = 2;
}

message ServiceBackendPort {
  optional string name = 1;
  optional int32 number = 2;
}

message IngressTLS {
  repeated string hosts = 1;
  optional string secretName = 2;
}

message IngressRule {
  optional string host = 1;
  optional IngressRuleValue ingressRuleValue = 2 [(inline) = true];
}

message IngressRuleValue {
  optional HTTPIngressRuleValue http = 1;
}

message HTTPIngressRuleValue {
  repeated HTTPIngressPath paths = 1;
}

message HTTPIngressPath {
  optional string path = 1;
  optional string pathType = 3 [(keepZero) = true];
  optional IngressBackend backend = 2;
}
`;

export const SCHEDULING_V1_PROTO = `
syntax = "proto2";
package k8s.io.api.scheduling.v1;

message PriorityClass {
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  optional int32 value = 2 [(keepZero) = true];
  optional bool globalDefault = 3;
  optional string description = 4;
  optional string preemptionPolicy = 5 [(keepZero) = true];
}
`;

/** What \`kubectl auth can-i\` (access and rules reviews) and \`kubectl auth whoami\` send. */
export const AUTH_PROTO = `
syntax = "proto2";
package k8s.io.api.authorization.v1;

message SelfSubjectAccessReview {
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  optional SelfSubjectAccessReviewSpec spec = 2;
  optional .pilothouse.sim.Ignored status = 3;
}

message SelfSubjectAccessReviewSpec {
  optional ResourceAttributes resourceAttributes = 1;
  optional NonResourceAttributes nonResourceAttributes = 2;
}

message ResourceAttributes {
  optional string namespace = 1;
  optional string verb = 2;
  optional string group = 3;
  optional string version = 4;
  optional string resource = 5;
  optional string subresource = 6;
  optional string name = 7;
  optional .pilothouse.sim.Unmodelled fieldSelector = 8;
  optional .pilothouse.sim.Unmodelled labelSelector = 9;
}

message NonResourceAttributes {
  optional string path = 1;
  optional string verb = 2;
}

message SelfSubjectRulesReview {
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  optional SelfSubjectRulesReviewSpec spec = 2;
  optional .pilothouse.sim.Ignored status = 3;
}

message SelfSubjectRulesReviewSpec {
  optional string namespace = 1;
}
`;

export const AUTHENTICATION_V1_PROTO = `
syntax = "proto2";
package k8s.io.api.authentication.v1;

message SelfSubjectReview {
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  optional .pilothouse.sim.Ignored status = 2;
}
`;
