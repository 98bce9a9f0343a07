/** The simulator driven by @kubernetes/client-node 1.4: paged list, watch with resume, 410 Expired. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreV1Api, KubeConfig, Watch } from '@kubernetes/client-node';
import { startSim, type RunningSim } from '../index';

let sim: RunningSim;
let kc: KubeConfig;
let core: CoreV1Api;

beforeAll(async () => {
  sim = await startSim({ scenario: 'empty', controllers: false, continueTtlSeconds: 2 });
  kc = new KubeConfig();
  kc.loadFromFile(sim.kubeconfigPath);
  core = kc.makeApiClient(CoreV1Api);
  for (let i = 0; i < 25; i++) {
    sim.ctx.api.create('configmaps', { metadata: { name: `cm-${String(i).padStart(2, '0')}`, namespace: 'default', labels: { parity: i % 2 ? 'odd' : 'even' } }, data: { i: String(i) } });
  }
}, 60_000);

afterAll(async () => {
  await sim?.stop();
});

type Event = { type: string; object: { metadata?: { name?: string; resourceVersion?: string }; code?: number; reason?: string } };

function watch(path: string, query: Record<string, string | number | boolean | undefined>) {
  const events: Event[] = [];
  let done: Promise<unknown>;
  let controller: AbortController | undefined;
  const ended = new Promise<unknown>((resolve) => {
    done = new Watch(kc)
      .watch(path, query, (type, object) => events.push({ type, object }), (err) => resolve(err))
      .then((c) => {
        controller = c;
        return c;
      });
  });
  return {
    events,
    ended,
    started: () => done,
    stop: () => controller?.abort(),
    async until(check: () => boolean, ms = 5000) {
      const start = Date.now();
      while (!check()) {
        if (Date.now() - start > ms) throw new Error(`timed out; events: ${JSON.stringify(events.map((e) => e.type))}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}

describe('@kubernetes/client-node against the simulator', () => {
  it('lists in pages with continue tokens and selectors', async () => {
    const names: string[] = [];
    let cont: string | undefined;
    let pages = 0;
    let rv: string | undefined;
    do {
      const page = await core.listNamespacedConfigMap({ namespace: 'default', limit: 10, _continue: cont });
      pages++;
      names.push(...page.items.map((i) => i.metadata!.name!));
      rv ??= page.metadata!.resourceVersion;
      expect(page.metadata!.resourceVersion).toBe(rv);
      cont = page.metadata!._continue || undefined;
      if (cont) expect(page.metadata!.remainingItemCount).toBe(25 - names.length);
    } while (cont);
    expect(pages).toBe(3);
    expect(names).toHaveLength(25);
    expect(names[0]).toBe('cm-00');
    const odd = await core.listNamespacedConfigMap({ namespace: 'default', labelSelector: 'parity in (odd)' });
    expect(odd.items).toHaveLength(12);
    expect(rv).not.toMatch(/^\d+$/);
  });

  it('expires continue tokens with 410', async () => {
    const page = await core.listNamespacedConfigMap({ namespace: 'default', limit: 5 });
    await new Promise((r) => setTimeout(r, 2100));
    await expect(core.listNamespacedConfigMap({ namespace: 'default', limit: 5, _continue: page.metadata!._continue })).rejects.toMatchObject({ code: 410 });
  });

  it('watches, then resumes from a resourceVersion without missing events', async () => {
    const list = await core.listNamespacedConfigMap({ namespace: 'default' });
    const w = watch('/api/v1/namespaces/default/configmaps', { resourceVersion: list.metadata!.resourceVersion, allowWatchBookmarks: true });
    await w.started();
    sim.ctx.api.create('configmaps', { metadata: { name: 'live-1', namespace: 'default' } });
    await w.until(() => w.events.some((e) => e.object.metadata?.name === 'live-1'));
    const lastRv = w.events[w.events.length - 1].object.metadata!.resourceVersion;
    w.stop();
    // Changes while disconnected arrive on resume.
    sim.ctx.api.create('configmaps', { metadata: { name: 'live-2', namespace: 'default' } });
    sim.ctx.api.delete('configmaps', 'default', 'cm-00');
    const resumed = watch('/api/v1/namespaces/default/configmaps', { resourceVersion: lastRv });
    await resumed.until(() => resumed.events.length >= 2);
    expect(resumed.events.map((e) => [e.type, e.object.metadata?.name])).toEqual([
      ['ADDED', 'live-2'],
      ['DELETED', 'cm-00'],
    ]);
    resumed.stop();
  });

  it('gets 410 Expired when resuming after compaction', async () => {
    const list = await core.listNamespacedConfigMap({ namespace: 'default' });
    sim.ctx.api.create('configmaps', { metadata: { name: 'after-list', namespace: 'default' } });
    sim.ctx.compact();
    const w = watch('/api/v1/namespaces/default/configmaps', { resourceVersion: list.metadata!.resourceVersion });
    await w.ended;
    expect(w.events).toHaveLength(1);
    expect(w.events[0].type).toBe('ERROR');
    expect(w.events[0].object).toMatchObject({ kind: 'Status', code: 410, reason: 'Expired' });
  });

  it('sees the watch end when the server drops all watches', async () => {
    const w = watch('/api/v1/namespaces/default/configmaps', {});
    await w.started();
    await w.until(() => w.events.length >= 20);
    sim.ctx.dropWatches();
    const err = await w.ended;
    expect(err).toBeNull();
  });
});
