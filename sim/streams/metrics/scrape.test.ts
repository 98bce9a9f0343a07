/**
 * The metrics over a real in-memory store: exposition checked by the real `promtool`, counters
 * monotonic across scrapes, usage within limits, node = pods + overhead.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../store';
import type { KubeObject } from '../../types';
import { ClusterView } from './cluster';
import { createMetricsProvider } from './metricsApi';
import { ClusterScraper } from './scrape';
import { parseQuantity } from './usage';

const started = '2026-11-27T00:00:00Z';
const t0 = Date.parse('2026-11-27T01:00:00Z');

function cluster(): MemoryStore {
  const store = new MemoryStore();
  store.create('nodes', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-a', uid: 'n-a', creationTimestamp: '2026-11-26T00:00:00Z' }, status: { capacity: { cpu: '4', memory: '16Gi', pods: '110', 'ephemeral-storage': '100Gi' }, allocatable: { cpu: '3800m', memory: '15Gi', pods: '110' }, conditions: [{ type: 'Ready', status: 'True' }], addresses: [{ type: 'InternalIP', address: '10.0.0.11' }], nodeInfo: { kubeletVersion: 'v1.32.3' } } } as KubeObject);
  store.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', uid: 'ns-shop' }, status: { phase: 'Active' } } as KubeObject);
  const pod = (name: string, containers: Array<{ name: string; image: string; resources?: object; restarts?: number }>): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'shop', uid: `uid-${name}`, labels: { app: name }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `${name}-rs`, uid: 'rs', controller: true }] },
    spec: { nodeName: 'node-a', containers: containers.map(({ name: n, image, resources }) => ({ name: n, image, resources })) },
    status: {
      phase: 'Running',
      podIP: '10.244.0.7',
      hostIP: '10.0.0.11',
      qosClass: 'Burstable',
      conditions: [{ type: 'Ready', status: 'True' }],
      containerStatuses: containers.map((c, i) => ({ name: c.name, image: c.image, imageID: `${c.image}@sha256:abc`, containerID: `containerd://${name}${i}`, ready: true, restartCount: c.restarts ?? 0, state: { running: { startedAt: started } }, lastState: {} })),
    },
  });
  store.create('pods', pod('web', [{ name: 'nginx', image: 'nginx:1.27', resources: { requests: { cpu: '200m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } } }, { name: 'sidecar', image: 'envoy:1.31', restarts: 2 }]));
  store.create('pods', pod('api', [{ name: 'api', image: 'acme/api:2', resources: { requests: { cpu: '1', memory: '1Gi' } } }]));
  store.create('deployments.apps', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop', uid: 'd1', generation: 3 }, spec: { replicas: 1 }, status: { replicas: 1, availableReplicas: 1, readyReplicas: 1, updatedReplicas: 1, observedGeneration: 3 } } as KubeObject);
  return store;
}

/** Parses exposition text into samples (name, labels, value). */
function samples(text: string): Array<{ name: string; labels: Record<string, string>; value: number }> {
  return text
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((line) => {
      const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!m) throw new Error(`bad line ${line}`);
      const labels: Record<string, string> = {};
      for (const [, k, v] of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[k] = v;
      return { name: m[1], labels, value: Number(m[3]) };
    });
}

