import { afterEach, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from './testCluster';
import type { KubeObject } from './model';

let c: TestCluster;
afterEach(() => c?.stop());

const deployment = (replicas: number, image = 'nginx:1.27'): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    replicas,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image, ports: [{ containerPort: 80 }] }] } },
  },
});

describe('deployment controller (in-process cluster)', () => {
  it('brings replicas Running and reports a complete rollout', async () => {
    c = startTestCluster({ speed: 50 });
    c.apply('deployments.apps', deployment(3));
    const d = await c.until(() => {
      const d = c.get<KubeObject & { status?: { availableReplicas?: number; updatedReplicas?: number } }>('deployments.apps', 'default', 'web');
      return d?.status?.availableReplicas === 3 && d.status.updatedReplicas === 3 ? d : undefined;
    });
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    const pods = c.list('pods', 'default');
    expect(pods).toHaveLength(3);
    for (const p of pods) expect((p.status as { phase: string }).phase).toBe('Running');
    const events = c.list('events', 'default').map((e) => e.reason);
    for (const r of ['ScalingReplicaSet', 'SuccessfulCreate', 'Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']) expect(events).toContain(r);
  });
});
