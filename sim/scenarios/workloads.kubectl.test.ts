/**
 * The living cluster through the real API and the real kubectl: rollouts, scale, restart,
 * undo, StatefulSet ordinals with bound PVCs, DaemonSets, Jobs, CronJobs, Service endpoints,
 * garbage collection and namespace deletion.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimWithKubectl, type SimWithKubectl } from './kubectlHarness';

let c: SimWithKubectl;
const apply = (yaml: string) => c.apply(yaml);
const namespace = (name: string) => apply(`apiVersion: v1\nkind: Namespace\nmetadata: {name: ${name}}\n`);
beforeAll(async () => {
  c = await startSimWithKubectl({ scenario: 'minimal', speed: 20 });
  await namespace('apps');
});
afterAll(async () => c?.stop());

const web = (image: string) => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: apps}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: ${image}
        ports: [{name: http, containerPort: 8080}]
        readinessProbe: {httpGet: {path: /healthz, port: http}, periodSeconds: 5}
`;

describe('Deployments with kubectl', () => {
  it('rolls out, scales, restarts and undoes', async () => {
    await apply(web('nginx:1.27'));
    const status = await c.kubectl('-n', 'apps', 'rollout', 'status', 'deployment/web', '--timeout=60s');
    expect(status).toContain('deployment "web" successfully rolled out');
    const pods = await c.kubectl('-n', 'apps', 'get', 'pods', '-l', 'app=web', '-o', 'jsonpath={range .items[*]}{.status.phase}{"\\n"}{end}');
    expect(pods.trim().split('\n')).toEqual(['Running', 'Running', 'Running']);

    await c.kubectl('-n', 'apps', 'scale', 'deployment/web', '--replicas=5');
    await c.kubectl('-n', 'apps', 'rollout', 'status', 'deployment/web', '--timeout=60s');
    await c.until(async () => (await c.kubectl('-n', 'apps', 'get', 'deploy', 'web', '-o', 'jsonpath={.status.availableReplicas}')) === '5');

    await c.kubectl('-n', 'apps', 'rollout', 'restart', 'deployment/web');
    expect(await c.kubectl('-n', 'apps', 'rollout', 'status', 'deployment/web', '--timeout=60s')).toContain('successfully rolled out');
    const rs = await c.kubectl('-n', 'apps', 'get', 'rs', '-o', 'jsonpath={range .items[*]}{.metadata.annotations.deployment\\.kubernetes\\.io/revision}={.spec.replicas} {end}');
    expect(rs.trim().split(' ').sort()).toEqual(['1=0', '2=5']);

    await apply(web('nginx:1.28'));
    await c.kubectl('-n', 'apps', 'rollout', 'status', 'deployment/web', '--timeout=60s');
    const history = await c.kubectl('-n', 'apps', 'rollout', 'history', 'deployment/web');
    expect(history).toMatch(/REVISION\s+CHANGE-CAUSE\n1\s.*\n2\s.*\n3\s/);
    await c.kubectl('-n', 'apps', 'rollout', 'undo', 'deployment/web');
    await c.kubectl('-n', 'apps', 'rollout', 'status', 'deployment/web', '--timeout=60s');
    const image = await c.until(async () => {
      const out = await c.kubectl('-n', 'apps', 'get', 'pods', '-l', 'app=web', '--field-selector=status.phase=Running', '-o', 'jsonpath={range .items[*]}{.spec.containers[0].image}{" "}{end}');
      const images = [...new Set(out.trim().split(' '))];
      return images.length === 1 && images[0] === 'nginx:1.27' ? images[0] : undefined;
    });
    expect(image).toBe('nginx:1.27');
    expect(await c.kubectl('-n', 'apps', 'get', 'deploy', 'web', '-o', 'jsonpath={.metadata.annotations.deployment\\.kubernetes\\.io/revision}')).toBe('4');
  }, 120_000);

  it('garbage-collects ReplicaSets and pods when a Deployment is deleted', async () => {
    await c.kubectl('-n', 'apps', 'delete', 'deployment', 'web', '--wait=true', '--timeout=60s');
    await c.until(async () => (await c.kubectl('-n', 'apps', 'get', 'rs,pods', '-l', 'app=web', '-o', 'name')).trim() === '');
  }, 60_000);
});

describe('other workloads with kubectl', () => {
  it('StatefulSet pods are created in order with PVCs bound by dynamic provisioning', async () => {
    await apply(`
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: standard, annotations: {storageclass.kubernetes.io/is-default-class: "true"}}
provisioner: rancher.io/local-path
volumeBindingMode: WaitForFirstConsumer
---
apiVersion: v1
kind: Service
metadata: {name: db, namespace: apps}
spec: {clusterIP: None, selector: {app: db}, ports: [{port: 5432}]}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: apps}
spec:
  replicas: 3
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: pg, image: postgres:16.4}]}
  volumeClaimTemplates:
  - metadata: {name: data}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`);
    expect(await c.kubectl('-n', 'apps', 'rollout', 'status', 'statefulset/db', '--timeout=90s')).toContain('partitioned roll out complete: 3 new pods have been updated');
    const pvcs = await c.kubectl('-n', 'apps', 'get', 'pvc', '-o', 'jsonpath={range .items[*]}{.metadata.name}={.status.phase} {end}');
    expect(pvcs.trim().split(' ').sort()).toEqual(['data-db-0=Bound', 'data-db-1=Bound', 'data-db-2=Bound']);
    const pods = await c.kubectl('-n', 'apps', 'get', 'pods', '-l', 'app=db', '-o', 'name');
    expect(pods.trim().split('\n').sort()).toEqual(['pod/db-0', 'pod/db-1', 'pod/db-2']);
    const pvs = await c.kubectl('get', 'pv', '-o', 'jsonpath={range .items[*]}{.status.phase} {end}');
    expect(pvs.trim().split(' ')).toEqual(['Bound', 'Bound', 'Bound']);
  }, 120_000);

  it('DaemonSet runs one pod per node', async () => {
    await apply(`
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: apps}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec: {containers: [{name: agent, image: fluent/fluent-bit:3.1}]}
`);
    expect(await c.kubectl('-n', 'apps', 'rollout', 'status', 'daemonset/agent', '--timeout=60s')).toContain('daemon set "agent" successfully rolled out');
    const nodes = await c.kubectl('-n', 'apps', 'get', 'pods', '-l', 'app=agent', '-o', 'jsonpath={range .items[*]}{.spec.nodeName} {end}');
    expect(nodes.trim().split(' ').sort()).toEqual(['node-1', 'node-2', 'node-3']);
  }, 60_000);

  it('Job runs to completion and a CronJob spawns Jobs', async () => {
    await apply(`
apiVersion: batch/v1
kind: Job
metadata: {name: pi, namespace: apps}
spec:
  completions: 2
  template:
    metadata: {annotations: {sim.pilothouse.dev/run-seconds: "3"}}
    spec: {restartPolicy: Never, containers: [{name: pi, image: perl:5.34, command: [perl, -Mbignum=bpi, -wle, "print bpi(200)"]}]}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: tick, namespace: apps}
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        spec: {restartPolicy: OnFailure, containers: [{name: tick, image: busybox:1.36, command: [date]}]}
`);
    await c.kubectl('-n', 'apps', 'wait', '--for=condition=complete', 'job/pi', '--timeout=60s');
    expect(await c.kubectl('-n', 'apps', 'get', 'job', 'pi', '-o', 'jsonpath={.status.succeeded}')).toBe('2');
    const spawned = await c.until(async () => (await c.kubectl('-n', 'apps', 'get', 'jobs', '-o', 'name')).split('\n').find((n) => n.startsWith('job.batch/tick-')), 30_000);
    expect(spawned).toMatch(/^job\.batch\/tick-\d+$/);
    expect(await c.kubectl('-n', 'apps', 'get', 'cronjob', 'tick', '-o', 'jsonpath={.status.lastScheduleTime}')).toMatch(/^\d{4}-\d\d-\d\dT/);
  }, 90_000);

  it('Service endpoints follow pod readiness', async () => {
    await apply(`
apiVersion: v1
kind: Service
metadata: {name: api, namespace: apps}
spec: {selector: {app: api}, ports: [{name: http, port: 80, targetPort: 8080}]}
---
apiVersion: v1
kind: Pod
metadata: {name: api-ok, namespace: apps, labels: {app: api}}
spec: {containers: [{name: api, image: nginx:1.27, readinessProbe: {httpGet: {path: /, port: 8080}}}]}
---
apiVersion: v1
kind: Pod
metadata: {name: api-sick, namespace: apps, labels: {app: api}, annotations: {sim.pilothouse.dev/behavior: readiness-fail}}
spec: {containers: [{name: api, image: nginx:1.27, readinessProbe: {httpGet: {path: /, port: 8080}}}]}
`);
    const ready = await c.until(async () => {
      const out = await c.kubectl('-n', 'apps', 'get', 'endpoints', 'api', '-o', 'jsonpath={.subsets[0].addresses[*].targetRef.name}|{.subsets[0].notReadyAddresses[*].targetRef.name}');
      return out === 'api-ok|api-sick' ? out : undefined;
    });
    expect(ready).toBe('api-ok|api-sick');
    const slices = await c.kubectl('-n', 'apps', 'get', 'endpointslices', '-l', 'kubernetes.io/service-name=api', '-o', 'jsonpath={range .items[0].endpoints[*]}{.targetRef.name}={.conditions.ready} {end}');
    expect(slices.trim().split(' ').sort()).toEqual(['api-ok=true', 'api-sick=false']);
    await c.kubectl('-n', 'apps', 'delete', 'pod', 'api-ok', '--wait=true');
    await c.until(async () => (await c.kubectl('-n', 'apps', 'get', 'endpoints', 'api', '-o', 'jsonpath={.subsets[0].addresses}')) === '');
  }, 60_000);

  it('deleting a namespace shows Terminating, deletes its contents, then the namespace', async () => {
    await namespace('doomed');
    // A slow-stopping pod (uses its 60 s grace period, 3 s at speed 20) keeps the namespace Terminating a moment.
    await apply(web('nginx:1.27').replace('namespace: apps', 'namespace: doomed').replace('metadata: {labels: {app: web}}', 'metadata: {labels: {app: web}, annotations: {sim.pilothouse.dev/behavior: slow-shutdown}}').replace('    spec:\n      containers:', '    spec:\n      terminationGracePeriodSeconds: 60\n      containers:'));
    await c.kubectl('-n', 'doomed', 'rollout', 'status', 'deployment/web', '--timeout=60s');
    await c.kubectl('delete', 'namespace', 'doomed', '--wait=false');
    expect(await c.kubectl('get', 'namespace', 'doomed', '-o', 'jsonpath={.status.phase}')).toBe('Terminating');
    await c.until(async () => (await c.kubectlResult('get', 'namespace', 'doomed')).stderr.includes('NotFound'), 30_000);
  }, 90_000);
});
