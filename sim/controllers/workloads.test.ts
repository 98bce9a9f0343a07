import { afterEach, describe, expect, it } from 'vitest';
import { startTestCluster, testNode, type TestCluster } from './testCluster';
import type { KubeObject, Pod } from './model';

let c: TestCluster;
afterEach(() => c?.stop());

type WithStatus = KubeObject & { status?: Record<string, unknown>; spec?: Record<string, unknown> };
const container = (image = 'busybox:1.36', extra: Record<string, unknown> = {}) => ({ name: 'main', image, ...extra });
const storageClass = (name: string, isDefault: boolean): KubeObject => ({
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name, annotations: isDefault ? { 'storageclass.kubernetes.io/is-default-class': 'true' } : {} },
  provisioner: 'rancher.io/local-path',
  reclaimPolicy: 'Delete',
  volumeBindingMode: 'WaitForFirstConsumer',
} as KubeObject);

describe('StatefulSet', () => {
  it('creates ordinal pods in order with bound PVCs per volumeClaimTemplate', async () => {
    c = startTestCluster({ speed: 50 });
    c.apply('storageclasses.storage.k8s.io', storageClass('standard', true));
    c.apply('statefulsets.apps', {
      apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db', namespace: 'default' },
      spec: {
        replicas: 3, serviceName: 'db', selector: { matchLabels: { app: 'db' } },
        template: { metadata: { labels: { app: 'db' } }, spec: { containers: [container('postgres:16')] } },
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      },
    });
    await c.until(() => (c.get<WithStatus>('statefulsets.apps', 'default', 'db')?.status?.readyReplicas === 3 ? true : undefined));
    const pods = c.list<Pod>('pods', 'default').sort((a, b) => (a.metadata.creationTimestamp! < b.metadata.creationTimestamp! ? -1 : 1));
    expect(pods.map((p) => p.metadata.name).sort()).toEqual(['db-0', 'db-1', 'db-2']);
    expect(pods[0].spec.hostname).toBe('db-0');
    const claims = await c.until(() => {
      const l = c.list<WithStatus>('persistentvolumeclaims', 'default');
      return l.length === 3 && l.every((x) => x.status?.phase === 'Bound') ? l : undefined;
    });
    expect(claims.map((x) => x.metadata.name).sort()).toEqual(['data-db-0', 'data-db-1', 'data-db-2']);
    const pvs = c.list<WithStatus>('persistentvolumes');
    expect(pvs).toHaveLength(3);
    for (const pv of pvs) expect(pv.status?.phase).toBe('Bound');
    const reasons = c.list('events', 'default').map((e) => e.reason);
    expect(reasons).toContain('ProvisioningSucceeded');
    // Ordered: db-1 was created only after db-0 was Running.
    const created = c.list('events', 'default').filter((e) => e.reason === 'SuccessfulCreate' && String(e.message).startsWith('create Pod')).map((e) => e.message);
    expect(created).toEqual(['create Pod db-0 in StatefulSet db successful', 'create Pod db-1 in StatefulSet db successful', 'create Pod db-2 in StatefulSet db successful']);
  });
});

describe('StatefulSet rolling update', () => {
  it('replaces pods from the highest ordinal and ends with currentRevision = updateRevision', async () => {
    c = startTestCluster({ speed: 50 });
    c.apply('statefulsets.apps', {
      apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'web', namespace: 'default' },
      spec: { replicas: 3, serviceName: 'web', selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [container('nginx:1.27')] } } },
    });
    await c.until(() => (c.get<WithStatus>('statefulsets.apps', 'default', 'web')?.status?.readyReplicas === 3 ? true : undefined));
    const deletions: string[] = [];
    const unwatch = c.ctx.store.watch('pods', { namespace: 'default' }, (ev) => {
      if (ev.type === 'MODIFIED' && ev.object.json.includes('"deletionTimestamp"') && !ev.prev?.json.includes('"deletionTimestamp"')) deletions.push(ev.object.name);
    });
    c.ctx.api.patch('statefulsets.apps', 'default', 'web', 'strategic', { spec: { template: { spec: { containers: [{ name: 'main', image: 'nginx:1.28' }] } } } });
    const sts = await c.until(() => {
      const s = c.get<WithStatus>('statefulsets.apps', 'default', 'web');
      const fresh = s?.status?.observedGeneration === s?.metadata.generation;
      return fresh && s?.status?.updatedReplicas === 3 && s.status.readyReplicas === 3 && s.status.currentRevision === s.status.updateRevision ? s : undefined;
    }, 20_000);
    unwatch();
    expect(deletions).toEqual(['web-2', 'web-1', 'web-0']);
    expect(sts.status?.currentRevision).toMatch(/^web-/);
    for (const p of c.list<Pod>('pods', 'default')) expect(p.spec.containers[0].image).toBe('nginx:1.28');
  });
});

