/**
 * kubectl's imperative commands send their objects as protobuf (its typed clientset). Proof that
 * the simulator decodes them: run each command with the real /usr/bin/kubectl (checking in its
 * -v=8 log that the body really went as application/vnd.kubernetes.protobuf), then read the
 * object back with `kubectl get -o json` and check the fields the command set. Bodies the
 * simulator cannot decode are answered with a Status that says what was not understood.
 */
import protobuf from 'protobufjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimWithKubectl, type SimWithKubectl } from '../../scenarios/kubectlHarness';
import { request } from '../../server/testing';

const NS = 'pb';
let c: SimWithKubectl;

beforeAll(async () => {
  c = await startSimWithKubectl({ scenario: 'minimal', speed: 20 });
  await c.kubectl('create', 'namespace', NS);
});
afterAll(async () => c?.stop());

/** Runs a kubectl command that must succeed and must have sent a protobuf request body. */
async function viaProtobuf(...args: string[]): Promise<{ stdout: string; log: string }> {
  const r = await c.kubectlResult('-v=8', ...args);
  expect(r.code, r.stderr.slice(-2000)).toBe(0);
  expect(r.stderr).toContain('Content-Type: application/vnd.kubernetes.protobuf');
  return { stdout: r.stdout, log: r.stderr };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const getJson = async (...args: string[]): Promise<any> => JSON.parse(await c.kubectl('get', ...args, '-o', 'json'));

describe('kubectl imperative commands (protobuf bodies)', () => {
  it('create namespace: protobuf request, JSON response accepted', async () => {
    const { stdout, log } = await viaProtobuf('create', 'namespace', 'pb-ns');
    expect(stdout).toContain('namespace/pb-ns created');
    // kubectl asks for protobuf first but lists JSON as a fallback; the simulator answers JSON.
    expect(log).toContain('Accept: application/vnd.kubernetes.protobuf,application/json');
    expect(log).toMatch(/Response Status: 201 Created[\s\S]*Content-Type: application\/json/);
    const ns = await getJson('namespace', 'pb-ns');
    expect(ns.metadata.name).toBe('pb-ns');
    expect(ns.metadata.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(ns.status.phase).toBe('Active');
  });

  it('create deployment: image, replicas, port, labels; the controllers run it', async () => {
    await viaProtobuf('-n', NS, 'create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=3', '--port=8080');
    const d = await getJson('-n', NS, 'deployment', 'web');
    expect(d.metadata.labels).toEqual({ app: 'web' });
    expect(d.spec.replicas).toBe(3);
    expect(d.spec.selector).toEqual({ matchLabels: { app: 'web' } });
    expect(d.spec.template.metadata.labels).toEqual({ app: 'web' });
    const [container] = d.spec.template.spec.containers;
    expect(container).toMatchObject({ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 8080, protocol: 'TCP' }] });
    await c.until(async () => (await getJson('-n', NS, 'deployment', 'web')).status?.readyReplicas === 3, 20_000);
  });

  it('create deployment --replicas=0 keeps an explicit zero (a pointer field)', async () => {
    await viaProtobuf('-n', NS, 'create', 'deployment', 'idle', '--image=nginx', '--replicas=0');
    expect((await getJson('-n', NS, 'deployment', 'idle')).spec.replicas).toBe(0);
  });

  it('create configmap and secrets: data, base64 secret values, secret type', async () => {
    await viaProtobuf('-n', NS, 'create', 'configmap', 'settings', '--from-literal=mode=fast', '--from-literal=greeting=hello world');
    expect((await getJson('-n', NS, 'configmap', 'settings')).data).toEqual({ mode: 'fast', greeting: 'hello world' });

    await viaProtobuf('-n', NS, 'create', 'secret', 'generic', 'creds', '--from-literal=password=s3cr3t!', '--from-literal=user=admin');
    const secret = await getJson('-n', NS, 'secret', 'creds');
    expect(secret.type).toBe('Opaque');
    expect(Buffer.from(secret.data.password, 'base64').toString()).toBe('s3cr3t!');
    expect(Buffer.from(secret.data.user, 'base64').toString()).toBe('admin');

    await viaProtobuf('-n', NS, 'create', 'secret', 'docker-registry', 'registry', '--docker-server=r.example.com', '--docker-username=u', '--docker-password=p');
    const reg = await getJson('-n', NS, 'secret', 'registry');
    expect(reg.type).toBe('kubernetes.io/dockerconfigjson');
    expect(JSON.parse(Buffer.from(reg.data['.dockerconfigjson'], 'base64').toString()).auths['r.example.com'].username).toBe('u');
  });

  it('create job and cronjob: command, restart policy, schedule', async () => {
    await viaProtobuf('-n', NS, 'create', 'job', 'once', '--image=busybox:1.36', '--', 'echo', 'hi');
    const job = await getJson('-n', NS, 'job', 'once');
    expect(job.spec.template.spec.containers[0]).toMatchObject({ name: 'once', image: 'busybox:1.36', command: ['echo', 'hi'] });
    expect(job.spec.template.spec.restartPolicy).toBe('Never');

    await viaProtobuf('-n', NS, 'create', 'cronjob', 'nightly', '--image=busybox:1.36', '--schedule=*/5 * * * *', '--restart=OnFailure', '--', 'date');
    const cj = await getJson('-n', NS, 'cronjob', 'nightly');
    expect(cj.spec.schedule).toBe('*/5 * * * *');
    const pod = cj.spec.jobTemplate.spec.template.spec;
    expect(pod.containers[0]).toMatchObject({ image: 'busybox:1.36', command: ['date'] });
    expect(pod.restartPolicy).toBe('OnFailure');
  });

  it('create service clusterip/nodeport/externalname: ports, target ports, node port', async () => {
    await viaProtobuf('-n', NS, 'create', 'service', 'clusterip', 'api', '--tcp=80:8080', '--tcp=443:8443');
    const api = await getJson('-n', NS, 'service', 'api');
    expect(api.spec.type).toBe('ClusterIP');
    expect(api.spec.selector).toEqual({ app: 'api' });
    expect(api.spec.clusterIP).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(api.spec.ports).toEqual([
      { name: '80-8080', port: 80, protocol: 'TCP', targetPort: 8080 },
      { name: '443-8443', port: 443, protocol: 'TCP', targetPort: 8443 },
    ]);

    await viaProtobuf('-n', NS, 'create', 'service', 'nodeport', 'edge', '--tcp=80:8080', '--node-port=30080');
    const edge = await getJson('-n', NS, 'service', 'edge');
    expect(edge.spec.type).toBe('NodePort');
    expect(edge.spec.ports[0]).toMatchObject({ port: 80, targetPort: 8080, nodePort: 30080 });

    await viaProtobuf('-n', NS, 'create', 'service', 'externalname', 'upstream', '--external-name=example.com');
    const ext = await getJson('-n', NS, 'service', 'upstream');
    expect(ext.spec).toMatchObject({ type: 'ExternalName', externalName: 'example.com' });
  });

  it('create serviceaccount, role, rolebinding, clusterrole, clusterrolebinding', async () => {
    await viaProtobuf('-n', NS, 'create', 'serviceaccount', 'robot');
    expect((await getJson('-n', NS, 'serviceaccount', 'robot')).metadata.name).toBe('robot');

    await viaProtobuf('-n', NS, 'create', 'role', 'reader', '--verb=get,list', '--resource=pods,configmaps');
    const role = await getJson('-n', NS, 'role', 'reader');
    expect(role.rules).toEqual([{ apiGroups: [''], resources: ['pods', 'configmaps'], verbs: ['get', 'list'] }]);

    await viaProtobuf('-n', NS, 'create', 'rolebinding', 'reader-binding', '--role=reader', '--user=bob', `--serviceaccount=${NS}:robot`);
    const rb = await getJson('-n', NS, 'rolebinding', 'reader-binding');
    expect(rb.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'reader' });
    expect(rb.subjects).toEqual([
      { apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'bob' },
      { kind: 'ServiceAccount', name: 'robot', namespace: NS },
    ]);

    await viaProtobuf('create', 'clusterrole', 'pb-node-reader', '--verb=get,list', '--resource=nodes', '--resource-name=node-1');
    const cr = await getJson('clusterrole', 'pb-node-reader');
    expect(cr.rules).toEqual([{ apiGroups: [''], resources: ['nodes'], resourceNames: ['node-1'], verbs: ['get', 'list'] }]);

    await viaProtobuf('create', 'clusterrolebinding', 'pb-node-readers', '--clusterrole=pb-node-reader', '--group=ops');
    const crb = await getJson('clusterrolebinding', 'pb-node-readers');
    expect(crb.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'pb-node-reader' });
    expect(crb.subjects).toEqual([{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'ops' }]);
  });

  it('create quota and poddisruptionbudget: quantities, int-or-string (percent and zero)', async () => {
    await viaProtobuf('-n', NS, 'create', 'quota', 'small', '--hard=pods=10,requests.cpu=500m,requests.memory=1Gi');
    expect((await getJson('-n', NS, 'resourcequota', 'small')).spec.hard).toEqual({ pods: '10', 'requests.cpu': '500m', 'requests.memory': '1Gi' });

    await viaProtobuf('-n', NS, 'create', 'poddisruptionbudget', 'web-pdb', '--selector=app=web', '--min-available=50%');
    const pdb = await getJson('-n', NS, 'poddisruptionbudget', 'web-pdb');
    expect(pdb.spec).toEqual({ minAvailable: '50%', selector: { matchLabels: { app: 'web' } } });

    await viaProtobuf('-n', NS, 'create', 'poddisruptionbudget', 'strict-pdb', '--selector=app=web', '--max-unavailable=0');
    expect((await getJson('-n', NS, 'poddisruptionbudget', 'strict-pdb')).spec.maxUnavailable).toBe(0);
  });

  it('create ingress: class, rules, path types, TLS, default backend', async () => {
    await viaProtobuf('-n', NS, 'create', 'ingress', 'shop', '--class=nginx', '--rule=shop.example.com/api*=api:80,tls=shop-tls', '--rule=shop.example.com/health=api:http', '--default-backend=api:80');
    const ing = await getJson('-n', NS, 'ingress', 'shop');
    expect(ing.spec.ingressClassName).toBe('nginx');
    expect(ing.spec.defaultBackend).toEqual({ service: { name: 'api', port: { number: 80 } } });
    expect(ing.spec.tls).toEqual([{ hosts: ['shop.example.com'], secretName: 'shop-tls' }]);
    expect(ing.spec.rules).toEqual([
      {
        host: 'shop.example.com',
        http: {
          paths: [
            { path: '/api', pathType: 'Prefix', backend: { service: { name: 'api', port: { number: 80 } } } },
            { path: '/health', pathType: 'Exact', backend: { service: { name: 'api', port: { name: 'http' } } } },
          ],
        },
      },
    ]);
  });

  it('create priorityclass: value and description', async () => {
    await viaProtobuf('create', 'priorityclass', 'pb-high', '--value=1000', '--description=important');
    expect(await getJson('priorityclass', 'pb-high')).toMatchObject({ value: 1000, description: 'important' });
  });

  it('auth can-i --list sends a protobuf SelfSubjectRulesReview', async () => {
    const { stdout } = await viaProtobuf('-n', NS, 'auth', 'can-i', '--list');
    expect(stdout).toMatch(/^\*\.\*\s+\[\]\s+\[\]\s+\[\*\]$/m);
  });

  it('kubectl run and kubectl expose (these send JSON) work alongside', async () => {
    await c.kubectl('-n', NS, 'run', 'shell', '--image=busybox:1.36', '--labels=tier=debug', '--', 'sleep', '3600');
    const pod = await getJson('-n', NS, 'pod', 'shell');
    expect(pod.metadata.labels).toEqual({ tier: 'debug' });
    expect(pod.spec.containers[0]).toMatchObject({ image: 'busybox:1.36', args: ['sleep', '3600'] });

    await c.kubectl('-n', NS, 'expose', 'deployment', 'web', '--port=80', '--target-port=8080', '--name=web-svc');
    const svc = await getJson('-n', NS, 'service', 'web-svc');
    expect(svc.spec.selector).toEqual({ app: 'web' });
    expect(svc.spec.ports[0]).toMatchObject({ port: 80, targetPort: 8080 });
  });
});

