/**
 * kube-state-metrics series with its label layouts (v2): kube_pod_*, kube_deployment_*,
 * kube_node_*, kube_namespace_status_phase. Resource names are sanitised like KSM does
 * (`ephemeral-storage` → `ephemeral_storage`) and carry a `unit` label.
 */
import type { KubeObject } from '../../types';
import type { NodeSample, PodSample } from './cluster';
import type { ExpositionWriter, Labels } from './exposition';
import { parseQuantity } from './usage';

const PHASES = ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'];

function resourceLabels(resource: string): { resource: string; unit: string } {
  const name = resource.replace(/[^a-zA-Z0-9_]/g, '_');
  if (resource === 'cpu') return { resource: name, unit: 'core' };
  if (resource === 'memory' || resource === 'ephemeral-storage' || resource.startsWith('hugepages-')) return { resource: name, unit: 'byte' };
  return { resource: name, unit: 'integer' };
}

export function writeKubeState(w: ExpositionWriter, pods: PodSample[], nodes: NodeSample[], deployments: KubeObject[], namespaces: KubeObject[], extra: Labels): void {
  const L = (l: Labels): Labels => ({ ...l, ...extra });
  const podInfo = w.family('kube_pod_info', 'gauge', 'Information about pod.');
  const podPhase = w.family('kube_pod_status_phase', 'gauge', 'The pods current phase.');
  const podReady = w.family('kube_pod_status_ready', 'gauge', 'Describes whether the pod is ready to serve requests.');
  const restarts = w.family('kube_pod_container_status_restarts_total', 'counter', 'The number of container restarts per container.');
  const running = w.family('kube_pod_container_status_running', 'gauge', 'Describes whether the container is currently in running state.');
  const waiting = w.family('kube_pod_container_status_waiting', 'gauge', 'Describes whether the container is currently in waiting state.');
  const waitingReason = w.family('kube_pod_container_status_waiting_reason', 'gauge', 'Describes the reason the container is currently in waiting state.');
  const ready = w.family('kube_pod_container_status_ready', 'gauge', 'Describes whether the containers readiness check succeeded.');
  const containerInfo = w.family('kube_pod_container_info', 'gauge', 'Information about a container in a pod.');
  const requests = w.family('kube_pod_container_resource_requests', 'gauge', 'The number of requested request resource by a container. It is recommended to use the kube_pod_resource_requests metric exposed by kube-scheduler instead, as it is more precise.');
  const limits = w.family('kube_pod_container_resource_limits', 'gauge', 'The number of requested limit resource by a container. It is recommended to use the kube_pod_resource_limits metric exposed by kube-scheduler instead, as it is more precise.');

  for (const pod of pods) {
    const id = { namespace: pod.namespace, pod: pod.name, uid: pod.uid };
    podInfo(L({ ...id, host_ip: pod.hostIP, pod_ip: pod.podIP, node: pod.node, created_by_kind: pod.createdByKind, created_by_name: pod.createdByName, priority_class: pod.priorityClass, host_network: String(pod.hostNetwork) }), 1);
    for (const phase of PHASES) podPhase(L({ ...id, phase }), pod.phase === phase ? 1 : 0);
    for (const condition of ['true', 'false', 'unknown']) podReady(L({ ...id, condition }), pod.ready === condition ? 1 : 0);
    for (const c of pod.containers) {
      const cl = { ...id, container: c.name };
      containerInfo(L({ ...cl, image_spec: c.image, image: c.image, image_id: c.imageID, container_id: c.containerID }), 1);
      restarts(L(cl), c.restarts);
      running(L(cl), c.running ? 1 : 0);
      waiting(L(cl), c.waitingReason ? 1 : 0);
      if (c.waitingReason) waitingReason(L({ ...cl, reason: c.waitingReason }), 1);
      ready(L(cl), c.ready ? 1 : 0);
      for (const [resource, quantity] of Object.entries(c.resources.requests ?? {})) requests(L({ ...cl, node: pod.node, ...resourceLabels(resource) }), parseQuantity(quantity));
      for (const [resource, quantity] of Object.entries(c.resources.limits ?? {})) limits(L({ ...cl, node: pod.node, ...resourceLabels(resource) }), parseQuantity(quantity));
    }
  }

  const gaugeFor = (name: string, help: string) => w.family(name, 'gauge', help);
  const specReplicas = gaugeFor('kube_deployment_spec_replicas', 'Number of desired pods for a deployment.');
  const statusReplicas = gaugeFor('kube_deployment_status_replicas', 'The number of replicas per deployment.');
  const available = gaugeFor('kube_deployment_status_replicas_available', 'The number of available replicas per deployment.');
  const unavailable = gaugeFor('kube_deployment_status_replicas_unavailable', 'The number of unavailable replicas per deployment.');
  const updated = gaugeFor('kube_deployment_status_replicas_updated', 'The number of updated replicas per deployment.');
  const readyReplicas = gaugeFor('kube_deployment_status_replicas_ready', 'The number of ready replicas per deployment.');
  const generation = gaugeFor('kube_deployment_metadata_generation', 'Sequence number representing a specific generation of the desired state.');
  const observed = gaugeFor('kube_deployment_status_observed_generation', 'The generation observed by the deployment controller.');
  for (const d of deployments) {
    const spec = (d.spec ?? {}) as { replicas?: number };
    const status = (d.status ?? {}) as { replicas?: number; availableReplicas?: number; unavailableReplicas?: number; updatedReplicas?: number; readyReplicas?: number; observedGeneration?: number };
    const l = L({ namespace: d.metadata.namespace ?? '', deployment: d.metadata.name ?? '' });
    specReplicas(l, spec.replicas ?? 1);
    statusReplicas(l, status.replicas ?? 0);
    available(l, status.availableReplicas ?? 0);
    unavailable(l, status.unavailableReplicas ?? 0);
    updated(l, status.updatedReplicas ?? 0);
    readyReplicas(l, status.readyReplicas ?? 0);
    generation(l, d.metadata.generation ?? 1);
    observed(l, status.observedGeneration ?? 0);
  }

  const nodeInfo = gaugeFor('kube_node_info', 'Information about a cluster node.');
  const allocatable = gaugeFor('kube_node_status_allocatable', 'The allocatable for different resources of a node that are available for scheduling.');
  const capacity = gaugeFor('kube_node_status_capacity', 'The capacity for different resources of a node.');
  const condition = gaugeFor('kube_node_status_condition', 'The condition of a cluster node.');
  const unschedulable = gaugeFor('kube_node_spec_unschedulable', 'Whether a node can schedule new pods.');
  for (const node of nodes) {
    nodeInfo(L({ node: node.name, kernel_version: node.nodeInfo.kernelVersion ?? '', os_image: node.nodeInfo.osImage ?? '', container_runtime_version: node.nodeInfo.containerRuntimeVersion ?? '', kubelet_version: node.nodeInfo.kubeletVersion ?? '', kubeproxy_version: 'deprecated', provider_id: '', pod_cidr: '', system_uuid: node.nodeInfo.systemUUID ?? '', internal_ip: node.internalIP }), 1);
    for (const [resource, value] of Object.entries(node.allocatable)) allocatable(L({ node: node.name, ...resourceLabels(resource) }), value);
    for (const [resource, value] of Object.entries(node.capacity)) capacity(L({ node: node.name, ...resourceLabels(resource) }), value);
    for (const c of node.conditions) for (const status of ['true', 'false', 'unknown']) condition(L({ node: node.name, condition: c.type, status }), c.status.toLowerCase() === status ? 1 : 0);
    unschedulable(L({ node: node.name }), node.unschedulable ? 1 : 0);
  }

  const nsPhase = gaugeFor('kube_namespace_status_phase', 'kubernetes namespace status phase.');
  for (const ns of namespaces) {
    const phase = String((ns.status as { phase?: string } | undefined)?.phase ?? 'Active');
    for (const p of ['Active', 'Terminating']) nsPhase(L({ namespace: ns.metadata.name ?? '', phase: p }), p === phase ? 1 : 0);
  }
}
