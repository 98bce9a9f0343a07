/**
 * A compact view of the cluster for metrics: pods, their containers and usage models, nodes.
 * Parsed pods are cached by uid and store revision, so a scrape of a 150k-pod cluster parses
 * only what changed since the previous one.
 */
import type { KubeObject, Store } from '../../types';
import { epochMs, type ContainerStatusView, type PodView } from '../pods';
import { ContainerUsage, parseQuantity, type ResourceSpec } from './usage';

export interface ContainerSample {
  name: string;
  image: string;
  imageID: string;
  containerID: string;
  running: boolean;
  ready: boolean;
  waitingReason?: string;
  terminatedReason?: string;
  restarts: number;
  resources: ResourceSpec;
  /** Present while the container runs. */
  usage?: ContainerUsage;
}

export interface PodSample {
  namespace: string;
  name: string;
  uid: string;
  node: string;
  phase: string;
  podIP: string;
  hostIP: string;
  ready: 'true' | 'false' | 'unknown';
  createdByKind: string;
  createdByName: string;
  priorityClass: string;
  hostNetwork: boolean;
  labels: Record<string, string>;
  qosClass: string;
  containers: ContainerSample[];
}

export interface NodeSample {
  name: string;
  labels: Record<string, string>;
  capacity: Record<string, number>;
  allocatable: Record<string, number>;
  /** Epoch seconds the node was created (its boot time). */
  bootSec: number;
  internalIP: string;
  conditions: Array<{ type: string; status: string }>;
  nodeInfo: Record<string, string>;
  unschedulable: boolean;
  /** kubelet, container runtime and system daemons. */
  overhead: ContainerUsage;
}

function containerSample(pod: PodView, spec: { name: string; image?: string; resources?: ResourceSpec }, status: ContainerStatusView | undefined): ContainerSample {
  const state = status?.state ?? {};
  const identity = status?.containerID || `${pod.metadata.uid}/${spec.name}/${status?.restartCount ?? 0}`;
  const startedAt = epochMs(state.running?.startedAt) || epochMs(pod.status?.startTime);
  return {
    name: spec.name,
    image: status?.image || spec.image || '',
    imageID: String((status as { imageID?: string } | undefined)?.imageID ?? ''),
    containerID: status?.containerID ?? '',
    running: !!state.running,
    ready: !!status?.ready,
    waitingReason: state.waiting?.reason,
    terminatedReason: state.terminated?.reason,
    restarts: status?.restartCount ?? 0,
    resources: spec.resources ?? {},
    usage: state.running ? new ContainerUsage(identity, spec.resources, Math.floor(startedAt / 1000)) : undefined,
  };
}

export function podSample(pod: PodView): PodSample {
  const statuses = pod.status?.containerStatuses ?? [];
  const owner = pod.metadata.ownerReferences?.find((o) => o.controller) ?? pod.metadata.ownerReferences?.[0];
  const readyCondition = (pod.status?.conditions as Array<{ type: string; status: string }> | undefined)?.find((c) => c.type === 'Ready');
  return {
    namespace: pod.metadata.namespace ?? '',
    name: pod.metadata.name ?? '',
    uid: pod.metadata.uid ?? '',
    node: pod.spec?.nodeName ?? '',
    phase: pod.status?.phase ?? 'Pending',
    podIP: pod.status?.podIP ?? '',
    hostIP: pod.status?.hostIP ?? '',
    ready: readyCondition ? (readyCondition.status === 'True' ? 'true' : readyCondition.status === 'False' ? 'false' : 'unknown') : 'false',
    createdByKind: owner?.kind ?? '<none>',
    createdByName: owner?.name ?? '<none>',
    priorityClass: String(pod.spec?.priorityClassName ?? ''),
    hostNetwork: !!pod.spec?.hostNetwork,
    labels: pod.metadata.labels ?? {},
    qosClass: String(pod.status?.qosClass ?? 'BestEffort'),
    containers: (pod.spec?.containers ?? []).map((c) => containerSample(pod, c, statuses.find((s) => s.name === c.name))),
  };
}