describe('DaemonSet', () => {
  it('runs one pod per schedulable node, skipping a tainted control plane', async () => {
    c = startTestCluster({ speed: 50, nodes: 3 });
    c.ctx.api.create('nodes', testNode('cp-1', { spec: { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } }, 9) as never);
    c.apply('daemonsets.apps', {
      apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', namespace: 'kube-system' },
      spec: { selector: { matchLabels: { app: 'agent' } }, template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [container('fluent/fluent-bit:3.1')] } } },
    });
    const ds = await c.until(() => {
      const d = c.get<WithStatus>('daemonsets.apps', 'kube-system', 'agent');
      return d?.status?.numberReady === 3 ? d : undefined;
    });
    expect(ds.status?.desiredNumberScheduled).toBe(3);
    const nodes = c.list<Pod>('pods', 'kube-system').map((p) => p.spec.nodeName).sort();
    expect(nodes).toEqual(['node-1', 'node-2', 'node-3']);
  });
});

describe('Job and CronJob', () => {
  it('runs a Job to completion with parallelism', async () => {
    c = startTestCluster({ speed: 50 });
    c.apply('jobs.batch', {
      apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi', namespace: 'default', annotations: {} },
      spec: { completions: 3, parallelism: 2, template: { metadata: { annotations: { 'sim.pilothouse.dev/run-seconds': '2' } }, spec: { restartPolicy: 'Never', containers: [container('perl:5.34')] } } },
    });
    const job = await c.until(() => {
      const j = c.get<WithStatus>('jobs.batch', 'default', 'pi');
      return (j?.status?.conditions as Array<{ type: string }> | undefined)?.some((x) => x.type === 'Complete') ? j : undefined;
    });
    expect(job.status?.succeeded).toBe(3);
    const pods = c.list<Pod>('pods', 'default');
    expect(pods).toHaveLength(3);
    for (const p of pods) expect(p.status?.phase).toBe('Succeeded');
    expect(c.list('events', 'default').some((e) => e.reason === 'Completed' && e.message === 'Job completed')).toBe(true);
  });

  it('fails a Job past its backoffLimit with pods in Error', async () => {
    c = startTestCluster({ speed: 200 });
    c.apply('jobs.batch', {
      apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'broken', namespace: 'default' },
      spec: { backoffLimit: 1, template: { spec: { restartPolicy: 'Never', containers: [container('busybox:1.36', { command: ['sh', '-c', 'echo boom; exit 1'] })] } } },
    });
    const job = await c.until(() => {
      const j = c.get<WithStatus>('jobs.batch', 'default', 'broken');
      return (j?.status?.conditions as Array<{ type: string }> | undefined)?.some((x) => x.type === 'Failed') ? j : undefined;
    }, 20_000);
    expect(job.status?.failed).toBe(2);
    const pods = c.list<Pod>('pods', 'default');
    expect(pods.length).toBe(2);
    for (const p of pods) {
      expect(p.status?.phase).toBe('Failed');
      expect(p.status?.containerStatuses?.[0].state.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    }
    expect(c.list('events', 'default').some((e) => e.reason === 'BackoffLimitExceeded')).toBe(true);
  });

  it('spawns Jobs on schedule and honours suspend', async () => {
    c = startTestCluster({ speed: 120 });
    const cron = (name: string, suspend: boolean): KubeObject => ({
      apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name, namespace: 'default' },
      spec: { schedule: '* * * * *', suspend, jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [container()] } } } } },
    });
    c.apply('cronjobs.batch', cron('tick', false));
    c.apply('cronjobs.batch', cron('paused', true));
    const job = await c.until(() => c.list('jobs.batch', 'default').find((j) => j.metadata.name?.startsWith('tick-')), 5000);
    expect(job.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'CronJob', name: 'tick', controller: true });
    await c.until(() => c.get<WithStatus>('cronjobs.batch', 'default', 'tick')?.status?.lastScheduleTime);
    expect(c.list('jobs.batch', 'default').some((j) => j.metadata.name?.startsWith('paused-'))).toBe(false);
  });
});

