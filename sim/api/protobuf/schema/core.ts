/**
 * core/v1 protobuf schemas (k8s.io/api/core/v1/generated.proto field numbers) for the kinds the
 * typed clientset sends as protobuf: Namespace, ConfigMap, Secret, ServiceAccount, Service,
 * ResourceQuota, Pod, and the pod template the workload kinds embed. Fields kubectl's generators
 * never set (volumes, probes, affinity, security contexts, ...) are `Unmodelled`: listed so a
 * body carrying them is refused by name instead of silently losing data. Options: see apimachinery.ts.
 */
export const CORE_V1_PROTO = `
syntax = "proto2";
package k8s.io.api.core.v1;

message Namespace {
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  optional NamespaceSpec spec = 2;
  optional .pilothouse.sim.Ignored status = 3;
}

message NamespaceSpec {
  repeated string finalizers = 1;
}

message ConfigMap {
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  optional bool immutable = 4 [(keepZero) = true];
  map<string, string> data = 2;
  map<string, bytes> binaryData = 3;
}

message Secret {
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  optional bool immutable = 5 [(keepZero) = true];
  map<string, bytes> data = 2;
  map<string, string> stringData = 4;
  optional string type = 3;
}

message ServiceAccount {
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  repeated ObjectReference secrets = 2;
  repeated LocalObjectReference imagePullSecrets = 3;
  optional bool automountServiceAccountToken = 4 [(keepZero) = true];
}

message ObjectReference {
  optional string kind = 1;
  optional string namespace = 2;
  optional string name = 3;
  optional string uid = 4;
  optional string apiVersion = 5;
  optional string resourceVersion = 6;
  optional string fieldPath = 7;
}

message LocalObjectReference {
  optional string name = 1;
}

message TypedLocalObjectReference {
  optional string apiGroup = 1 [(keepZero) = true];
  optional string kind = 2;
  optional string name = 3;
}

message Service {
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  optional ServiceSpec spec = 2;
  optional .pilothouse.sim.Ignored status = 3;
}

message ServiceSpec {
  repeated ServicePort ports = 1;
  map<string, string> selector = 2;
  optional string clusterIP = 3;
  repeated string clusterIPs = 18;
  optional string type = 4;
  repeated string externalIPs = 5;
  optional string sessionAffinity = 7;
  optional string loadBalancerIP = 8;
  repeated string loadBalancerSourceRanges = 9;
  optional string externalName = 10;
  optional string externalTrafficPolicy = 11;
  optional int32 healthCheckNodePort = 12;
  optional bool publishNotReadyAddresses = 13;
  optional .pilothouse.sim.Unmodelled sessionAffinityConfig = 14;
  repeated string ipFamilies = 19;
  optional string ipFamilyPolicy = 17 [(keepZero) = true];
  optional bool allocateLoadBalancerNodePorts = 20 [(keepZero) = true];
  optional string loadBalancerClass = 21 [(keepZero) = true];
  optional string internalTrafficPolicy = 22 [(keepZero) = true];
  optional string trafficDistribution = 23 [(keepZero) = true];
}

message ServicePort {
  optional string name = 1;
  optional string protocol = 2;
  optional string appProtocol = 6 [(keepZero) = true];
  optional int32 port = 3;
  optional .k8s.io.apimachinery.pkg.util.intstr.IntOrString targetPort = 4;
  optional int32 nodePort = 5;
}

message ResourceQuota {
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  optional ResourceQuotaSpec spec = 2;
  optional .pilothouse.sim.Ignored status = 3;
}

message ResourceQuotaSpec {
  map<string, .k8s.io.apimachinery.pkg.api.resource.Quantity> hard = 1;
  repeated string scopes = 2;
  optional ScopeSelector scopeSelector = 3;
}

message ScopeSelector {
  repeated ScopedResourceSelectorRequirement matchExpressions = 1;
}

message ScopedResourceSelectorRequirement {
  optional string scopeName = 1;
  optional string operator = 2;
  repeated string values = 3;
}

message Pod {
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  optional PodSpec spec = 2;
  optional .pilothouse.sim.Ignored status = 3;
}

message PodTemplateSpec {
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  optional PodSpec spec = 2;
}

message PodSpec {
  repeated .pilothouse.sim.Unmodelled volumes = 1;
  repeated Container initContainers = 20;
  repeated Container containers = 2;
  repeated .pilothouse.sim.Unmodelled ephemeralContainers = 34;
  optional string restartPolicy = 3;
  optional int64 terminationGracePeriodSeconds = 4 [(keepZero) = true];
  optional int64 activeDeadlineSeconds = 5 [(keepZero) = true];
  optional string dnsPolicy = 6;
  map<string, string> nodeSelector = 7;
  optional string serviceAccountName = 8;
  optional string serviceAccount = 9;
  optional bool automountServiceAccountToken = 21 [(keepZero) = true];
  optional string nodeName = 10;
  optional bool hostNetwork = 11;
  optional bool hostPID = 12;
  optional bool hostIPC = 13;
  optional bool shareProcessNamespace = 27 [(keepZero) = true];
  optional .pilothouse.sim.Unmodelled securityContext = 14;
  repeated LocalObjectReference imagePullSecrets = 15;
  optional string hostname = 16;
  optional string subdomain = 17;
  optional .pilothouse.sim.Unmodelled affinity = 18;
  optional string schedulerName = 19;
  repeated Toleration tolerations = 22;
  repeated .pilothouse.sim.Unmodelled hostAliases = 23;
  optional string priorityClassName = 24;
  optional int32 priority = 25 [(keepZero) = true];
  optional .pilothouse.sim.Unmodelled dnsConfig = 26;
  repeated .pilothouse.sim.Unmodelled readinessGates = 28;
  optional string runtimeClassName = 29 [(keepZero) = true];
  optional bool enableServiceLinks = 30 [(keepZero) = true];
  optional string preemptionPolicy = 31 [(keepZero) = true];
  map<string, .k8s.io.apimachinery.pkg.api.resource.Quantity> overhead = 32;
  repeated .pilothouse.sim.Unmodelled topologySpreadConstraints = 33;
  optional bool setHostnameAsFQDN = 35 [(keepZero) = true];
  optional .pilothouse.sim.Unmodelled os = 36;
  optional bool hostUsers = 37 [(keepZero) = true];
  repeated .pilothouse.sim.Unmodelled schedulingGates = 38;
  repeated .pilothouse.sim.Unmodelled resourceClaims = 39;
  optional ResourceRequirements resources = 40;
  optional string hostnameOverride = 41 [(keepZero) = true];
  optional .pilothouse.sim.Unmodelled workloadRef = 42;
}

message Toleration {
  optional string key = 1;
  optional string operator = 2;
  optional string value = 3;
  optional string effect = 4;
  optional int64 tolerationSeconds = 5 [(keepZero) = true];
}

message Container {
  optional string name = 1;
  optional string image = 2;
  repeated string command = 3;
  repeated string args = 4;
  optional string workingDir = 5;
  repeated ContainerPort ports = 6;
  repeated EnvFromSource envFrom = 19;
  repeated EnvVar env = 7;
  optional ResourceRequirements resources = 8;
  repeated .pilothouse.sim.Unmodelled resizePolicy = 23;
  optional string restartPolicy = 24 [(keepZero) = true];
  repeated .pilothouse.sim.Unmodelled restartPolicyRules = 25;
  repeated .pilothouse.sim.Unmodelled volumeMounts = 9;
  repeated .pilothouse.sim.Unmodelled volumeDevices = 21;
  optional .pilothouse.sim.Unmodelled livenessProbe = 10;
  optional .pilothouse.sim.Unmodelled readinessProbe = 11;
  optional .pilothouse.sim.Unmodelled startupProbe = 22;
  optional .pilothouse.sim.Unmodelled lifecycle = 12;
  optional string terminationMessagePath = 13;
  optional string terminationMessagePolicy = 20;
  optional string imagePullPolicy = 14;
  optional .pilothouse.sim.Unmodelled securityContext = 15;
  optional bool stdin = 16;
  optional bool stdinOnce = 17;
  optional bool tty = 18;
}

message ContainerPort {
  optional string name = 1;
  optional int32 hostPort = 2;
  optional int32 containerPort = 3;
  optional string protocol = 4;
  optional string hostIP = 5;
}

message EnvVar {
  optional string name = 1;
  optional string value = 2;
  optional EnvVarSource valueFrom = 3;
}

message EnvVarSource {
  optional ObjectFieldSelector fieldRef = 1;
  optional ResourceFieldSelector resourceFieldRef = 2;
  optional ConfigMapKeySelector configMapKeyRef = 3;
  optional SecretKeySelector secretKeyRef = 4;
}

message ObjectFieldSelector {
  optional string apiVersion = 1;
  optional string fieldPath = 2;
}

message ResourceFieldSelector {
  optional string containerName = 1;
  optional string resource = 2;
  optional .k8s.io.apimachinery.pkg.api.resource.Quantity divisor = 3;
}

message ConfigMapKeySelector {
  optional LocalObjectReference localObjectReference = 1 [(inline) = true];
  optional string key = 2;
  optional bool optional = 3 [(keepZero) = true];
}

message SecretKeySelector {
  optional LocalObjectReference localObjectReference = 1 [(inline) = true];
  optional string key = 2;
  optional bool optional = 3 [(keepZero) = true];
}

message EnvFromSource {
  optional string prefix = 1;
  optional ConfigMapEnvSource configMapRef = 2;
  optional SecretEnvSource secretRef = 3;
}

message ConfigMapEnvSource {
  optional LocalObjectReference localObjectReference = 1 [(inline) = true];
  optional bool optional = 2 [(keepZero) = true];
}

message SecretEnvSource {
  optional LocalObjectReference localObjectReference = 1 [(inline) = true];
  optional bool optional = 2 [(keepZero) = true];
}

message ResourceRequirements {
  map<string, .k8s.io.apimachinery.pkg.api.resource.Quantity> limits = 1;
  map<string, .k8s.io.apimachinery.pkg.api.resource.Quantity> requests = 2;
  repeated .pilothouse.sim.Unmodelled claims = 3;
}
`;