// --- bodies the simulator cannot decode: hand-assembled wire bytes, sent over real HTTPS ---

type Part = [field: number, value: string | number | Uint8Array];
/** A protobuf message: numbers as varints, strings and nested messages length-delimited. */
function message(...parts: Part[]): Uint8Array {
  const w = protobuf.Writer.create();
  for (const [field, value] of parts) {
    if (typeof value === 'number') {
      w.uint32(field << 3).int64(value);
      continue;
    }
    w.uint32((field << 3) | 2);
    if (typeof value === 'string') w.string(value);
    else w.bytes(value);
  }
  return w.finish();
}
const envelope = (apiVersion: string, kind: string, raw: Uint8Array) =>
  Buffer.concat([Buffer.from('k8s\0', 'latin1'), message([1, message([1, apiVersion], [2, kind])], [2, raw])]);
const post = (path: string, body: Buffer) => request(c.sim, 'POST', path, { body, contentType: 'application/vnd.kubernetes.protobuf' });

describe('protobuf bodies assembled by hand (field numbers from k8s.io/api generated.proto)', () => {
  it('evicts a pod with a protobuf Eviction whose DeleteOptions ask for grace period 0', async () => {
    // slow-shutdown: the simulated kubelet uses the whole grace period, so only grace 0 removes the pod at once.
    await c.kubectl('-n', NS, 'run', 'evictee', '--image=busybox:1.36', '--annotations=sim.pilothouse.dev/behavior=slow-shutdown', '--', 'sleep', '3600');
    await c.until(async () => (await getJson('-n', NS, 'pod', 'evictee')).status.phase === 'Running');
    // Eviction {1: metadata {1: name, 3: namespace}, 2: deleteOptions {1: gracePeriodSeconds}}
    const eviction = message([1, message([1, 'evictee'], [3, NS])], [2, message([1, 0])]);
    const res = await post(`/api/v1/namespaces/${NS}/pods/evictee/eviction`, envelope('policy/v1', 'Eviction', eviction));
    expect(res.status, res.body).toBe(201);
    // Without the (pointer) zero, the pod would stay Terminating for its 30 s grace period.
    expect((await c.kubectlResult('-n', NS, 'get', 'pod', 'evictee')).stderr).toContain('NotFound');
  });
});

