/**
 * node-exporter series for one node (node_cpu_seconds_total{cpu,mode}, node_memory_*_bytes,
 * node_filesystem_*{device,fstype,mountpoint}, load, network, boot time, uname), from the same
 * usage that cAdvisor and metrics.k8s.io report.
 */
import { hash32, Rng } from '../random';
import type { NodeSample } from './cluster';
import type { ExpositionWriter, Labels } from './exposition';

/** Share of busy CPU time per mode (sums to 1). */
const BUSY_MODES: Array<[string, number]> = [
  ['user', 0.68],
  ['system', 0.22],
  ['iowait', 0.04],
  ['softirq', 0.03],
  ['steal', 0.01],
  ['nice', 0.015],
  ['irq', 0.005],
];

export interface NodeState {
  /** Cores in use now. */
  cpuCores: number;
  /** Working set of everything on the node, bytes. */
  memoryBytes: number;
  /** Busy CPU seconds since boot (monotonic). */
  busySeconds: number;
}

export function writeNodeExporter(w: ExpositionWriter, node: NodeSample, state: NodeState, t: number, extra: Labels): void {
  const cpuSeconds = w.family('node_cpu_seconds_total', 'counter', 'Seconds the CPUs spent in each mode.');
  const labels = (l: Labels): Labels => ({ ...l, ...extra });
  const cores = Math.max(1, Math.round(node.capacity.cpu || 1));
  const uptime = Math.max(0, t - node.bootSec);
  for (let cpu = 0; cpu < cores; cpu++) {
    const busy = state.busySeconds / cores;
    for (const [mode, share] of BUSY_MODES) cpuSeconds(labels({ cpu: String(cpu), mode }), round(busy * share));
    cpuSeconds(labels({ cpu: String(cpu), mode: 'idle' }), round(Math.max(0, uptime - busy)));
  }

  const r = new Rng(hash32(`node-exporter/${node.name}`));
  const total = node.capacity.memory || 8 * 2 ** 30;
  const cached = Math.round(total * (0.08 + r.next() * 0.1));
  const buffers = Math.round(total * 0.01);
  const available = Math.max(0, total - state.memoryBytes);
  const gauge = (name: string, help: string, value: number, l: Labels = {}) => w.family(name, 'gauge', help)(labels(l), value);
  gauge('node_memory_MemTotal_bytes', 'Memory information field MemTotal_bytes.', total);
  gauge('node_memory_MemAvailable_bytes', 'Memory information field MemAvailable_bytes.', available);
  gauge('node_memory_MemFree_bytes', 'Memory information field MemFree_bytes.', Math.max(0, available - cached - buffers));
  gauge('node_memory_Cached_bytes', 'Memory information field Cached_bytes.', cached);
  gauge('node_memory_Buffers_bytes', 'Memory information field Buffers_bytes.', buffers);

  const disk = node.capacity['ephemeral-storage'] || 100 * 2 ** 30;
  const diskFree = Math.round(disk * (0.35 + r.next() * 0.4));
  for (const fs of [
    { device: '/dev/nvme0n1p1', fstype: 'ext4', mountpoint: '/', size: disk, free: diskFree },
    { device: '/dev/nvme0n1p15', fstype: 'vfat', mountpoint: '/boot/efi', size: 124 * 2 ** 20, free: 113 * 2 ** 20 },
    { device: 'tmpfs', fstype: 'tmpfs', mountpoint: '/run', size: Math.round(total / 10), free: Math.round(total / 10) - 3 * 2 ** 20 },
  ]) {
    const l = { device: fs.device, fstype: fs.fstype, mountpoint: fs.mountpoint };
    gauge('node_filesystem_size_bytes', 'Filesystem size in bytes.', fs.size, l);
    gauge('node_filesystem_free_bytes', 'Filesystem free space in bytes.', fs.free, l);
    gauge('node_filesystem_avail_bytes', 'Filesystem space available to non-root users in bytes.', Math.round(fs.free * 0.95), l);
    gauge('node_filesystem_readonly', 'Filesystem read-only status.', 0, l);
  }

  gauge('node_load1', '1m load average.', round(state.cpuCores * 1.1));
  gauge('node_load5', '5m load average.', round(state.cpuCores * 1.05));
  gauge('node_load15', '15m load average.', round(state.cpuCores));
  const rx = Math.round(node.overhead.rx.integral(node.bootSec, t) * 6);
  const tx = Math.round(node.overhead.tx.integral(node.bootSec, t) * 6);
  w.family('node_network_receive_bytes_total', 'counter', 'Network device statistic receive_bytes.')(labels({ device: 'eth0' }), rx);
  w.family('node_network_transmit_bytes_total', 'counter', 'Network device statistic transmit_bytes.')(labels({ device: 'eth0' }), tx);
  gauge('node_boot_time_seconds', 'Node boot time, in unixtime.', node.bootSec);
  gauge('node_time_seconds', 'System time in seconds since epoch (1970).', t);
  gauge('node_uname_info', 'Labeled system information as provided by the uname system call.', 1, {
    domainname: '(none)',
    machine: node.nodeInfo.architecture === 'arm64' ? 'aarch64' : 'x86_64',
    nodename: node.name,
    release: node.nodeInfo.kernelVersion || '6.1.0-27-cloud-amd64',
    sysname: 'Linux',
    version: '#1 SMP PREEMPT_DYNAMIC Debian 6.1.115-1 (2024-11-01)',
  });
}

const round = (n: number): number => Math.round(n * 1000) / 1000;
