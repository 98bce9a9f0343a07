/**
 * metrics.k8s.io/v1beta1 NodeMetrics and PodMetrics, shaped like metrics-server's: cpu in
 * nanocores (`"123456789n"`), memory in Ki, a timestamp a few seconds old and the scrape window.
 */
import type { KubeObject, MetricsProvider } from '../../types';
import { nodeUsage, podsByNode, type ClusterView } from './cluster';

const API_VERSION = 'metrics.k8s.io/v1beta1';

export const cpuQuantity = (cores: number): string => `${Math.max(0, Math.round(cores * 1e9))}n`;
export const memoryQuantity = (bytes: number): string => `${Math.max(0, Math.round(bytes / 1024))}Ki`;

/**
 * Sample time. A real metrics-server lags up to a scrape interval (15 s) and has nothing for
 * brand-new pods; the simulator answers at once so a fresh demo cluster shows usage immediately.
 */
const sampleSec = (nowMs: number): number => Math.floor(nowMs / 1000);
const rfc3339 = (sec: number): string => new Date(sec * 1000).toISOString().replace('.000Z', 'Z');

export function createMetricsProvider(view: ClusterView, now: () => number): MetricsProvider {
  return {
    nodeMetrics(): KubeObject[] {
      const t = sampleSec(now());
      const stamp = rfc3339(t);
      const byNode = podsByNode(view.pods());
      return view.nodes().map((node) => {
        const usage = nodeUsage(node, byNode.get(node.name) ?? [], t);
        return {
          kind: 'NodeMetrics',
          apiVersion: API_VERSION,
          metadata: { name: node.name, creationTimestamp: stamp, labels: node.labels },
          timestamp: stamp,
          window: '20.012s',
          usage: { cpu: cpuQuantity(usage.cpu), memory: memoryQuantity(usage.memory) },
        };
      });
    },
    podMetrics(namespace?: string): KubeObject[] {
      const t = sampleSec(now());
      const stamp = rfc3339(t);
      return view
        .pods(namespace)
        .filter((pod) => pod.phase === 'Running' && pod.containers.some((c) => c.usage))
        .map((pod) => ({
          kind: 'PodMetrics',
          apiVersion: API_VERSION,
          metadata: { name: pod.name, namespace: pod.namespace, creationTimestamp: stamp, labels: pod.labels },
          timestamp: stamp,
          window: '15.005s',
          containers: pod.containers
            .filter((c) => c.usage)
            .map((c) => ({ name: c.name, usage: { cpu: cpuQuantity(c.usage!.cpuCores(t)), memory: memoryQuantity(c.usage!.memoryBytes(t)) } })),
        }));
    },
  };
}
