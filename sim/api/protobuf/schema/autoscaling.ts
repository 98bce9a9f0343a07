/**
 * Protobuf schema of autoscaling/v1 HorizontalPodAutoscaler, which `kubectl autoscale` sends
 * (its typed clientset). Field numbers are those of k8s.io/api/autoscaling/v1/generated.proto.
 * Options and marker types: see apimachinery.ts.
 */
export const AUTOSCALING_V1_PROTO = `
syntax = "proto2";
package k8s.io.api.autoscaling.v1;

message HorizontalPodAutoscaler {
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  optional HorizontalPodAutoscalerSpec spec = 2;
  optional .pilothouse.sim.Ignored status = 3;
}

message HorizontalPodAutoscalerSpec {
  optional CrossVersionObjectReference scaleTargetRef = 1;
  optional int32 minReplicas = 2 [(keepZero) = true];
  optional int32 maxReplicas = 3;
  optional int32 targetCPUUtilizationPercentage = 4 [(keepZero) = true];
}

message CrossVersionObjectReference {
  optional string kind = 1;
  optional string name = 2;
  optional string apiVersion = 3;
}
`;
