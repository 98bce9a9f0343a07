/**
 * autoscaling/v1 HorizontalPodAutoscalers are a converted view of the stored autoscaling/v2
 * objects. Proof with the real /usr/bin/kubectl: `kubectl autoscale` (which speaks v1, as
 * protobuf) creates an HPA that `kubectl get hpa` (which prefers v2) shows; discovery lists both
 * versions with v2 preferred; v2-only fields survive a round trip through v1 in the
 * `autoscaling.alpha.kubernetes.io/*` annotations, as on kube-apiserver; watches and lists of
 * the v1 endpoint serve v1 objects.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimWithKubectl, type SimWithKubectl } from '../scenarios/kubectlHarness';
import { openWatch, request } from '../server/testing';

const NS = 'shop';
const V1 = 'horizontalpodautoscalers.v1.autoscaling';
const V2 = 'horizontalpodautoscalers.v2.autoscaling';
let c: SimWithKubectl;

const getJson = async (...args: string[]): Promise<any> => JSON.parse(await c.kubectl('get', ...args, '-o', 'json'));

beforeAll(async () => {
  c = await startSimWithKubectl({ scenario: 'minimal', speed: 20 });
  await c.kubectl('create', 'namespace', NS);
  await c.kubectl('-n', NS, 'create', 'deployment', 'storefront', '--image=nginx:1.27', '--replicas=2');
});
afterAll(async () => c?.stop());

describe('autoscaling/v1 HorizontalPodAutoscaler (converted view of v2)', () => {
  it('discovery serves autoscaling v2 (preferred) and v1, each with horizontalpodautoscalers', async () => {
    const group = JSON.parse(await c.kubectl('get', '--raw', '/apis/autoscaling'));
    expect(group.versions.map((v: any) => v.groupVersion)).toEqual(['autoscaling/v2', 'autoscaling/v1']);
    expect(group.preferredVersion.groupVersion).toBe('autoscaling/v2');
    const v1 = JSON.parse(await c.kubectl('get', '--raw', '/apis/autoscaling/v1'));
    expect(v1.resources.map((r: any) => r.name)).toEqual(['horizontalpodautoscalers', 'horizontalpodautoscalers/status']);
    expect(v1.resources[0]).toMatchObject({ kind: 'HorizontalPodAutoscaler', namespaced: true, shortNames: ['hpa'] });
    const versions = await c.kubectl('api-versions');
    expect(versions.split('\n')).toEqual(expect.arrayContaining(['autoscaling/v1', 'autoscaling/v2']));
  });

  it('kubectl autoscale (v1, protobuf) creates an HPA that kubectl get hpa (v2) shows', async () => {
    const r = await c.kubectlResult('-v=8', 'autoscale', 'deployment', 'storefront', '-n', NS, '--min=2', '--max=5', '--cpu-percent=80');
    expect(r.code, r.stderr.slice(-3000)).toBe(0);
    expect(r.stdout).toContain('horizontalpodautoscaler.autoscaling/storefront autoscaled');
    expect(r.stderr).toContain(`POST ${c.sim.url}/apis/autoscaling/v1/namespaces/${NS}/horizontalpodautoscalers`);
    expect(r.stderr).toContain('Content-Type: application/vnd.kubernetes.protobuf');

    const table = await c.kubectl('get', 'hpa', '-n', NS);
    expect(table).toMatch(/^NAME\s+REFERENCE\s+TARGETS\s+MINPODS\s+MAXPODS\s+REPLICAS\s+AGE/);
    expect(table).toMatch(/storefront\s+Deployment\/storefront\s+cpu: (<unknown>|\d+%)\/80%\s+2\s+5\s/);

    const v2 = await getJson('hpa', 'storefront', '-n', NS);
    expect(v2.apiVersion).toBe('autoscaling/v2');
    expect(v2.spec).toMatchObject({
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'storefront' },
      minReplicas: 2,
      maxReplicas: 5,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }],
    });

    const v1 = await getJson(V1, 'storefront', '-n', NS);
    expect(v1.apiVersion).toBe('autoscaling/v1');
    expect(v1.spec).toEqual({ scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'storefront' }, minReplicas: 2, maxReplicas: 5, targetCPUUtilizationPercentage: 80 });
    expect(v1.metadata.uid).toBe(v2.metadata.uid);
  });

  it('an HPA created through v1 without a CPU target gets the default 80% and minReplicas 1', async () => {
    const r = await request(c.sim, 'POST', `/apis/autoscaling/v1/namespaces/${NS}/horizontalpodautoscalers`, {
      body: { apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata: { name: 'bare' }, spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'storefront' }, maxReplicas: 3 } },
    });
    expect(r.status, r.body).toBe(201);
    expect(r.json<any>()).toMatchObject({ apiVersion: 'autoscaling/v1', spec: { minReplicas: 1, maxReplicas: 3, targetCPUUtilizationPercentage: 80 } });
    expect((await getJson('hpa', 'bare', '-n', NS)).spec.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }]);
  });

  it('v2-only fields survive a v1 round trip (annotations), and a patch through v1 keeps them', async () => {
    const behavior = { scaleDown: { stabilizationWindowSeconds: 120, policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] } };
    await c.apply(
      JSON.stringify({
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata: { name: 'orders', namespace: NS },
        spec: {
          scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'storefront' },
          minReplicas: 1,
          maxReplicas: 4,
          metrics: [
            { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } } },
            { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '500Mi' } } },
          ],
          behavior,
        },
      }),
    );
    const v1 = await getJson(V1, 'orders', '-n', NS);
    expect(v1.spec.targetCPUUtilizationPercentage).toBe(60);
    expect(JSON.parse(v1.metadata.annotations['autoscaling.alpha.kubernetes.io/metrics'])).toEqual([{ type: 'Resource', resource: { name: 'memory', targetAverageValue: '500Mi' } }]);
    expect(JSON.parse(v1.metadata.annotations['autoscaling.alpha.kubernetes.io/behavior'])).toEqual(behavior);

    // kubectl patch through the v1 endpoint (a merge patch on the v1 form).
    await c.kubectl('patch', V1, 'orders', '-n', NS, '--type=merge', '-p', '{"spec":{"targetCPUUtilizationPercentage":65,"maxReplicas":6},"metadata":{"labels":{"tier":"api"}}}');
    const v2 = await getJson(V2, 'orders', '-n', NS);
    expect(v2.spec.maxReplicas).toBe(6);
    expect(v2.metadata.labels).toEqual({ tier: 'api' });
    expect(v2.spec.metrics).toEqual([
      { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 65 } } },
      { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '500Mi' } } },
    ]);
    expect(v2.spec.behavior).toEqual(behavior);
    expect(Object.keys(v2.metadata.annotations ?? {}).filter((k) => k.startsWith('autoscaling.alpha'))).toEqual([]);

    // The v1 table prints every metric, as kube-apiserver prints all versions alike.
    const row = await c.kubectl('get', V1, 'orders', '-n', NS, '--no-headers');
    expect(row).toMatch(/orders\s+Deployment\/storefront\s+cpu: \S+\/65%, memory: \S+\s+1\s+6\s/);
  });

  it('list and watch of the v1 endpoint serve v1 objects; a v1 status update lands in v2', async () => {
    const list = await request(c.sim, 'GET', `/apis/autoscaling/v1/namespaces/${NS}/horizontalpodautoscalers`);
    expect(list.status).toBe(200);
    const body = list.json<any>();
    expect(body).toMatchObject({ kind: 'HorizontalPodAutoscalerList', apiVersion: 'autoscaling/v1' });
    expect(body.items.map((i: any) => i.metadata.name).sort()).toEqual(['bare', 'orders', 'storefront']);
    expect(body.items.every((i: any) => i.apiVersion === 'autoscaling/v1' && typeof i.spec.targetCPUUtilizationPercentage === 'number')).toBe(true);

    const w = openWatch(c.sim, `/apis/autoscaling/v1/namespaces/${NS}/horizontalpodautoscalers?watch=true&resourceVersion=${body.metadata.resourceVersion}`);
    expect(await w.ready).toBe(200);
    await c.kubectl('scale', 'deployment', 'storefront', '-n', NS, '--replicas=1'); // unrelated write
    const cur = await getJson(V1, 'bare', '-n', NS);
    const put = await request(c.sim, 'PUT', `/apis/autoscaling/v1/namespaces/${NS}/horizontalpodautoscalers/bare/status`, {
      body: { ...cur, status: { currentReplicas: 2, desiredReplicas: 3, currentCPUUtilizationPercentage: 91 } },
    });
    expect(put.status, put.body).toBe(200);
    // The answer is the stored v2 object (cpu current metric) converted back.
    expect(put.json<any>().status).toMatchObject({ currentReplicas: 2, desiredReplicas: 3, currentCPUUtilizationPercentage: 91 });
    await w.until(() => w.lines.some((l) => l.includes('"currentCPUUtilizationPercentage":91')));
    const event = JSON.parse(w.lines.find((l) => l.includes('"currentCPUUtilizationPercentage":91'))!);
    expect(event.type).toBe('MODIFIED');
    expect(event.object.apiVersion).toBe('autoscaling/v1');
    w.stop();
  });

  it('the status the HPA controller writes (v2) reads as v1 status', async () => {
    const status = await c.until(async () => {
      const s = (await getJson(V1, 'storefront', '-n', NS)).status;
      return typeof s?.currentCPUUtilizationPercentage === 'number' && s;
    });
    expect(status.desiredReplicas).toBeGreaterThanOrEqual(2);
    const v2 = await getJson(V2, 'storefront', '-n', NS);
    expect(v2.status.currentMetrics[0].resource.current.averageUtilization).toBe(status.currentCPUUtilizationPercentage);
  });
});

describe('the other converted view, events.k8s.io/v1', () => {
  it('prints Table cells from the converted object (reason, regarding, note)', async () => {
    await c.until(async () => (await c.kubectl('get', 'events', '-n', NS, '--no-headers')).includes('Scheduled'));
    const out = await c.kubectl('get', 'events.v1.events.k8s.io', '-n', NS);
    expect(out).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE/);
    expect(out).toMatch(/Normal\s+Scheduled\s+pod\/storefront-\S+\s+Successfully assigned shop\/storefront-/);
  });
});
