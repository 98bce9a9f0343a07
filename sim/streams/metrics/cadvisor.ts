/**
 * cAdvisor series as the kubelet serves them at /metrics/cadvisor: one series per container
 * (labels container, id, image, name, namespace, pod), one per pod cgroup (container="",
 * which double-counts memory if a query forgets `container!=""`, like the real thing), the pod
 * sandbox's network counters, and the root cgroup id="/" for the whole node.
 */
import type { ContainerSample, NodeSample, PodSample } from './cluster';
import { podUsage } from './cluster';
import type { ExpositionWriter, Labels } from './exposition';
import { parseQuantity } from './usage';

const PAUSE_IMAGE = 'registry.k8s.io/pause:3.10';

/** Systemd-driver cgroup path of a pod, by QoS class. */
function podCgroup(pod: PodSample): string {
  const uid = pod.uid.replace(/-/g, '_');
  if (pod.qosClass === 'Guaranteed') return `/kubepods.slice/kubepods-pod${uid}.slice`;
  const qos = pod.qosClass === 'Burstable' ? 'burstable' : 'besteffort';
  return `/kubepods.slice/kubepods-${qos}.slice/kubepods-${qos}-pod${uid}.slice`;
}

const runtimeId = (containerID: string): string => containerID.replace(/^[a-z]+:\/\//, '');
/** The pod sandbox's id: stable per pod uid (the runtime gives it a 64-hex id). */
const sandboxId = (pod: PodSample): string => (pod.uid.replace(/-/g, '') + pod.uid.replace(/-/g, '')).slice(0, 64);

export interface CadvisorOptions {
  /** Labels added to every series (e.g. node, job, metrics_path in the cluster-wide endpoint). */
  extra: Labels;
}

/**
 * `nodeCpuSeconds` is the node's busy-time counter (kept monotonic by the caller even when pods
 * come and go), used for the root cgroup.
 */
export function writeCadvisor(w: ExpositionWriter, node: NodeSample, pods: PodSample[], t: number, nodeCpuSeconds: number, options: CadvisorOptions): void {
  const cpu = w.family('container_cpu_usage_seconds_total', 'counter', 'Cumulative cpu time consumed in seconds.');
  const cpuUser = w.family('container_cpu_user_seconds_total', 'counter', 'Cumulative user cpu time consumed in seconds.');
  const cpuSystem = w.family('container_cpu_system_seconds_total', 'counter', 'Cumulative system cpu time consumed in seconds.');
  const workingSet = w.family('container_memory_working_set_bytes', 'gauge', 'Current working set of the container in bytes');
  const memUsage = w.family('container_memory_usage_bytes', 'gauge', 'Current memory usage in bytes, including all memory regardless of when it was accessed');
  const rss = w.family('container_memory_rss', 'gauge', 'Size of RSS in bytes.');
  const cache = w.family('container_memory_cache', 'gauge', 'Number of bytes of page cache memory.');
  const memLimit = w.family('container_spec_memory_limit_bytes', 'gauge', 'Memory limit for the container.');
  const cpuQuota = w.family('container_spec_cpu_quota', 'gauge', 'CPU quota of the container.');
  const cpuPeriod = w.family('container_spec_cpu_period', 'gauge', 'CPU period of the container.');
  const cpuShares = w.family('container_spec_cpu_shares', 'gauge', 'CPU share of the container.');
  const fsUsage = w.family('container_fs_usage_bytes', 'gauge', 'Number of bytes that are consumed by the container on this filesystem.');
  const startTime = w.family('container_start_time_seconds', 'gauge', 'Start time of the container since unix epoch in seconds.');
  const rxBytes = w.family('container_network_receive_bytes_total', 'counter', 'Cumulative count of bytes received');
  const txBytes = w.family('container_network_transmit_bytes_total', 'counter', 'Cumulative count of bytes transmitted');
  const rxPackets = w.family('container_network_receive_packets_total', 'counter', 'Cumulative count of packets received');
  const txPackets = w.family('container_network_transmit_packets_total', 'counter', 'Cumulative count of packets transmitted');

  const base = (labels: Labels): Labels => ({ ...labels, ...options.extra });
  let nodeMemory = node.overhead.memoryBytes(t);

  for (const pod of pods) {
    const running = pod.containers.filter((c): c is ContainerSample & { usage: NonNullable<ContainerSample['usage']> } => !!c.usage);
    if (running.length === 0) continue;
    const cgroup = podCgroup(pod);
    let podCpuSeconds = 0;
    for (const c of running) {
      const labels = base({ container: c.name, id: `${cgroup}/cri-containerd-${runtimeId(c.containerID)}.scope`, image: c.image, name: runtimeId(c.containerID), namespace: pod.namespace, pod: pod.name });
      const seconds = c.usage.cpuSeconds(t);
      const ws = c.usage.memoryBytes(t);
      podCpuSeconds += seconds;
      cpu(labels, round(seconds));
      cpuUser(labels, round(seconds * 0.74));
      cpuSystem(labels, round(seconds * 0.26));
      workingSet(labels, ws);
      memUsage(labels, Math.round(ws * 1.18));
      rss(labels, Math.round(ws * 0.86));
      cache(labels, Math.round(ws * 0.18));
      const limitCpu = parseQuantity(c.resources.limits?.cpu);
      memLimit(labels, parseQuantity(c.resources.limits?.memory));
      if (limitCpu > 0) {
        cpuQuota(labels, Math.round(limitCpu * 100000));
        cpuPeriod(labels, 100000);
      }
      cpuShares(labels, Math.max(2, Math.round(parseQuantity(c.resources.requests?.cpu) * 1024)));
      fsUsage({ ...labels, device: '/dev/nvme0n1p1' }, c.usage.fsUsage);
      startTime(labels, c.usage.startSec);
    }
    const usage = podUsage(pod, t);
    nodeMemory += usage.memory;
    const podLabels = base({ container: '', id: cgroup, image: '', name: '', namespace: pod.namespace, pod: pod.name });
    cpu(podLabels, round(podCpuSeconds));
    workingSet(podLabels, usage.memory);
    memUsage(podLabels, Math.round(usage.memory * 1.18));
    // Network belongs to the sandbox (pause) container; the pod's first container drives it.
    const net = running[0].usage;
    const sandbox = base({ container: '', id: `${cgroup}/cri-containerd-${sandboxId(pod)}.scope`, image: PAUSE_IMAGE, interface: 'eth0', name: sandboxId(pod), namespace: pod.namespace, pod: pod.name });
    rxBytes(sandbox, net.rxBytes(t));
    txBytes(sandbox, net.txBytes(t));
    rxPackets(sandbox, Math.round(net.rxBytes(t) / 820));
    txPackets(sandbox, Math.round(net.txBytes(t) / 760));
  }
  const root = base({ container: '', id: '/', image: '', name: '', namespace: '', pod: '' });
  cpu(root, round(nodeCpuSeconds));
  workingSet(root, nodeMemory);
  memUsage(root, Math.round(nodeMemory * 1.3));
}

const round = (seconds: number): number => Math.round(seconds * 1e6) / 1e6;
