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

type RS = KubeObject & { spec: { replicas: number; template: { spec: { containers: Array<{ image: string }> } } }; status?: { replicas?: number } };
type Dep = KubeObject & { spec: { template: { spec: { containers: Array<{ image: string }> } } }; status?: { availableReplicas?: number; updatedReplicas?: number; replicas?: number; conditions?: Array<{ type: string; reason: string }> } };

const settled = (c: TestCluster, image: string, n: number) => () => {
  const d = c.get<Dep>('deployments.apps', 'default', 'web');
  const s = d?.status;
  const pods = c.list('pods', 'default').filter((p) => !p.metadata.deletionTimestamp);
  const ok = (s as { observedGeneration?: number } | undefined)?.observedGeneration === d!.metadata.generation && s?.updatedReplicas === n && s.replicas === n && s.availableReplicas === n && d!.spec.template.spec.containers[0].image === image
    && s.conditions?.find((x) => x.type === 'Progressing')?.reason === 'NewReplicaSetAvailable' && pods.length === n;
  return ok ? d : undefined;
};

describe('rolling update and undo', () => {
  it('rolls to a new ReplicaSet within surge limits, then back to the old one with the next revision', { timeout: 90_000 }, async () => {
    c = startTestCluster({ speed: 50 });
    c.apply('deployments.apps', deployment(4));
    await c.until(settled(c, 'nginx:1.27', 4), 30_000);
    let maxPods = 0;
    const watch = setInterval(() => {
      maxPods = Math.max(maxPods, c.list('pods', 'default').filter((p) => !p.metadata.deletionTimestamp).length);
    }, 5);
    c.ctx.api.patch('deployments.apps', 'default', 'web', 'strategic', { spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.28' }] } } } });
    await c.until(settled(c, 'nginx:1.28', 4), 30_000);
    clearInterval(watch);
    // maxSurge 25% of 4 → 1 extra pod at most.
    expect(maxPods).toBeLessThanOrEqual(5);
    const rss = c.list<RS>('replicasets.apps', 'default');
    expect(rss).toHaveLength(2);
    const byRev = new Map(rss.map((rs) => [rs.metadata.annotations?.['deployment.kubernetes.io/revision'], rs]));
    expect(byRev.get('1')!.spec.replicas).toBe(0);
    expect(byRev.get('2')!.spec.replicas).toBe(4);
    expect(byRev.get('2')!.spec.template.spec.containers[0].image).toBe('nginx:1.28');

    // kubectl rollout undo: the Deployment's template is replaced by revision 1's (minus the hash label).
    const old = byRev.get('1')!;
    const template = structuredClone((old.spec as unknown as { template: { metadata: { labels: Record<string, string> } } }).template);
    delete template.metadata.labels['pod-template-hash'];
    c.ctx.api.patch('deployments.apps', 'default', 'web', 'strategic', { spec: { template } });
    const d = await c.until(settled(c, 'nginx:1.27', 4), 30_000);
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    const back = c.get<RS>('replicasets.apps', 'default', old.metadata.name!);
    expect(back?.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    expect(back?.spec.replicas).toBe(4);
  });

  it('scales down by deleting pods and reports it', async () => {
    c = startTestCluster({ speed: 50 });
    c.apply('deployments.apps', deployment(3));
    await c.until(settled(c, 'nginx:1.27', 3));
    c.ctx.api.patch('deployments.apps', 'default', 'web', 'merge', { spec: { replicas: 1 } });
    await c.until(settled(c, 'nginx:1.27', 1));
    const msgs = c.list('events', 'default').map((e) => e.message as string);
    expect(msgs.some((m) => /^Scaled down replica set web-\w+ from 3 to 1$/.test(m))).toBe(true);
    expect(msgs.some((m) => m.startsWith('Deleted pod: web-'))).toBe(true);
  });
});
