/**
 * Protobuf schemas (proto2 text, parsed by protobufjs) of the apimachinery messages that the
 * built-in kinds embed. Field numbers and names are those of k8s.io/apimachinery's
 * `generated.proto` files; only the messages the simulator decodes are written here.
 *
 * Field options understood by ../json.ts (they are not part of the Kubernetes files):
 *  - `(keepZero) = true`: a Go pointer field, where a zero value ("", 0, false) is meaningful and
 *    stays in the JSON. Other scalar fields are non-pointer in Go: kube's marshaller always writes
 *    them, and their zero value means "unset", so the JSON form omits it.
 *  - `(inline) = true`: an embedded Go struct serialized inline in JSON (`json:",inline"`).
 * Marker types from the `pilothouse.sim` package:
 *  - `Ignored`: content dropped without looking (status, managedFields: the server sets them).
 *  - `Unmodelled`: a field the simulator does not decode; a body that sets it gets a 415 naming it.
 */
export const SIM_MARKERS_PROTO = `
syntax = "proto2";
package pilothouse.sim;
message Ignored {}
message Unmodelled {}
`;

export const META_V1_PROTO = `
syntax = "proto2";
package k8s.io.apimachinery.pkg.apis.meta.v1;

message ObjectMeta {
  optional string name = 1;
  optional string generateName = 2;
  optional string namespace = 3;
  optional string selfLink = 4;
  optional string uid = 5;
  optional string resourceVersion = 6;
  optional int64 generation = 7;
  optional Time creationTimestamp = 8;
  optional Time deletionTimestamp = 9;
  optional int64 deletionGracePeriodSeconds = 10 [(keepZero) = true];
  map<string, string> labels = 11;
  map<string, string> annotations = 12;
  repeated OwnerReference ownerReferences = 13;
  repeated string finalizers = 14;
  repeated .pilothouse.sim.Ignored managedFields = 17;
}

message OwnerReference {
  optional string apiVersion = 5;
  optional string kind = 1;
  optional string name = 3;
  optional string uid = 4;
  optional bool controller = 6 [(keepZero) = true];
  optional bool blockOwnerDeletion = 7 [(keepZero) = true];
}

message LabelSelector {
  map<string, string> matchLabels = 1;
  repeated LabelSelectorRequirement matchExpressions = 2;
}

message LabelSelectorRequirement {
  optional string key = 1;
  optional string operator = 2;
  repeated string values = 3;
}

message Time {
  optional int64 seconds = 1;
  optional int32 nanos = 2;
}

message DeleteOptions {
  optional int64 gracePeriodSeconds = 1 [(keepZero) = true];
  optional Preconditions preconditions = 2;
  optional bool orphanDependents = 3 [(keepZero) = true];
  optional string propagationPolicy = 4 [(keepZero) = true];
  repeated string dryRun = 5;
  optional bool ignoreStoreReadErrorWithClusterBreakingPotential = 6 [(keepZero) = true];
}

message Preconditions {
  optional string uid = 1 [(keepZero) = true];
  optional string resourceVersion = 2 [(keepZero) = true];
}
`;

/** runtime.Unknown is the envelope after the \`k8s\\0\` magic; its TypeMeta is runtime's (apiVersion=1, kind=2). */
export const RUNTIME_PROTO = `
syntax = "proto2";
package k8s.io.apimachinery.pkg.runtime;

message Unknown {
  optional TypeMeta typeMeta = 1;
  optional bytes raw = 2;
  optional string contentEncoding = 3;
  optional string contentType = 4;
}

message TypeMeta {
  optional string apiVersion = 1;
  optional string kind = 2;
}
`;

export const INTSTR_PROTO = `
syntax = "proto2";
package k8s.io.apimachinery.pkg.util.intstr;

// type 0 = Int (intVal), 1 = String (strVal); JSON is a bare number or string.
message IntOrString {
  optional int64 type = 1;
  optional int32 intVal = 2;
  optional string strVal = 3;
}
`;

export const RESOURCE_PROTO = `
syntax = "proto2";
package k8s.io.apimachinery.pkg.api.resource;

// JSON is the bare string ("500m", "1Gi").
message Quantity {
  optional string string = 1;
}
`;
