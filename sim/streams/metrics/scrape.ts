/**
 * The Prometheus scrape endpoints of the simulator.
 *
 * - `GET /metrics/cluster` (bearer token required, like every API path): cAdvisor, node-exporter
 *   and kube-state-metrics series of the whole cluster in one federation-style page. Each series
 *   carries the labels a kube-prometheus setup would have attached (`job`, `node`, `instance`,
 *   `metrics_path`), so scrape it with `honor_labels: true`.
 * - `GET /api/v1/nodes/{node}/proxy/metrics/cadvisor`: that node's cAdvisor series exactly as
 *   the kubelet serves them (no job/node labels: Prometheus adds its target labels).
 */
import type { ServerResponse } from 'node:http';
import { writeCadvisor } from './cadvisor';
import { nodeUsage, podsByNode, type ClusterView, type NodeSample, type PodSample } from './cluster';
import { EXPOSITION_CONTENT_TYPE, ExpositionWriter } from './exposition';
import { writeKubeState } from './kubeState';
import { writeNodeExporter, type NodeState } from './nodeExporter';

export class ClusterScraper {
  /** Busy CPU seconds per node, accumulated so the counter never goes down when pods leave. */
  private readonly busy = new Map<string, { t: number; seconds: number }>();

  constructor(
    private readonly view: ClusterView,
    private readonly now: () => number,
  ) {}

  private nodeState(node: NodeSample, pods: PodSample[], t: number): NodeState {
    const usage = nodeUsage(node, pods, t);
    const cores = Math.max(1, Math.round(node.capacity.cpu || 1));
    const cpu = Math.min(usage.cpu, cores * 0.97);
    let entry = this.busy.get(node.name);
    if (!entry) {
      // First look at this node: assume it has been about this busy since boot.
      entry = { t, seconds: cpu * Math.max(0, t - node.bootSec) };
      this.busy.set(node.name, entry);
    } else if (t > entry.t) {
      entry.seconds += cpu * (t - entry.t);
      entry.t = t;
    }
    return { cpuCores: cpu, memoryBytes: usage.memory, busySeconds: entry.seconds };
  }

  /** Everything, for `/metrics/cluster`. */
  cluster(): string {
    const t = this.now() / 1000;
    const pods = this.view.pods();
    const nodes = this.view.nodes();
    const byNode = podsByNode(pods);
    const w = new ExpositionWriter();
    for (const node of nodes) {
      const onNode = byNode.get(node.name) ?? [];
      const state = this.nodeState(node, onNode, t);
      writeCadvisor(w, node, onNode, t, state.busySeconds, { extra: { job: 'kubelet', metrics_path: '/metrics/cadvisor', node: node.name, instance: node.name } });
    }
    for (const node of nodes) {
      const state = this.nodeState(node, byNode.get(node.name) ?? [], t);
      writeNodeExporter(w, node, state, t, { job: 'node-exporter', node: node.name, instance: node.name });
    }
    writeKubeState(w, pods, nodes, this.view.objects('deployments.apps'), this.view.objects('namespaces'), { job: 'kube-state-metrics' });
    return w.toString();
  }

  /** One node's cAdvisor page, or undefined if there is no such node. */
  cadvisor(nodeName: string): string | undefined {
    const node = this.view.nodes().find((n) => n.name === nodeName);
    if (!node) return undefined;
    const t = this.now() / 1000;
    const onNode = this.view.pods().filter((p) => p.node === nodeName);
    const w = new ExpositionWriter();
    writeCadvisor(w, node, onNode, t, this.nodeState(node, onNode, t).busySeconds, { extra: {} });
    return w.toString();
  }
}

export function sendExposition(res: ServerResponse, body: string): void {
  res.writeHead(200, { 'Content-Type': EXPOSITION_CONTENT_TYPE, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}
