/**
 * The simulator driven by the real /usr/bin/kubectl (which picks the 1.32 client from /version).
 * One simulator for the whole file; controllers off so the API layer is what is tested.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSim, type RunningSim } from '../index';
import { kubectlRunner } from './testing';

let sim: RunningSim;
let kubectl: ReturnType<typeof kubectlRunner>;
const dir = mkdtempSync(join(tmpdir(), 'sim-kubectl-test-'));

const deployment = (replicas: number, image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  labels: {app: web}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: ${image}
        ports: [{containerPort: 8080}]
        env: [{name: MODE, value: prod}]
`;

beforeAll(async () => {
  sim = await startSim({ scenario: 'empty', controllers: false });
  kubectl = kubectlRunner(sim);
  sim.ctx.api.create('namespaces', { metadata: { name: 'shop' } });
  sim.ctx.api.create('nodes', { metadata: { name: 'node-a', labels: { 'node-role.kubernetes.io/control-plane': '' } }, status: { conditions: [{ type: 'Ready', status: 'True' }], nodeInfo: { kubeletVersion: 'v1.32.4' } } });
  for (const [ns, name] of [['shop', 'cart'], ['default', 'tool']]) {
    const pod = sim.ctx.api.create('pods', { metadata: { name, namespace: ns, labels: { app: name } }, spec: { containers: [{ name: 'main', image: 'busybox:1.36' }], nodeName: 'node-a' } });
    sim.ctx.api.update('pods', { ...pod, status: { phase: 'Running', podIP: '10.244.0.7', containerStatuses: [{ name: 'main', ready: true, restartCount: 2, state: { running: {} }, lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: new Date(Date.now() - 120_000).toISOString() } } }] } }, { subresource: 'status' });
  }
}, 60_000);

afterAll(async () => {
  await sim?.stop();
});

describe('kubectl against the simulator', () => {
  it('reports a v1.32 server and lists api-resources', async () => {
    const v = await kubectl(['version', '-o', 'json']);
    expect(JSON.parse(v.stdout).serverVersion.gitVersion).toBe('v1.32.4');
    const r = await kubectl(['api-resources']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment$/m);
    expect(r.stdout).toMatch(/^events\s+ev\s+events\.k8s\.io\/v1\s+true\s+Event$/m);
    expect(r.stdout).toMatch(/^selfsubjectaccessreviews\s+authorization\.k8s\.io\/v1\s+false\s+SelfSubjectAccessReview$/m);
  });

  it('gets pods as tables, wide, across namespaces, as JSON and YAML', async () => {
    const table = await kubectl(['get', 'pods', '-n', 'shop']);
    expect(table.stdout).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/m);
    expect(table.stdout).toMatch(/^cart\s+1\/1\s+Running\s+2 \(2m\d*s? ago\)\s+\d+s$/m);
    const wide = await kubectl(['get', 'pods', '-A', '-o', 'wide']);
    expect(wide.stdout).toMatch(/^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES$/m);
    expect(wide.stdout).toMatch(/^default\s+tool\s+1\/1\s+Running\s+.*10\.244\.0\.7\s+node-a\s+<none>\s+<none>$/m);
    expect(wide.stdout).toMatch(/^shop\s+cart\s+/m);
    const json = JSON.parse((await kubectl(['get', 'pods', '-A', '-o', 'json'])).stdout);
    expect(json.kind).toBe('List');
    expect(json.items.map((p: { metadata: { name: string } }) => p.metadata.name).sort()).toEqual(['cart', 'tool']);
    expect(json.items[0].spec.restartPolicy).toBe('Always');
    const yaml = await kubectl(['get', 'pod', 'cart', '-n', 'shop', '-o', 'yaml']);
    expect(yaml.stdout).toContain('terminationMessagePath: /dev/termination-log');
    const nodes = await kubectl(['get', 'nodes']);
    expect(nodes.stdout).toMatch(/^node-a\s+Ready\s+control-plane\s+\d+s\s+v1\.32\.4$/m);
  });

  it('describes a pod with its events', async () => {
    const pod = sim.ctx.api.get('pods', 'shop', 'cart')!;
    sim.ctx.recordEvent({ involvedObject: pod, reason: 'Pulled', message: 'Container image "busybox:1.36" already present on machine', component: 'kubelet', host: 'node-a' });
    const d = await kubectl(['describe', 'pod', 'cart', '-n', 'shop']);
    expect(d.code).toBe(0);
    expect(d.stdout).toMatch(/^Name:\s+cart$/m);
    expect(d.stdout).toMatch(/^Node:\s+node-a/m);
    expect(d.stdout).toMatch(/Normal\s+Pulled\s+\S+\s+kubelet\s+Container image "busybox:1.36" already present on machine/);
  });

  it('applies a manifest, re-applies a change, edits, labels, annotates, scales and deletes', async () => {
    const file = join(dir, 'web.yaml');
    writeFileSync(file, deployment(2, 'nginx:1.27'));
    let r = await kubectl(['apply', '-f', file]);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('deployment.apps/web created');
    writeFileSync(file, deployment(3, 'nginx:1.28'));
    r = await kubectl(['apply', '-f', file]);
    expect(r.stdout.trim()).toBe('deployment.apps/web configured');
    let d = sim.ctx.api.get('deployments.apps', 'shop', 'web') as { metadata: { generation: number; annotations: Record<string, string> }; spec: { replicas: number; template: { spec: { containers: { image: string; env: unknown[] }[] } } } };
    expect(d.spec.replicas).toBe(3);
    expect(d.spec.template.spec.containers[0].image).toBe('nginx:1.28');
    expect(d.spec.template.spec.containers[0].env).toEqual([{ name: 'MODE', value: 'prod' }]);
    expect(d.metadata.generation).toBe(2);
    expect(d.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']).toContain('nginx:1.28');
    r = await kubectl(['apply', '-f', file]);
    expect(r.stdout.trim()).toBe('deployment.apps/web unchanged');

    const editor = join(dir, 'editor.sh');
    writeFileSync(editor, '#!/bin/sh\nsed -i "s/nginx:1.28/nginx:1.29/" "$1"\n');
    chmodSync(editor, 0o755);
    r = await kubectl(['edit', 'deployment', 'web', '-n', 'shop'], { env: { KUBE_EDITOR: editor } });
    expect(r.stdout.trim()).toBe('deployment.apps/web edited');
    d = sim.ctx.api.get('deployments.apps', 'shop', 'web') as typeof d;
    expect(d.spec.template.spec.containers[0].image).toBe('nginx:1.29');

    expect((await kubectl(['label', 'deployment', 'web', '-n', 'shop', 'tier=front'])).stdout.trim()).toBe('deployment.apps/web labeled');
    expect((await kubectl(['annotate', 'deployment', 'web', '-n', 'shop', 'owner=team-a'])).stdout.trim()).toBe('deployment.apps/web annotated');
    const shown = await kubectl(['get', 'deployment', 'web', '-n', 'shop', '--show-labels']);
    expect(shown.stdout).toMatch(/app=web,tier=front/);
    expect((await kubectl(['scale', 'deployment', 'web', '-n', 'shop', '--replicas=5'])).stdout.trim()).toBe('deployment.apps/web scaled');
    d = sim.ctx.api.get('deployments.apps', 'shop', 'web') as typeof d;
    expect(d.spec.replicas).toBe(5);
    expect(d.metadata.annotations.owner).toBe('team-a');
    const table = await kubectl(['get', 'deploy', '-n', 'shop', '-o', 'wide']);
    expect(table.stdout).toMatch(/^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\s+CONTAINERS\s+IMAGES\s+SELECTOR$/m);
    expect(table.stdout).toMatch(/^web\s+0\/5\s+0\s+0\s+\d+s\s+web\s+nginx:1\.29\s+app=web$/m);

    r = await kubectl(['delete', 'deployment', 'web', '-n', 'shop']);
    expect(r.stdout.trim()).toBe('deployment.apps "web" deleted');
    expect(sim.ctx.api.get('deployments.apps', 'shop', 'web')).toBeUndefined();
  });

  it('streams changes with get -w', async () => {
    const watching = kubectl(['get', 'configmaps', '-n', 'shop', '-w', '--request-timeout=4s']);
    await new Promise((r) => setTimeout(r, 1500));
    sim.ctx.api.create('configmaps', { metadata: { name: 'live', namespace: 'shop' }, data: { a: '1' } });
    const r = await watching;
    expect(r.stdout).toMatch(/^live\s+1\s+\d+s$/m);
  });

  it('explains built-in fields from OpenAPI v3', async () => {
    const r = await kubectl(['explain', 'pod.spec.containers']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/FIELD: containers <\[\]Container>/);
    expect(r.stdout).toMatch(/^ {2}image\s+<string>$/m);
    expect(r.stdout).toMatch(/^ {2}name\s+<string> -required-$/m);
  });

  it('answers auth can-i for admin and the namespace-bound viewer', async () => {
    expect((await kubectl(['auth', 'can-i', 'delete', 'nodes'])).stdout.trim()).toBe('yes');
    expect((await kubectl(['--context', 'sim-viewer', 'auth', 'can-i', 'list', 'pods'])).stdout.trim()).toBe('yes');
    const no = await kubectl(['--context', 'sim-viewer', 'auth', 'can-i', 'list', 'pods', '-n', 'default']);
    expect(no.stdout.trim()).toBe('no');
    expect((await kubectl(['--context', 'sim-viewer', 'auth', 'can-i', 'delete', 'pods'])).stdout.trim()).toBe('no');
    expect((await kubectl(['--context', 'sim-viewer', 'auth', 'whoami', '-o', 'jsonpath={.status.userInfo.username}'])).stdout).toBe('viewer');
  });

  it('shows the real 403 and 401 messages', async () => {
    const forbidden = await kubectl(['--context', 'sim-viewer', 'get', 'pods', '-n', 'default']);
    expect(forbidden.code).not.toBe(0);
    expect(forbidden.stderr).toContain('Error from server (Forbidden): pods is forbidden: User "viewer" cannot list resource "pods" in API group "" in the namespace "default"');
    const del = await kubectl(['--context', 'sim-viewer', 'delete', 'pod', 'cart']);
    expect(del.stderr).toContain('pods "cart" is forbidden: User "viewer" cannot delete resource "pods" in API group "" in the namespace "shop"');
    const unauth = await kubectl(['--token', 'wrong', 'get', 'pods']);
    expect(unauth.code).not.toBe(0);
    expect(unauth.stderr).toMatch(/You must be logged in to the server \((Unauthorized|the server has asked for the client to provide credentials)\)/);
  });

  it('rejects invalid objects with the real 422 text', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'apiVersion: v1\nkind: Pod\nmetadata: {name: Bad_Name, namespace: shop}\nspec:\n  containers: [{name: c}]\n');
    const r = await kubectl(['create', '-f', file]);
    expect(r.stderr).toContain('The Pod "Bad_Name" is invalid:');
    expect(r.stderr).toContain('metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters');
    expect(r.stderr).toContain('spec.containers[0].image: Required value');
  });

  it('serves CRDs dynamically with their printer columns', async () => {
    const file = join(dir, 'crd.yaml');
    writeFileSync(
      file,
      `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  scope: Namespaced
  names: {plural: widgets, singular: widget, kind: Widget, shortNames: [wd]}
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            description: The desired widget.
            properties:
              size: {type: integer, description: How big.}
    additionalPrinterColumns:
    - {name: Size, type: integer, jsonPath: .spec.size}
    - {name: Age, type: date, jsonPath: .metadata.creationTimestamp}
---
`,
    );
    expect((await kubectl(['apply', '-f', file])).stdout.trim()).toBe('customresourcedefinition.apiextensions.k8s.io/widgets.example.com created');
    const cr = join(dir, 'cr.yaml');
    writeFileSync(cr, 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w1, namespace: shop}\nspec: {size: 3}\n');
    expect((await kubectl(['apply', '-f', cr])).stdout.trim()).toBe('widget.example.com/w1 created');
    const got = await kubectl(['get', 'wd', '-n', 'shop']);
    expect(got.stdout).toMatch(/^NAME\s+SIZE\s+AGE$/m);
    expect(got.stdout).toMatch(/^w1\s+3\s+\d+s$/m);
    writeFileSync(cr, 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w1, namespace: shop}\nspec: {size: 4}\n');
    expect((await kubectl(['apply', '-f', cr])).stdout.trim()).toBe('widget.example.com/w1 configured');
    const explain = await kubectl(['explain', 'widgets.spec.size']);
    expect(explain.stdout).toContain('How big.');
    expect((await kubectl(['api-resources', '--api-group=example.com'])).stdout).toMatch(/^widgets\s+wd\s+example\.com\/v1\s+true\s+Widget$/m);
  });
});
