/**
 * Container logs through the real path: a simulator on a free port, the real kubectl and
 * @kubernetes/client-node's Log.
 */
import { KubeConfig, Log } from '@kubernetes/client-node';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRunning, sleep, startTestSim, waitUntil, type TestSim } from '../testSim';

let t: TestSim;
const TS = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z) /;
const MANIFESTS = `
apiVersion: v1
kind: Pod
metadata: { name: web, namespace: default }
spec:
  containers: [{ name: web, image: nginx:1.27 }]
---
apiVersion: v1
kind: Pod
metadata: { name: multi, namespace: default }
spec:
  initContainers: [{ name: migrate, image: busybox:1.36, command: [sh, -c, "true"] }]
  containers:
  - { name: app, image: ghcr.io/acme/orders-java:2.8 }
  - { name: sidecar, image: python:3.12 }
---
apiVersion: v1
kind: Pod
metadata: { name: crash, namespace: default, annotations: { sim.pilothouse.dev/behavior: crashloop } }
spec:
  containers: [{ name: app, image: node:22 }]
`;

beforeAll(async () => {
  t = await startTestSim();
  const applied = await t.kubectl(['apply', '-f', '-'], MANIFESTS);
  expect(applied.stderr).toBe('');
  await t.waitForPod('default', 'web', isRunning);
  await t.waitForPod('default', 'multi', isRunning);
});

afterAll(async () => {
  await t?.stop();
});