describe('cluster metrics', () => {
  it('is valid exposition text for the real promtool', () => {
    if (!existsSync('/usr/bin/promtool')) return expect.fail('promtool missing: install the Debian prometheus package');
    const text = new ClusterScraper(new ClusterView(cluster()), () => t0).cluster();
    const result = spawnSync('/usr/bin/promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
    // promtool also lints names (node-exporter's own MemTotal_bytes fails that); parse errors are what matter.
    expect(result.stdout + result.stderr).not.toMatch(/parsing error|error while linting/i);
    // Exit 3 = lint findings only (the camelCase names above); 1 would be a parse failure.
    expect([0, 3]).toContain(result.status);
    expect(result.stdout.trim().split('\n').every((line) => line === '' || /should be written in 'snake_case'/.test(line))).toBe(true);
  });

  it('exposes cAdvisor, node-exporter and kube-state-metrics series with their label layouts', () => {
    const s = samples(new ClusterScraper(new ClusterView(cluster()), () => t0).cluster());
    const find = (name: string, labels: Record<string, string> = {}) => s.filter((x) => x.name === name && Object.entries(labels).every(([k, v]) => x.labels[k] === v));
    const ws = find('container_memory_working_set_bytes', { container: 'nginx' });
    expect(ws).toHaveLength(1);
    expect(Object.keys(ws[0].labels).sort()).toEqual(['container', 'id', 'image', 'instance', 'job', 'metrics_path', 'name', 'namespace', 'node', 'pod']);
    expect(ws[0].labels).toMatchObject({ namespace: 'shop', pod: 'web', image: 'nginx:1.27', node: 'node-a', job: 'kubelet', metrics_path: '/metrics/cadvisor' });
    expect(ws[0].value).toBeLessThan(256 * 2 ** 20);
    expect(find('container_memory_working_set_bytes', { container: '', pod: 'web' })[0].value).toBeGreaterThan(ws[0].value);
    expect(find('container_network_receive_bytes_total', { pod: 'web', interface: 'eth0' })).toHaveLength(1);
    expect(find('node_cpu_seconds_total', { node: 'node-a' })).toHaveLength(4 * 8);
    expect(find('node_memory_MemTotal_bytes', { node: 'node-a' })[0].value).toBe(16 * 2 ** 30);
    expect(find('node_filesystem_avail_bytes', { mountpoint: '/', fstype: 'ext4' })).toHaveLength(1);
    expect(find('kube_pod_info', { pod: 'web', created_by_kind: 'ReplicaSet', node: 'node-a', host_ip: '10.0.0.11' })).toHaveLength(1);
    expect(find('kube_pod_status_phase', { pod: 'web', phase: 'Running' })[0].value).toBe(1);
    expect(find('kube_pod_status_phase', { pod: 'web', phase: 'Pending' })[0].value).toBe(0);
    expect(find('kube_pod_container_status_restarts_total', { container: 'sidecar' })[0].value).toBe(2);
    expect(find('kube_pod_container_resource_limits', { container: 'nginx', resource: 'memory', unit: 'byte' })[0].value).toBe(256 * 2 ** 20);
    expect(find('kube_pod_container_resource_requests', { container: 'nginx', resource: 'cpu', unit: 'core' })[0].value).toBe(0.2);
    expect(find('kube_deployment_status_replicas_available', { deployment: 'web', namespace: 'shop' })[0].value).toBe(1);
    expect(find('kube_node_status_allocatable', { node: 'node-a', resource: 'cpu', unit: 'core' })[0].value).toBe(3.8);
    expect(find('kube_node_status_capacity', { node: 'node-a', resource: 'ephemeral_storage', unit: 'byte' })[0].value).toBe(100 * 2 ** 30);
  });

  it('keeps counters monotonic and gauges moving between scrapes', () => {
    let now = t0;
    const scraper = new ClusterScraper(new ClusterView(cluster()), () => now);
    const series = (text: string, name: string, labels: Record<string, string>) => samples(text).find((x) => x.name === name && Object.entries(labels).every(([k, v]) => x.labels[k] === v))!.value;
    let previous = scraper.cluster();
    let memoryChanged = false;
    for (let i = 0; i < 20; i++) {
      now += 30_000;
      const next = scraper.cluster();
      for (const [name, labels] of [
        ['container_cpu_usage_seconds_total', { container: 'nginx' }],
        ['container_network_transmit_bytes_total', { pod: 'api' }],
        ['node_cpu_seconds_total', { cpu: '0', mode: 'idle' }],
        ['node_cpu_seconds_total', { cpu: '3', mode: 'user' }],
      ] as const) {
        expect(series(next, name, labels)).toBeGreaterThan(series(previous, name, labels));
      }
      if (series(next, 'container_memory_working_set_bytes', { container: 'api' }) !== series(previous, 'container_memory_working_set_bytes', { container: 'api' })) memoryChanged = true;
      previous = next;
    }
    expect(memoryChanged).toBe(true);
  });

  it('serves metrics.k8s.io objects where the node is its pods plus overhead', () => {
    const provider = createMetricsProvider(new ClusterView(cluster()), () => t0);
    const pods = provider.podMetrics('shop');
    expect(pods.map((p) => p.metadata.name).sort()).toEqual(['api', 'web']);
    const web = pods.find((p) => p.metadata.name === 'web') as unknown as { containers: Array<{ name: string; usage: { cpu: string; memory: string } }> };
    const nginx = web.containers.find((c) => c.name === 'nginx')!;
    expect(nginx.usage.cpu).toMatch(/^\d+n$/);
    expect(nginx.usage.memory).toMatch(/^\d+Ki$/);
    expect(parseQuantity(nginx.usage.cpu)).toBeLessThan(0.5);
    const podCpu = pods.flatMap((p) => (p as unknown as typeof web).containers).reduce((sum, c) => sum + parseQuantity(c.usage.cpu), 0);
    const [node] = provider.nodeMetrics() as unknown as Array<{ metadata: { name: string }; usage: { cpu: string; memory: string } }>;
    expect(node.metadata.name).toBe('node-a');
    expect(parseQuantity(node.usage.cpu)).toBeGreaterThan(podCpu);
    expect(provider.podMetrics('other')).toEqual([]);
  });
});
