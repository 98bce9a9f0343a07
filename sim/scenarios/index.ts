import type { KubeObject, SimContext } from '../types';
import { loadDemo } from './demo';
import { loadScale } from './scale';

export const SCENARIOS = ['demo', 'scale', 'minimal', 'empty'] as const;

const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

/** Only the system namespaces: for tests of the API layer. */
function loadEmpty(ctx: SimContext): void {
  for (const ns of SYSTEM_NAMESPACES) {
    if (!ctx.api.get('namespaces', '', ns)) ctx.api.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  }
}

/** The bare minimum: the system namespaces and three Ready nodes (`node-1..3`). */
function loadMinimal(ctx: SimContext): void {
  loadEmpty(ctx);
  for (let i = 1; i <= 3; i++) {
    const name = `node-${i}`;
    if (ctx.api.get('nodes', '', name)) continue;
    const node: KubeObject = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64' } },
      spec: { podCIDR: `10.244.${i}.0/24` },
      status: {
        capacity: { cpu: '4', memory: '16Gi', pods: '110' },
        allocatable: { cpu: '3800m', memory: '15Gi', pods: '110' },
        conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: ctx.timestamp(), lastTransitionTime: ctx.timestamp() }],
        addresses: [{ type: 'InternalIP', address: `10.0.0.${10 + i}` }, { type: 'Hostname', address: name }],
        nodeInfo: { kubeletVersion: 'v1.32.4', containerRuntimeVersion: 'containerd://1.7.24', osImage: 'Ubuntu 24.04.1 LTS', kernelVersion: '6.8.0-49-generic', operatingSystem: 'linux', architecture: 'amd64' },
      },
    };
    ctx.api.create('nodes', node);
  }
}

/**
 * Populates the cluster for scenario `name`:
 * - `demo`: a small company cluster (see demo/), broken pods included;
 * - `scale`: `pods` (knob, default 10000) running pods across namespaces and nodes, loaded in bulk;
 * - `minimal`: system namespaces and three Ready nodes;
 * - `empty`: system namespaces only.
 */
export async function loadScenario(ctx: SimContext, name: string, options: Record<string, unknown>): Promise<void> {
  switch (name) {
    case 'demo':
      return loadDemo(ctx);
    case 'scale':
      await loadScale(ctx, options);
      return;
    case 'minimal':
      return loadMinimal(ctx);
    case 'empty':
      return loadEmpty(ctx);
    default:
      throw new Error(`unknown scenario "${name}" (expected one of: ${SCENARIOS.join(', ')})`);
  }
}
