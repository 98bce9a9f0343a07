/**
 * Metrics through the real path: `kubectl top` against metrics.k8s.io, and the Prometheus
 * endpoints over HTTPS with the simulator's token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRunning, startTestSim, type TestSim } from '../testSim';

let t: TestSim;
const MANIFESTS = `
apiVersion: v1
kind: Namespace
metadata: { name: shop }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        resources: { requests: { cpu: 100m, memory: 64Mi }, limits: { cpu: 500m, memory: 256Mi } }
---
apiVersion: v1
kind: Pod
metadata: { name: tool, namespace: default }
spec:
  containers: [{ name: tool, image: busybox:1.36, command: [sleep, '3600'] }]
`;

beforeAll(async () => {
  t = await startTestSim();
  const applied = await t.kubectl(['apply', '-f', '-'], MANIFESTS);
  expect(applied.stderr).toBe('');
  await t.waitForPod('default', 'tool', isRunning);
  await waitForDeployment();
});

afterAll(async () => {
  await t?.stop();
});

async function waitForDeployment(): Promise<void> {
  const res = await t.kubectl(['rollout', 'status', 'deployment/web', '-n', 'shop', '--timeout=60s']);
  expect(res.code).toBe(0);
}

describe('kubectl top', () => {
  it('shows node usage as pods plus system overhead', async () => {
    const res = await t.kubectl(['top', 'nodes']);
    expect(res.code).toBe(0);
    const rows = res.stdout.trimEnd().split('\n').map((row) => row.trimEnd());
    expect(rows[0]).toMatch(/NAME\s+CPU\(cores\)\s+CPU(\(%\))?\s+MEMORY\(bytes\)\s+MEMORY(\(%\))?/);
    expect(rows.slice(1).map((r) => r.split(/\s+/)[0]).sort()).toEqual(['node-1', 'node-2', 'node-3']);
    for (const row of rows.slice(1)) expect(row).toMatch(/^\S+\s+\d+m\s+\d+%\s+\d+Mi\s+\d+%$/);
  });

  it('shows pod and container usage in every namespace, within limits', async () => {
    const res = await t.kubectl(['top', 'pods', '-A']);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/\ndefault\s+tool\s+\d+m\s+\d+Mi/);
    expect(res.stdout.match(/\nshop\s+web-\S+\s+\d+m\s+\d+Mi/g)).toHaveLength(2);
    const containers = await t.kubectl(['top', 'pods', '-n', 'shop', '--containers', '-l', 'app=web']);
    const rows = containers.stdout.trimEnd().split('\n').slice(1).map((r) => r.trim());
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      const [, container, cpu, memory] = row.split(/\s+/);
      expect(container).toBe('nginx');
      expect(Number(cpu.replace('m', ''))).toBeLessThan(500);
      expect(Number(memory.replace('Mi', ''))).toBeLessThan(256);
    }
  });
});

describe('Prometheus endpoints', () => {
  it('serves /metrics/cluster in exposition format 0.0.4 with a token, and 401 without', async () => {
    const res = await t.apiGet('/metrics/cluster');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(res.body).toMatch(/^container_memory_working_set_bytes\{container="nginx",id="[^"]+",image="(?:docker\.io\/library\/)?nginx:1\.27",name="[0-9a-f]+",namespace="shop",pod="web-[^"]+",job="kubelet",metrics_path="\/metrics\/cadvisor",node="node-\d",instance="node-\d"\} \d+$/m);
    expect(res.body).toMatch(/^kube_deployment_status_replicas_available\{namespace="shop",deployment="web",job="kube-state-metrics"\} 2$/m);
    expect(res.body).toMatch(/^kube_pod_container_resource_limits\{namespace="shop",pod="web-[^"]+",uid="[^"]+",container="nginx",node="node-\d",resource="memory",unit="byte",job="kube-state-metrics"\} 268435456$/m);
    expect(res.body).toMatch(/^node_cpu_seconds_total\{cpu="3",mode="idle",job="node-exporter",node="node-1",instance="node-1"\} [\d.]+$/m);
    const anonymous = await t.apiGet('/metrics/cluster', { Authorization: '' });
    expect(anonymous.status).toBe(401);
  });

  it("serves a node's cAdvisor page at the kubelet proxy path", async () => {
    const pod = t.sim.ctx.store.get('pods', 'default', 'tool')!.parse() as unknown as { spec: { nodeName: string } };
    const res = await t.kubectl(['get', '--raw', `/api/v1/nodes/${pod.spec.nodeName}/proxy/metrics/cadvisor`]);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^container_cpu_usage_seconds_total\{container="tool",id="[^"]+",image="(?:docker\.io\/library\/)?busybox:1\.36",name="[0-9a-f]+",namespace="default",pod="tool"\} [\d.]+$/m);
    expect(res.stdout).not.toContain('job=');
    const missing = await t.kubectl(['get', '--raw', '/api/v1/nodes/nope/proxy/metrics/cadvisor']);
    expect(missing.stderr).toContain('NotFound');
  });
});