describe('kubectl logs', () => {
  it('prints reproducible history: a later read starts with the earlier one', async () => {
    await sleep(1500);
    const first = await t.kubectl(['logs', 'web', '--timestamps']);
    expect(first.code).toBe(0);
    const lines = first.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^\S+ \/docker-entrypoint\.sh:/);
    for (const line of lines) expect(line).toMatch(TS);
    await sleep(1200);
    const second = await t.kubectl(['logs', 'web', '--timestamps']);
    expect(second.stdout.startsWith(first.stdout)).toBe(true);
    expect(second.stdout.length).toBeGreaterThan(first.stdout.length);
  });

  it('honours --tail, --since-time, --since and --limit-bytes', async () => {
    const tail = await t.kubectl(['logs', 'web', '--tail=3']);
    expect(tail.stdout.trimEnd().split('\n')).toHaveLength(3);
    expect(tail.stdout).not.toMatch(TS);

    const all = (await t.kubectl(['logs', 'web', '--timestamps'])).stdout.trimEnd().split('\n');
    const middle = TS.exec(all[Math.floor(all.length / 2)])![1];
    const since = `${middle.slice(0, 19)}Z`;
    const fromMiddle = (await t.kubectl(['logs', 'web', '--timestamps', `--since-time=${since}`])).stdout.trimEnd().split('\n');
    expect(fromMiddle.length).toBeLessThan(all.length);
    for (const line of fromMiddle) expect(Date.parse(TS.exec(line)![1])).toBeGreaterThanOrEqual(Date.parse(since));

    const recent = (await t.kubectl(['logs', 'web', '--timestamps', '--since=2s'])).stdout.trimEnd().split('\n').filter(Boolean);
    for (const line of recent) expect(Date.now() - Date.parse(TS.exec(line)![1])).toBeLessThan(4000);

    const limited = await t.kubectl(['logs', 'web', '--limit-bytes=100']);
    expect(Buffer.byteLength(limited.stdout)).toBe(100);
  });

  it('needs a container name for multi-container pods, with the API server wording', async () => {
    const res = await t.apiGet('/api/v1/namespaces/default/pods/multi/log');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ kind: 'Status', reason: 'BadRequest', message: 'a container name must be specified for pod multi, choose one of: [app sidecar] or one of the init containers: [migrate]' });
    const wrong = await t.kubectl(['logs', 'multi', '-c', 'nope']);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('container nope is not valid for pod multi');
    const sidecar = await t.kubectl(['logs', 'multi', '-c', 'sidecar']);
    expect(sidecar.stdout).toContain('celery@multi ready.');
    const missing = await t.kubectl(['logs', 'nosuchpod']);
    expect(missing.stderr).toContain('pods "nosuchpod" not found');
  });

  it('rejects invalid options with 422 Invalid', async () => {
    const res = await t.apiGet('/api/v1/namespaces/default/pods/web/log?sinceSeconds=0');
    expect(res.status).toBe(422);
    expect(JSON.parse(res.body).message).toBe('PodLogOptions "web" is invalid: sinceSeconds: Invalid value: 0: must be greater than 0');
  });

  it('answers --previous only for restarted containers', async () => {
    const none = await t.kubectl(['logs', 'web', '--previous']);
    expect(none.code).not.toBe(0);
    expect(none.stderr).toContain('previous terminated container "web" in pod "web" not found');

    await t.waitForPod('default', 'crash', (pod) => ((pod.status?.containerStatuses as Array<{ restartCount: number }> | undefined)?.[0]?.restartCount ?? 0) >= 1, 40_000);
    const previous = await t.kubectl(['logs', 'crash', '--previous']);
    expect(previous.code).toBe(0);
    const lines = previous.stdout.trimEnd().split('\n');
    expect(lines[0]).toContain('storefront@3.2.0 start');
    expect(lines[lines.length - 1]).toContain('EADDRINUSE');
  });

  it('says why a waiting container has no logs, like the kubelet', async () => {
    await t.kubectl(['run', 'pull', '--image=ghcr.io/acme/does-not-exist:1.0']);
    const expected: Record<string, string> = {
      ContainerCreating: 'container "pull" in pod "pull" is waiting to start: ContainerCreating',
      ErrImagePull: `container "pull" in pod "pull" is waiting to start: image can't be pulled`,
      ImagePullBackOff: 'container "pull" in pod "pull" is waiting to start: trying and failing to pull image',
    };
    const reason = () => {
      const pod = t.sim.ctx.store.get('pods', 'default', 'pull')?.parse() as { spec?: { nodeName?: string }; status?: { containerStatuses?: Array<{ state?: { waiting?: { reason?: string } } }> } } | undefined;
      if (!pod?.spec?.nodeName) return undefined;
      return pod.status?.containerStatuses?.[0]?.state?.waiting?.reason ?? 'ContainerCreating';
    };
    const seen = new Set<string>();
    await waitUntil(async () => {
      const before = reason();
      if (!before) return false;
      const res = await t.apiGet('/api/v1/namespaces/default/pods/pull/log');
      if (before === reason()) {
        expect(res.status).toBe(400);
        expect(JSON.parse(res.body).message).toBe(expected[before]);
        seen.add(before);
      }
      return seen.has('ContainerCreating') && seen.has('ImagePullBackOff');
    }, 30_000, 'ContainerCreating then ImagePullBackOff');
  });

  it('follows new lines and ends when the pod is deleted', async () => {
    await t.kubectl(['run', 'follow', '--image=nginx:1.27']);
    await t.waitForPod('default', 'follow', isRunning);
    const child = t.spawnKubectl(['logs', '-f', 'follow', '--tail=0', '--timestamps']);
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
    const startedAt = Date.now();
    await waitUntil(() => out.split('\n').length > 3, 20_000, 'followed lines');
    for (const line of out.trimEnd().split('\n')) expect(Date.parse(TS.exec(line)![1])).toBeGreaterThanOrEqual(startedAt - 1500);
    await t.kubectl(['delete', 'pod', 'follow', '--wait=false']);
    expect(await Promise.race([exited, sleep(20_000).then(() => 'still running')])).toBe(0);
  });

  it('ends a follow when the container restarts', async () => {
    await t.waitForPod('default', 'crash', isRunning, 60_000);
    const child = t.spawnKubectl(['logs', '-f', 'crash']);
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? -1)));
    expect(code).toBe(0);
    expect(out).toContain('EADDRINUSE');
  }, 60_000);
});

describe('client-node Log', () => {
  it('follows a container', async () => {
    const kc = new KubeConfig();
    kc.loadFromFile(t.sim.kubeconfigPath);
    const sink = new PassThrough();
    let text = '';
    sink.on('data', (d: Buffer) => (text += d.toString()));
    const controller = await new Log(kc).log('default', 'multi', 'app', sink, { follow: true, tailLines: 2, timestamps: true });
    await waitUntil(() => text.trimEnd().split('\n').length >= 4, 20_000, 'lines via client-node');
    controller.abort();
    for (const line of text.trimEnd().split('\n')) expect(line).toMatch(TS);
  });
});