describe('CronJob history', () => {
  it('keeps only successfulJobsHistoryLimit finished Jobs', async () => {
    c = startTestCluster({ speed: 600 });
    c.apply('cronjobs.batch', {
      apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'often', namespace: 'default' },
      spec: {
        schedule: '* * * * *', successfulJobsHistoryLimit: 1,
        jobTemplate: { spec: { template: { metadata: { annotations: { 'sim.pilothouse.dev/run-seconds': '1' } }, spec: { restartPolicy: 'Never', containers: [container()] } } } },
      },
    });
    await c.until(() => c.list('events', 'default').filter((e) => e.reason === 'SawCompletedJob').length >= 3, 20_000);
    await c.until(() => c.list('events', 'default').some((e) => e.reason === 'SuccessfulDelete' && String(e.message).startsWith('Deleted job often-')), 10_000);
    const done = c.list<WithStatus>('jobs.batch', 'default').filter((j) => (j.status?.conditions as Array<{ type: string }> | undefined)?.some((x) => x.type === 'Complete'));
    expect(done.length).toBeLessThanOrEqual(2);
    expect(c.get<WithStatus>('cronjobs.batch', 'default', 'often')?.status?.lastSuccessfulTime).toBeTruthy();
  });
});

describe('Services', () => {
  it('keeps Endpoints and EndpointSlices in step with pod readiness', async () => {
    c = startTestCluster({ speed: 50 });
    c.apply('services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] } });
    const pod = (name: string, behaviour?: string): KubeObject => ({
      apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels: { app: 'web' }, annotations: behaviour ? { 'sim.pilothouse.dev/behavior': behaviour } : {} },
      spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 8080 }], readinessProbe: { httpGet: { path: '/', port: 8080 } } }] },
    });
    c.apply('pods', pod('ready-1'));
    c.apply('pods', pod('never-ready', 'readiness-fail'));
    const ep = await c.until(() => {
      const e = c.get<KubeObject & { subsets?: Array<{ addresses?: Array<{ targetRef: { name: string } }>; notReadyAddresses?: Array<{ targetRef: { name: string } }>; ports: Array<{ port: number }> }> }>('endpoints', 'default', 'web');
      return e?.subsets?.[0]?.addresses?.length === 1 && e.subsets[0].notReadyAddresses?.length === 1 ? e : undefined;
    });
    expect(ep.subsets![0].addresses![0].targetRef.name).toBe('ready-1');
    expect(ep.subsets![0].ports[0].port).toBe(8080);
    const slice = c.list<KubeObject & { endpoints: Array<{ conditions: { ready: boolean } }> }>('endpointslices.discovery.k8s.io', 'default')[0];
    expect(slice.metadata.labels?.['kubernetes.io/service-name']).toBe('web');
    expect(slice.endpoints.map((e) => e.conditions.ready).sort()).toEqual([false, true]);
    await c.until(() => c.list('events', 'default').some((e) => e.reason === 'Unhealthy' && String(e.message).startsWith('Readiness probe failed')));
    c.ctx.api.delete('pods', 'default', 'ready-1');
    await c.until(() => !c.get<KubeObject & { subsets?: Array<{ addresses?: unknown[] }> }>('endpoints', 'default', 'web')?.subsets?.[0]?.addresses);
  });
});
