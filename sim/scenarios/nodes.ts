/**
 * Realistic Node objects (kubeadm-style): labels, annotations, capacity vs allocatable
 * (system/kube reserved and eviction threshold taken off), conditions, addresses,
 * daemonEndpoints, nodeInfo and a few cached images.
 */
import { createHash } from 'node:crypto';
import type { KubeObject } from '../types';

export interface NodeSpec {
  name: string;
  /** Index used for IPs and the pod CIDR (10.244.<i>.0/24). */
  index: number;
  controlPlane?: boolean;
  cpu: number;
  memoryGi: number;
  zone: string;
  instanceType: string;
  maxPods?: number;
}

const hex = (seed: string, n: number) => createHash('sha256').update(seed).digest('hex').slice(0, n);
const uuid = (seed: string) => {
  const h = hex(seed, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
};

export function nodeObject(n: NodeSpec, timestamp: string): KubeObject {
  const memKi = n.memoryGi * 1024 * 1024 - 68_000;
  // kubeadm defaults: no system-reserved, eviction-hard memory.available<100Mi; we also reserve 80m CPU like managed offerings.
  const allocMemKi = memKi - 100 * 1024 - (n.controlPlane ? 0 : 256 * 1024);
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': n.name,
    'kubernetes.io/os': 'linux',
    'node.kubernetes.io/instance-type': n.instanceType,
    'topology.kubernetes.io/region': 'eu-central-1',
    'topology.kubernetes.io/zone': n.zone,
  };
  if (n.controlPlane) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  } else labels['node-role.kubernetes.io/worker'] = '';
  const cond = (type: string, status: string, reason: string, message: string) => ({ type, status, lastHeartbeatTime: timestamp, lastTransitionTime: timestamp, reason, message });
  const ip = `10.0.${n.controlPlane ? 0 : 1}.${10 + n.index}`;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: n.name,
      labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: `10.244.${n.index}.0/24`,
      podCIDRs: [`10.244.${n.index}.0/24`],
      providerID: `aws:///${n.zone}/i-0${hex(n.name, 16)}`,
      ...(n.controlPlane ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } : {}),
    },
    status: {
      capacity: { cpu: String(n.cpu), 'ephemeral-storage': '101430960Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: `${memKi}Ki`, pods: String(n.maxPods ?? 110) },
      allocatable: { cpu: `${n.cpu * 1000 - (n.controlPlane ? 0 : 80)}m`, 'ephemeral-storage': '93478772582', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: `${allocMemKi}Ki`, pods: String(n.maxPods ?? 110) },
      conditions: [
        cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      addresses: [
        { type: 'InternalIP', address: ip },
        { type: 'Hostname', address: n.name },
        { type: 'InternalDNS', address: `ip-${ip.replace(/\./g, '-')}.eu-central-1.compute.internal` },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: hex(`machine-${n.name}`, 32),
        systemUUID: uuid(`system-${n.name}`),
        bootID: uuid(`boot-${n.name}`),
        kernelVersion: '6.8.0-1019-aws',
        osImage: 'Ubuntu 24.04.1 LTS',
        containerRuntimeVersion: 'containerd://1.7.24',
        kubeletVersion: 'v1.32.4',
        kubeProxyVersion: 'v1.32.4',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
      images: [
        { names: ['registry.k8s.io/kube-proxy@sha256:' + hex('kube-proxy', 64), 'registry.k8s.io/kube-proxy:v1.32.4'], sizeBytes: 30_893_568 },
        { names: ['registry.k8s.io/pause@sha256:' + hex('pause', 64), 'registry.k8s.io/pause:3.10'], sizeBytes: 320_368 },
        ...(n.controlPlane
          ? [
              { names: ['registry.k8s.io/etcd:3.5.16-0'], sizeBytes: 57_680_541 },
              { names: ['registry.k8s.io/kube-apiserver:v1.32.4'], sizeBytes: 28_671_624 },
            ]
          : [{ names: ['docker.io/library/nginx:1.27.3'], sizeBytes: 72_099_501 }]),
      ],
    },
  };
}

/** The demo's nodes: a control plane and three workers across two zones. */
export const DEMO_NODES: NodeSpec[] = [
  { name: 'cp-1', index: 0, controlPlane: true, cpu: 2, memoryGi: 4, zone: 'eu-central-1a', instanceType: 't3.medium' },
  { name: 'worker-1', index: 1, cpu: 4, memoryGi: 16, zone: 'eu-central-1a', instanceType: 'm6i.xlarge' },
  { name: 'worker-2', index: 2, cpu: 4, memoryGi: 16, zone: 'eu-central-1b', instanceType: 'm6i.xlarge' },
  { name: 'worker-3', index: 3, cpu: 8, memoryGi: 32, zone: 'eu-central-1b', instanceType: 'm6i.2xlarge' },
];
