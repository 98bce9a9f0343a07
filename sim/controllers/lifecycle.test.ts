import { afterEach, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from './testCluster';
import type { KubeObject, Pod } from './model';

let c: TestCluster;
afterEach(() => c?.stop());

const pod = (name: string, spec: Partial<Pod['spec']> = {}, annotations: Record<string, string> = {}): KubeObject => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', annotations },
  spec: { containers: [{ name: 'app', image: 'nginx:1.27' }], ...spec },
});
const eventsFor = (name: string) => c.list('events', 'default').filter((e) => (e.involvedObject as { name: string }).name === name);

describe('pod lifecycle', () => {
  it('goes Pending → ContainerCreating → Running with full container status and conditions', async () => {
    c = startTestCluster({ speed: 20 });
    c.apply('pods', pod('web', { initContainers: [{ name: 'init-db', image: 'busybox:1.36' }] }));
    const seen = new Set<string>();
    const p = await c.until(() => {
      const x = c.get<Pod>('pods', 'default', 'web');
      const w = x?.status?.containerStatuses?.[0]?.state.waiting?.reason;
      if (w) seen.add(w);
      return x?.status?.phase === 'Running' && x.status.conditions?.find((k) => k.type === 'Ready')?.status === 'True' ? x : undefined;
    });
    expect(seen.has('PodInitializing')).toBe(true);
    const cs = p.status!.containerStatuses![0];
    expect(cs).toMatchObject({ name: 'app', ready: true, started: true, restartCount: 0, image: 'docker.io/library/nginx:1.27' });
    expect(cs.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(cs.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(p.status!.initContainerStatuses![0].state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(p.status!.podIP).toMatch(/^10\.244\.\d+\.\d+$/);
    expect(p.status!.hostIP).toMatch(/^10\.0\.0\.\d+$/);
    expect(p.status!.conditions!.map((k) => `${k.type}=${k.status}`)).toEqual(['PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True']);
    const reasons = eventsFor('web').map((e) => e.reason);
    expect(reasons).toEqual(expect.arrayContaining(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']));
  });

  it('shows CrashLoopBackOff with growing restarts and the last Error exit', async () => {
    c = startTestCluster({ speed: 40 });
    c.apply('pods', pod('crash', {}, { 'sim.pilothouse.dev/behavior': 'crashloop' }));
    const p = await c.until(() => {
      const x = c.get<Pod>('pods', 'default', 'crash');
      const cs = x?.status?.containerStatuses?.[0];
      return cs && cs.restartCount >= 2 && cs.state.waiting?.reason === 'CrashLoopBackOff' ? x : undefined;
    }, 15_000);
    const cs = p.status!.containerStatuses![0];
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(cs.state.waiting?.message).toMatch(/^back-off \d+s restarting failed container=app pod=crash_default\(/);
    expect(p.status!.phase).toBe('Running');
    expect(eventsFor('crash').some((e) => e.reason === 'BackOff' && String(e.message).startsWith('Back-off restarting failed container app in pod crash_default'))).toBe(true);
  });

  it('shows ErrImagePull then ImagePullBackOff with the kubelet events', async () => {
    c = startTestCluster({ speed: 20 });
    c.apply('pods', pod('bad-image', { containers: [{ name: 'app', image: 'ghcr.io/acme/does-not-exist:1.0' }] }));
    const p = await c.until(() => {
      const x = c.get<Pod>('pods', 'default', 'bad-image');
      return x?.status?.containerStatuses?.[0]?.state.waiting?.reason === 'ImagePullBackOff' ? x : undefined;
    });
    expect(p.status!.phase).toBe('Pending');
    const msgs = eventsFor('bad-image').map((e) => `${e.type} ${e.reason}: ${e.message}`);
    expect(msgs).toEqual(expect.arrayContaining([
      'Warning Failed: Error: ErrImagePull',
      'Normal BackOff: Back-off pulling image "ghcr.io/acme/does-not-exist:1.0"',
      'Warning Failed: Error: ImagePullBackOff',
    ]));
    expect(msgs.some((m) => m.startsWith('Warning Failed: Failed to pull image "ghcr.io/acme/does-not-exist:1.0": rpc error: code = NotFound'))).toBe(true);
  });

  it('keeps an unschedulable pod Pending with FailedScheduling and PodScheduled=False', async () => {
    c = startTestCluster({ speed: 20 });
    c.apply('pods', pod('huge', { containers: [{ name: 'app', image: 'nginx:1.27', resources: { requests: { memory: '64Gi', cpu: '100m' } } }] }));
    const p = await c.until(() => {
      const x = c.get<Pod>('pods', 'default', 'huge');
      return x?.status?.conditions?.find((k) => k.type === 'PodScheduled' && k.status === 'False') ? x : undefined;
    });
    expect(p.status!.phase).toBe('Pending');
    expect(p.status!.conditions![0]).toMatchObject({ reason: 'Unschedulable', message: '0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.' });
    expect(eventsFor('huge').find((e) => e.reason === 'FailedScheduling')).toMatchObject({ type: 'Warning', source: { component: 'default-scheduler' } });
  });

  it('restarts a container whose liveness probe fails, with Unhealthy and Killing events', async () => {
    c = startTestCluster({ speed: 40 });
    c.apply('pods', pod('sick', { containers: [{ name: 'app', image: 'nginx:1.27', livenessProbe: { httpGet: { path: '/healthz', port: 80 }, periodSeconds: 5, failureThreshold: 3 } }] }, { 'sim.pilothouse.dev/behavior': 'liveness-fail' }));
    await c.until(() => (c.get<Pod>('pods', 'default', 'sick')?.status?.containerStatuses?.[0]?.restartCount ?? 0) >= 1, 15_000);
    const msgs = eventsFor('sick').map((e) => `${e.reason}: ${e.message}`);
    expect(msgs).toContain('Unhealthy: Liveness probe failed: HTTP probe failed with statuscode: 500');
    expect(msgs).toContain('Killing: Container app failed liveness probe, will be restarted');
    expect(eventsFor('sick').find((e) => e.reason === 'Unhealthy')?.count).toBeGreaterThanOrEqual(3);
  });

  it('is OOMKilled with exit code 137', async () => {
    c = startTestCluster({ speed: 40 });
    c.apply('pods', pod('oom', {}, { 'sim.pilothouse.dev/behavior': 'oomkill' }));
    const p = await c.until(() => {
      const x = c.get<Pod>('pods', 'default', 'oom');
      return x?.status?.containerStatuses?.[0]?.lastState.terminated?.reason === 'OOMKilled' ? x : undefined;
    }, 15_000);
    expect(p.status!.containerStatuses![0].lastState.terminated?.exitCode).toBe(137);
  });

  it('deletes gracefully: deletionTimestamp first, Killing, then gone', async () => {
    c = startTestCluster({ speed: 2 });
    c.apply('pods', pod('bye'));
    await c.until(() => c.get<Pod>('pods', 'default', 'bye')?.status?.phase === 'Running');
    c.ctx.api.delete('pods', 'default', 'bye');
    expect(c.get('pods', 'default', 'bye')?.metadata.deletionTimestamp).toBeTruthy();
    await c.until(() => !c.get('pods', 'default', 'bye'));
    expect(eventsFor('bye').some((e) => e.reason === 'Killing' && e.message === 'Stopping container app')).toBe(true);
  });
});

describe('garbage collection and namespaces', () => {
  const deployment = (name: string, ns = 'default'): KubeObject => ({
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: ns },
    spec: { replicas: 2, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } },
  });
  const running = (ns: string, n: number) => () => c.list<Pod>('pods', ns).filter((p) => p.status?.phase === 'Running').length === n;

  it('background deletion removes ReplicaSets and pods', async () => {
    c = startTestCluster({ speed: 50 });
    c.apply('deployments.apps', deployment('bg'));
    await c.until(running('default', 2));
    c.ctx.api.delete('deployments.apps', 'default', 'bg', { propagationPolicy: 'Background' });
    await c.until(() => c.list('replicasets.apps', 'default').length === 0 && c.list('pods', 'default').length === 0);
  });

  it('foreground deletion keeps the owner (with the finalizer) until dependents are gone', async () => {
    c = startTestCluster({ speed: 5 });
    c.apply('deployments.apps', deployment('fg'));
    await c.until(running('default', 2));
    c.ctx.api.delete('deployments.apps', 'default', 'fg', { propagationPolicy: 'Foreground' });
    const d = c.get('deployments.apps', 'default', 'fg');
    expect(d?.metadata.finalizers).toContain('foregroundDeletion');
    expect(d?.metadata.deletionTimestamp).toBeTruthy();
    await c.until(() => !c.get('deployments.apps', 'default', 'fg'), 15_000);
    expect(c.list('pods', 'default').length).toBe(0);
    expect(c.list('replicasets.apps', 'default').length).toBe(0);
  });

  it('orphan deletion leaves the ReplicaSet without its owner reference', async () => {
    c = startTestCluster({ speed: 50 });
    c.apply('deployments.apps', deployment('orph'));
    await c.until(running('default', 2));
    c.ctx.api.delete('deployments.apps', 'default', 'orph', { propagationPolicy: 'Orphan' });
    await c.until(() => !c.get('deployments.apps', 'default', 'orph'));
    const rs = c.list('replicasets.apps', 'default');
    expect(rs).toHaveLength(1);
    expect(rs[0].metadata.ownerReferences ?? []).toHaveLength(0);
    expect(c.list<Pod>('pods', 'default').filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(2);
  });

  it('a re-applied Deployment adopts its orphaned ReplicaSet and pods instead of starting over', async () => {
    c = startTestCluster({ speed: 50 });
    c.apply('deployments.apps', deployment('again'));
    await c.until(running('default', 2));
    const podsBefore = c.list<Pod>('pods', 'default').map((p) => p.metadata.name).sort();
    c.ctx.api.delete('deployments.apps', 'default', 'again', { propagationPolicy: 'Orphan' });
    await c.until(() => !c.get('deployments.apps', 'default', 'again') && c.list('replicasets.apps', 'default').every((rs) => !rs.metadata.ownerReferences?.length));
    c.apply('deployments.apps', deployment('again'));
    const rs = await c.until(() => {
      const l = c.list('replicasets.apps', 'default');
      return l.length === 1 && l[0].metadata.ownerReferences?.[0]?.kind === 'Deployment' ? l[0] : undefined;
    });
    await c.until(() => (c.get('deployments.apps', 'default', 'again')?.status as { availableReplicas?: number } | undefined)?.availableReplicas === 2);
    expect(c.list<Pod>('pods', 'default').map((p) => p.metadata.name).sort()).toEqual(podsBefore);
    expect(rs.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
  });

  it('a ReplicaSet adopts a matching bare pod as soon as it appears, then removes the surplus pod', async () => {
    c = startTestCluster({ speed: 50 });
    c.apply('deployments.apps', deployment('bare'));
    await c.until(running('default', 2));
    const podsBefore = c.list<Pod>('pods', 'default').map((p) => p.metadata.name).sort();
    const rs = c.list('replicasets.apps', 'default')[0] as KubeObject & { spec: { selector: { matchLabels: Record<string, string> } } };
    const rsName = rs.metadata.name ?? '';
    c.apply('pods', { ...pod('extra'), metadata: { name: 'extra', namespace: 'default', labels: rs.spec.selector.matchLabels } });
    // Nothing else changes, so only the bare pod's arrival can make the ReplicaSet look at it.
    await c.until(() => eventsFor(rsName).some((e) => e.reason === 'SuccessfulDelete' && String(e.message).includes('extra')));
    await c.until(() => !c.get('pods', 'default', 'extra'), 15_000);
    expect(c.list<Pod>('pods', 'default').map((p) => p.metadata.name).sort()).toEqual(podsBefore);
  });

  it('a Deployment adopts a matching ReplicaSet created without an owner, as an old one scaled to 0', async () => {
    c = startTestCluster({ speed: 50 });
    c.apply('deployments.apps', deployment('late'));
    // Settled: the Deployment has nothing left to sync for, so only the stray's arrival can wake it.
    await c.until(() => (c.get('deployments.apps', 'default', 'late')?.status as { conditions?: Array<{ reason: string }> } | undefined)?.conditions?.some((k) => k.reason === 'NewReplicaSetAvailable'));
    await new Promise((r) => setTimeout(r, 200));
    const labels = { app: 'late', variant: 'stray' };
    c.apply('replicasets.apps', {
      apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'late-stray', namespace: 'default', labels },
      spec: { replicas: 1, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'app', image: 'nginx:1.26' }] } } },
    });
    const adopted = await c.until(() => {
      const x = c.get('replicasets.apps', 'default', 'late-stray') as (KubeObject & { spec: { replicas: number } }) | undefined;
      return x?.metadata.ownerReferences?.[0]?.name === 'late' && x.spec.replicas === 0 ? x : undefined;
    });
    expect(adopted.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Deployment', controller: true });
    await c.until(running('default', 2));
  });

  it('namespace deletion goes Terminating, empties the namespace, then removes it', async () => {
    c = startTestCluster({ speed: 20 });
    c.apply('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    c.apply('deployments.apps', deployment('web', 'shop'));
    c.apply('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'shop' }, data: { a: '1' } });
    await c.until(running('shop', 2));
    c.ctx.api.delete('namespaces', '', 'shop');
    expect((c.get('namespaces', '', 'shop')?.status as { phase?: string }).phase).toBe('Terminating');
    await c.until(() => !c.get('namespaces', '', 'shop'), 15_000);
    expect(c.list('pods', 'shop')).toHaveLength(0);
    expect(c.list('configmaps', 'shop')).toHaveLength(0);
  });
});

describe('event TTL', () => {
  it('deletes events an hour (simulated) after they last happened', async () => {
    c = startTestCluster({ speed: 3600 });
    c.apply('pods', pod('short-lived-events'));
    await c.until(() => eventsFor('short-lived-events').length > 0);
    await c.until(() => c.get<Pod>('pods', 'default', 'short-lived-events')?.status?.phase === 'Running' && eventsFor('short-lived-events').length === 0, 15_000);
  });
});
