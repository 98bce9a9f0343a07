/** Wire-level behaviour over real HTTPS: Status errors, negotiation, watch details, chaos, plug-in routes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type RunningSim } from '../index';
import { openWatch, request } from './testing';

let sim: RunningSim;

const pod = (name: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels: { app: 'web' } },
  spec: { containers: [{ name: 'c', image: 'nginx' }] },
  ...extra,
});

beforeAll(async () => {
  sim = await startSim({ scenario: 'empty', controllers: false, bookmarkIntervalSeconds: 0.2, historySize: 50 });
}, 60_000);

afterAll(async () => {
  await sim?.stop();
});

describe('authentication and health', () => {
  it('answers health and version without a token, 401 Status otherwise', async () => {
    expect((await request(sim, 'GET', '/readyz', { token: null })).body).toBe('ok');
    expect((await request(sim, 'GET', '/version', { token: null })).json<{ minor: string }>().minor).toBe('32');
    const r = await request(sim, 'GET', '/api/v1/pods', { token: null });
    expect(r.status).toBe(401);
    expect(r.json()).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 });
  });

  it('serves aggregated discovery when asked', async () => {
    const r = await request(sim, 'GET', '/apis', { accept: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json' });
    expect(r.headers['content-type']).toBe('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
    const apps = r.json<{ items: { metadata: { name: string }; versions: { resources: { resource: string; subresources?: { subresource: string }[] }[] }[] }[] }>().items.find((i) => i.metadata.name === 'apps')!;
    const deploy = apps.versions[0].resources.find((x) => x.resource === 'deployments')!;
    expect(deploy.subresources!.map((s) => s.subresource)).toEqual(['status', 'scale']);
    expect((await request(sim, 'GET', '/apis/metrics.k8s.io/v1beta1')).json<{ resources: { name: string }[] }>().resources.map((x) => x.name)).toEqual(['nodes', 'pods']);
  });
});

describe('writes', () => {
  it('creates with generateName, defaults and dryRun; rejects stale updates with 409', async () => {
    const dry = await request(sim, 'POST', '/api/v1/namespaces/default/pods?dryRun=All', { body: pod('dry') });
    expect(dry.status).toBe(201);
    expect((await request(sim, 'GET', '/api/v1/namespaces/default/pods/dry')).status).toBe(404);
    const gen = await request(sim, 'POST', '/api/v1/namespaces/default/pods', { body: { ...pod(''), metadata: { generateName: 'web-' } } });
    const created = gen.json<{ metadata: { name: string; uid: string; resourceVersion: string }; spec: { dnsPolicy: string; containers: { imagePullPolicy: string }[] }; status: { phase: string; qosClass: string } }>();
    expect(created.metadata.name).toMatch(/^web-[a-z0-9]{5}$/);
    expect(created.spec.dnsPolicy).toBe('ClusterFirst');
    expect(created.spec.containers[0].imagePullPolicy).toBe('Always');
    expect(created.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
    const path = `/api/v1/namespaces/default/pods/${created.metadata.name}`;
    const labelled = await request(sim, 'PATCH', path, { body: { metadata: { labels: { v: '2' } } }, contentType: 'application/merge-patch+json' });
    expect(labelled.status).toBe(200);
    const stale = await request(sim, 'PUT', path, { body: created });
    expect(stale.status, stale.body).toBe(409);
    expect(stale.json<{ message: string }>().message).toBe(`Operation cannot be fulfilled on pods "${created.metadata.name}": the object has been modified; please apply your changes to the latest version and try again`);
    const pre = await request(sim, 'DELETE', path, { body: { preconditions: { resourceVersion: created.metadata.resourceVersion } } });
    expect(pre.status, pre.body).toBe(409);
    expect((await request(sim, 'DELETE', path, { body: { preconditions: { uid: created.metadata.uid } } })).status).toBe(200);
  });

  it('validates with 422 Invalid and causes', async () => {
    const r = await request(sim, 'POST', '/apis/apps/v1/namespaces/default/deployments', { body: { metadata: { name: 'x' }, spec: { template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c' }] } } } } });
    expect(r.status).toBe(422);
    const s = r.json<{ message: string; details: { causes: { field: string }[] } }>();
    expect(s.message).toBe('Deployment.apps "x" is invalid: [spec.selector: Required value, spec.template.spec.containers[0].image: Required value]'.replace('Deployment.apps', 'Deployment'));
    expect(s.details.causes.map((c) => c.field)).toEqual(['spec.selector', 'spec.template.spec.containers[0].image']);
  });

  it('patches strategically, keeps status out of main-resource updates, serves scale', async () => {
    const base = '/apis/apps/v1/namespaces/default/deployments';
    const body = { metadata: { name: 'api' }, spec: { selector: { matchLabels: { app: 'api' } }, template: { metadata: { labels: { app: 'api' } }, spec: { containers: [{ name: 'a', image: 'a:1' }, { name: 'b', image: 'b:1' }] } } } };
    const created = (await request(sim, 'POST', base, { body })).json<{ metadata: { generation: number } }>();
    expect(created.metadata.generation).toBe(1);
    const patched = await request(sim, 'PATCH', `${base}/api`, { body: { spec: { template: { spec: { containers: [{ name: 'b', image: 'b:2' }] } } }, status: { replicas: 9 } }, contentType: 'application/strategic-merge-patch+json' });
    const p = patched.json<{ metadata: { generation: number }; spec: { template: { spec: { containers: { image: string }[] } } }; status?: unknown }>();
    expect(p.spec.template.spec.containers.map((c) => c.image)).toEqual(['a:1', 'b:2']);
    expect(p.metadata.generation).toBe(2);
    expect(p.status).toBeUndefined();
    const scale = await request(sim, 'PATCH', `${base}/api/scale`, { body: { spec: { replicas: 4 } }, contentType: 'application/merge-patch+json' });
    expect(scale.json()).toMatchObject({ kind: 'Scale', apiVersion: 'autoscaling/v1', spec: { replicas: 4 }, status: { selector: 'app=api' } });
    const apply = await request(sim, 'PATCH', `${base}/api`, { body: '{}', contentType: 'application/apply-patch+yaml' });
    expect(apply.status).toBe(415);
    const jp = await request(sim, 'PATCH', `${base}/api`, { body: [{ op: 'test', path: '/spec/replicas', value: 4 }, { op: 'replace', path: '/spec/replicas', value: 6 }], contentType: 'application/json-patch+json' });
    expect(jp.json<{ spec: { replicas: number } }>().spec.replicas).toBe(6);
  });

  it('defers deletion of bound pods and of finalized objects, and terminates namespaces', async () => {
    await request(sim, 'POST', '/api/v1/namespaces', { body: { metadata: { name: 'doomed' } } });
    await request(sim, 'POST', '/api/v1/namespaces/doomed/pods', { body: { ...pod('bound'), spec: { nodeName: 'n1', containers: [{ name: 'c', image: 'nginx' }] } } });
    const del = await request(sim, 'DELETE', '/api/v1/namespaces/doomed/pods/bound');
    const gone = del.json<{ metadata: { deletionTimestamp?: string; deletionGracePeriodSeconds?: number } }>();
    expect(gone.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(gone.metadata.deletionTimestamp).toBeTruthy();
    // The kubelet's confirmation (grace 0) removes it.
    sim.ctx.api.delete('pods', 'doomed', 'bound', { gracePeriodSeconds: 0 });
    expect(sim.ctx.api.get('pods', 'doomed', 'bound')).toBeUndefined();
    await request(sim, 'POST', '/api/v1/namespaces/doomed/configmaps', { body: { metadata: { name: 'held', finalizers: ['example.com/hold'] } } });
    await request(sim, 'DELETE', '/api/v1/namespaces/doomed/configmaps/held');
    expect(sim.ctx.api.get('configmaps', 'doomed', 'held')?.metadata.deletionTimestamp).toBeTruthy();
    await request(sim, 'PATCH', '/api/v1/namespaces/doomed/configmaps/held', { body: { metadata: { finalizers: null } }, contentType: 'application/merge-patch+json' });
    expect(sim.ctx.api.get('configmaps', 'doomed', 'held')).toBeUndefined();
    const ns = (await request(sim, 'DELETE', '/api/v1/namespaces/doomed')).json<{ status: { phase: string } }>();
    expect(ns.status.phase).toBe('Terminating');
    const blocked = await request(sim, 'POST', '/api/v1/namespaces/doomed/configmaps', { body: { metadata: { name: 'late' } } });
    expect(blocked.status).toBe(403);
    expect(blocked.json<{ message: string }>().message).toBe('configmaps "late" is forbidden: unable to create new content in namespace doomed because it is being terminated');
    sim.ctx.api.finalizeNamespace('doomed');
    expect(sim.ctx.api.get('namespaces', '', 'doomed')).toBeUndefined();
  });

  it('evicts a pod and answers access reviews', async () => {
    await request(sim, 'POST', '/api/v1/namespaces/default/pods', { body: pod('evictee') });
    const ev = await request(sim, 'POST', '/api/v1/namespaces/default/pods/evictee/eviction', { body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: 'evictee' } } });
    expect(ev.status).toBe(201);
    expect(sim.ctx.api.get('pods', 'default', 'evictee')).toBeUndefined();
    const review = await request(sim, 'POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', { token: sim.tokens.viewer, body: { spec: { resourceAttributes: { verb: 'watch', resource: 'pods', namespace: 'shop' } } } });
    expect(review.json<{ status: { allowed: boolean } }>().status.allowed).toBe(true);
  });
});

describe('reads', () => {
  it('serves Tables, PartialObjectMetadata and Exact resourceVersions', async () => {
    await request(sim, 'POST', '/api/v1/namespaces/default/pods', { body: pod('tabled') });
    const t = await request(sim, 'GET', '/api/v1/namespaces/default/pods?labelSelector=app%3Dweb', { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' });
    const table = t.json<{ kind: string; columnDefinitions: { name: string; priority: number }[]; rows: { cells: unknown[]; object: { kind: string; metadata: { name: string } } }[] }>();
    expect(table.kind).toBe('Table');
    expect(table.columnDefinitions.map((c) => c.name)).toEqual(['Name', 'Ready', 'Status', 'Restarts', 'Age', 'IP', 'Node', 'Nominated Node', 'Readiness Gates']);
    const row = table.rows.find((r) => r.cells[0] === 'tabled')!;
    expect(row.cells.slice(0, 4)).toEqual(['tabled', '0/1', 'Pending', '0']);
    expect(row.object.kind).toBe('PartialObjectMetadata');
    const none = await request(sim, 'GET', '/api/v1/namespaces/default/pods/tabled?includeObject=None', { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' });
    expect(none.json<{ rows: { object?: unknown }[] }>().rows[0].object).toBeUndefined();
    const meta = await request(sim, 'GET', '/api/v1/namespaces/default/pods', { accept: 'application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io' });
    const m = meta.json<{ kind: string; items: { metadata: { name: string }; spec?: unknown }[] }>();
    expect(m.kind).toBe('PartialObjectMetadataList');
    expect(m.items.every((i) => !i.spec)).toBe(true);

    const list = (await request(sim, 'GET', '/api/v1/namespaces/default/pods')).json<{ metadata: { resourceVersion: string }; items: unknown[] }>();
    await request(sim, 'POST', '/api/v1/namespaces/default/pods', { body: pod('later') });
    const exact = (await request(sim, 'GET', `/api/v1/namespaces/default/pods?resourceVersion=${list.metadata.resourceVersion}&resourceVersionMatch=Exact`)).json<{ items: { metadata: { name: string } }[] }>();
    expect(exact.items.map((i) => i.metadata.name)).not.toContain('later');
    expect(exact.items).toHaveLength(list.items.length);
    const bad = await request(sim, 'GET', '/api/v1/pods?resourceVersionMatch=Exact');
    expect(bad.status).toBe(400);
    expect((await request(sim, 'GET', '/api/v1/pods?fieldSelector=spec.bogus%3Dx')).json<{ message: string }>().message).toBe('field label not supported: spec.bogus');
    expect((await request(sim, 'GET', '/api/v1/pods', { accept: 'application/vnd.kubernetes.protobuf' })).status).toBe(406);
  });

  it('serves events.k8s.io/v1 as a view of core events', async () => {
    sim.ctx.recordEvent({ involvedObject: { kind: 'Pod', name: 'tabled', namespace: 'default' }, reason: 'Tested', message: 'hello', component: 'test' });
    const r = (await request(sim, 'GET', '/apis/events.k8s.io/v1/namespaces/default/events')).json<{ items: { regarding: { name: string }; note: string }[] }>();
    expect(r.items.find((e) => e.note === 'hello')?.regarding.name).toBe('tabled');
  });
});

describe('watch', () => {
  it('sends initial events then a bookmark with the initial-events-end annotation, then bookmarks', async () => {
    const w = openWatch(sim, '/api/v1/namespaces/default/pods?watch=1&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true');
    expect(await w.ready).toBe(200);
    await w.until(() => w.lines.filter((l) => l.includes('"BOOKMARK"')).length >= 2);
    const events = w.lines.map((l) => JSON.parse(l) as { type: string; object: { metadata: { annotations?: Record<string, string> } } });
    const firstBookmark = events.findIndex((e) => e.type === 'BOOKMARK');
    expect(events.slice(0, firstBookmark).every((e) => e.type === 'ADDED')).toBe(true);
    expect(firstBookmark).toBeGreaterThan(0);
    expect(events[firstBookmark].object.metadata.annotations).toEqual({ 'k8s.io/initial-events-end': 'true' });
    w.stop();
  });

  it('streams Table rows, and stops writing while stalled', async () => {
    const list = (await request(sim, 'GET', '/api/v1/namespaces/default/pods')).json<{ metadata: { resourceVersion: string } }>();
    const w = openWatch(sim, `/api/v1/namespaces/default/pods?watch=true&resourceVersion=${list.metadata.resourceVersion}`);
    await w.ready;
    sim.ctx.stallWatches(true);
    await request(sim, 'POST', '/api/v1/namespaces/default/pods', { body: pod('unseen') });
    await new Promise((r) => setTimeout(r, 300));
    expect(w.lines).toHaveLength(0);
    expect(w.closed).toBe(false);
    sim.ctx.stallWatches(false);
    await w.until(() => w.closed);
    const t = openWatch(sim, `/api/v1/namespaces/default/pods?watch=true&resourceVersion=${list.metadata.resourceVersion}&timeoutSeconds=1`);
    await t.until(() => t.closed, 3000);
    expect(JSON.parse(t.lines[0])).toMatchObject({ type: 'ADDED', object: { metadata: { name: 'unseen' } } });
  });

  it('reports 410 Expired in-stream once history has moved on', async () => {
    const list = (await request(sim, 'GET', '/api/v1/namespaces/default/configmaps')).json<{ metadata: { resourceVersion: string } }>();
    for (let i = 0; i < 60; i++) sim.ctx.api.create('configmaps', { metadata: { name: `churn-${i}`, namespace: 'default' } });
    const w = openWatch(sim, `/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=${list.metadata.resourceVersion}`);
    await w.until(() => w.closed);
    expect(JSON.parse(w.lines[0])).toMatchObject({ type: 'ERROR', object: { kind: 'Status', code: 410, reason: 'Expired' } });
  });
});

describe('chaos knobs', () => {
  it('injects 429 with Retry-After, 503, and broken watch lines', async () => {
    sim.ctx.chaos.rate429 = 1;
    sim.ctx.chaos.retryAfterSeconds = 7;
    const r = await request(sim, 'GET', '/api/v1/pods');
    expect(r.status).toBe(429);
    expect(r.headers['retry-after']).toBe('7');
    sim.ctx.chaos.rate429 = 0;
    sim.ctx.chaos.rate5xx = 1;
    expect((await request(sim, 'GET', '/api/v1/pods')).status).toBe(503);
    sim.ctx.chaos.rate5xx = 0;
    sim.ctx.chaos.malformedWatchRate = 1;
    const w = openWatch(sim, '/api/v1/namespaces/default/pods?watch=true');
    await w.until(() => w.lines.length > 0);
    expect(() => JSON.parse(w.lines[0])).toThrow();
    w.stop();
    sim.ctx.chaos.malformedWatchRate = 0;
    sim.ctx.chaos.truncatedWatchRate = 1;
    const t = openWatch(sim, '/api/v1/namespaces/default/pods?watch=true');
    await t.until(() => t.closed);
    expect(t.lines).toHaveLength(0);
    expect(t.rest.length).toBeGreaterThan(0);
    sim.ctx.chaos.truncatedWatchRate = 0;
  });
});

describe('plug-in routes and metrics', () => {
  it('routes subresources and raw paths to registered handlers, after authorization', async () => {
    sim.ctx.routes.subresource('pods', 'log', ({ res, name, query }) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end(`log of ${name} tail=${query.get('tailLines')}`);
    });
    sim.ctx.routes.raw('/metrics', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('up 1\n');
    }, { auth: false });
    expect((await request(sim, 'GET', '/api/v1/namespaces/default/pods/tabled/log?tailLines=3')).body).toBe('log of tabled tail=3');
    expect((await request(sim, 'GET', '/metrics', { token: null })).body).toBe('up 1\n');
    expect((await request(sim, 'GET', '/api/v1/namespaces/default/pods/tabled/log', { token: sim.tokens.viewer })).status).toBe(403);
    expect((await request(sim, 'GET', '/api/v1/namespaces/default/pods/tabled/exec')).status).toBe(404);
  });

  it('serves metrics.k8s.io from the installed provider', async () => {
    sim.ctx.setMetricsProvider({
      nodeMetrics: () => [{ apiVersion: 'metrics.k8s.io/v1beta1', kind: 'NodeMetrics', metadata: { name: 'n1', labels: { zone: 'a' } }, timestamp: '2024-01-01T00:00:00Z', window: '10s', usage: { cpu: '250m', memory: '1Gi' } }],
      podMetrics: () => [],
    });
    const nodes = (await request(sim, 'GET', '/apis/metrics.k8s.io/v1beta1/nodes?labelSelector=zone%3Da')).json<{ kind: string; items: { usage: { cpu: string } }[] }>();
    expect(nodes.kind).toBe('NodeMetricsList');
    expect(nodes.items[0].usage.cpu).toBe('250m');
    expect((await request(sim, 'GET', '/apis/metrics.k8s.io/v1beta1/nodes/nope')).status).toBe(404);
  });
});