describe('protobuf bodies the simulator does not understand', () => {
  it('names an unmodelled field (a liveness probe in a Deployment) with a 415 and creates nothing', async () => {
    const container = message([1, 'c'], [2, 'nginx'], [10, message()]);
    const deployment = message([1, message([1, 'probed'])], [2, message([3, message([2, message([2, container])])])]);
    const res = await post(`/apis/apps/v1/namespaces/${NS}/deployments`, envelope('apps/v1', 'Deployment', deployment));
    expect(res.status).toBe(415);
    expect(res.json()).toMatchObject({ kind: 'Status', reason: 'UnsupportedMediaType', code: 415 });
    expect(res.json<{ message: string }>().message).toContain('spec.template.spec.containers[].livenessProbe');
    expect((await c.kubectlResult('-n', NS, 'get', 'deployment', 'probed')).code).not.toBe(0);
  });

  it('names an unknown field number with a 415', async () => {
    const configMap = message([1, message([1, 'odd'])], [99, 'surprise']);
    const res = await post(`/api/v1/namespaces/${NS}/configmaps`, envelope('v1', 'ConfigMap', configMap));
    expect(res.status).toBe(415);
    expect(res.json<{ message: string }>().message).toContain('field number 99 of k8s.io.api.core.v1.ConfigMap');
  });

  it('names a kind it does not decode with a 415', async () => {
    const res = await post(`/apis/apps/v1/namespaces/${NS}/statefulsets`, envelope('apps/v1', 'StatefulSet', message([1, message([1, 'db'])])));
    expect(res.status).toBe(415);
    expect(res.json<{ message: string }>().message).toContain('kind StatefulSet (apiVersion apps/v1)');
  });

  it('answers 400 to bytes without the k8s magic and to truncated messages', async () => {
    const noMagic = await post(`/api/v1/namespaces/${NS}/configmaps`, Buffer.from('{"kind":"ConfigMap"}'));
    expect(noMagic.status).toBe(400);
    expect(noMagic.json<{ message: string }>().message).toContain('expected prefix [107 56 115 0]');

    const whole = envelope('v1', 'ConfigMap', message([1, message([1, 'cut'])]));
    const truncated = await post(`/api/v1/namespaces/${NS}/configmaps`, whole.subarray(0, whole.length - 3));
    expect(truncated.status).toBe(400);
    expect(truncated.json()).toMatchObject({ reason: 'BadRequest' });
    expect(truncated.json<{ message: string }>().message).toContain('malformed protobuf body');
  });
});