function nodeSample(node: KubeObject): NodeSample {
  const status = (node.status ?? {}) as { capacity?: Record<string, string>; allocatable?: Record<string, string>; addresses?: Array<{ type: string; address: string }>; conditions?: Array<{ type: string; status: string }>; nodeInfo?: Record<string, string> };
  const quantities = (values: Record<string, string> | undefined) => Object.fromEntries(Object.entries(values ?? {}).map(([k, v]) => [k, parseQuantity(v)]));
  const name = node.metadata.name ?? '';
  const capacity = quantities(status.capacity);
  const bootSec = Math.floor(epochMs(node.metadata.creationTimestamp) / 1000);
  // System overhead scales a little with the machine: ~4 % of its cores, 6–9 % of its memory.
  const overheadResources = { requests: { cpu: String((capacity.cpu || 2) * 0.16), memory: String(Math.round((capacity.memory || 8 * 2 ** 30) * 0.1)) } };
  return {
    name,
    labels: node.metadata.labels ?? {},
    capacity,
    allocatable: quantities(status.allocatable ?? status.capacity),
    bootSec,
    internalIP: status.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '',
    conditions: status.conditions ?? [],
    nodeInfo: status.nodeInfo ?? {},
    unschedulable: !!(node.spec as { unschedulable?: boolean } | undefined)?.unschedulable,
    overhead: new ContainerUsage(`node/${name}/${node.metadata.uid}`, overheadResources, bootSec),
  };
}

/** Reads the store through caches keyed by uid + revision. */
export class ClusterView {
  private readonly podCache = new Map<string, { rev: number; sample: PodSample }>();
  private readonly nodeCache = new Map<string, { rev: number; sample: NodeSample }>();

  constructor(private readonly store: Store) {}

  pods(namespace?: string): PodSample[] {
    const seen = new Set<string>();
    const out = this.store.list('pods', { namespace }).map((stored) => {
      seen.add(stored.uid);
      const cached = this.podCache.get(stored.uid);
      if (cached && cached.rev === stored.rev) return cached.sample;
      const sample = podSample(stored.parse() as PodView);
      this.podCache.set(stored.uid, { rev: stored.rev, sample });
      return sample;
    });
    if (!namespace) for (const uid of this.podCache.keys()) if (!seen.has(uid)) this.podCache.delete(uid);
    return out;
  }

  nodes(): NodeSample[] {
    return this.store.list('nodes').map((stored) => {
      const cached = this.nodeCache.get(stored.uid);
      if (cached && cached.rev === stored.rev) return cached.sample;
      const sample = nodeSample(stored.parse());
      this.nodeCache.set(stored.uid, { rev: stored.rev, sample });
      return sample;
    });
  }

  /** Parsed objects of another type (deployments, namespaces…), for kube-state-metrics. */
  objects(resource: string): KubeObject[] {
    return this.store.list(resource).map((stored) => stored.parse());
  }
}

/** CPU cores and working-set bytes of a pod at epoch second t (running containers only). */
export function podUsage(pod: PodSample, t: number): { cpu: number; memory: number } {
  let cpu = 0;
  let memory = 0;
  for (const c of pod.containers) {
    if (!c.usage) continue;
    cpu += c.usage.cpuCores(t);
    memory += c.usage.memoryBytes(t);
  }
  return { cpu, memory };
}

/** Node usage: its running pods plus the system overhead. */
export function nodeUsage(node: NodeSample, podsOnNode: PodSample[], t: number): { cpu: number; memory: number } {
  let cpu = node.overhead.cpuCores(t);
  let memory = node.overhead.memoryBytes(t);
  for (const pod of podsOnNode) {
    const usage = podUsage(pod, t);
    cpu += usage.cpu;
    memory += usage.memory;
  }
  return { cpu, memory };
}

/** Groups pods by node name. */
export function podsByNode(pods: PodSample[]): Map<string, PodSample[]> {
  const map = new Map<string, PodSample[]>();
  for (const pod of pods) {
    if (!pod.node) continue;
    let list = map.get(pod.node);
    if (!list) map.set(pod.node, (list = []));
    list.push(pod);
  }
  return map;
}
