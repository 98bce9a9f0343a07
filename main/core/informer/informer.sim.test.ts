/**
 * The informer against the real simulator (HTTPS, bearer auth, the sim's own list/watch):
 * pagination, bookmarks, resume, 410 relist (as deltas), dropped and stalled connections, opaque
 * resourceVersions, coalescing and RBAC failures.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSim } from '../../../sim/index';
import { ContractError } from '../../../app/contract/errors';
import type { StreamStatus, WatchEvent } from '../../../app/watch/types';
import { ClusterTransport } from '../auth/clusterTransport';
import { ExecTrustStore } from '../auth/execTrustStore';
import { listWatchClient } from '../cluster/clusterManager';
import { loadKubeconfigs } from '../kubeconfig/mergeKubeconfigs';
import { applyWatchEvents, emptyListState, listItems } from '../../../app/watch/reducer';
import { Informer, type InformerOptions, type ListWatchClient } from './informer';
import { until } from '../testing/contractClient';
import { lastListing, listingCount } from '../testing/watchEvents';

type Sim = Awaited<ReturnType<typeof startSim>>;
let sim: Sim;
const informers: Informer[] = [];

beforeAll(async () => {
  sim = await startSim({ controllers: false, bookmarkIntervalSeconds: 1 });
  for (const ns of ['big', 'a', 'b', 'gone', 'quiet', 'storm', 'chaos']) sim.ctx.api.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
});
afterAll(async () => {
  await sim?.stop();
});
afterEach(() => {
  for (const i of informers.splice(0)) i.stop();
});

const pod = (namespace: string, name: string): Parameters<Sim['ctx']['api']['create']>[1] => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace, labels: { app: 'test' } },
  spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] },
});

/** The real HTTP client for a sim context, observed (request log) and with a switchable network cut. */
async function clientFor(context = 'sim-admin') {
  const merged = await loadKubeconfigs([{ path: sim.kubeconfigPath }]);
  const rc = merged.contexts.find((c) => c.name === context)!;
  const transport = new ClusterTransport(rc, new ExecTrustStore('/nonexistent'));
  const real = listWatchClient(() => transport);
  const log: string[] = [];
  const net = { offline: false };
  const cut = () => new ContractError({ code: 'unreachable', message: `Cannot reach ${sim.url}: connection refused` });
  const client: ListWatchClient = {
    requestJson: async (req) => {
      log.push(`list ${new URLSearchParams(req.query as Record<string, string>).toString()}`);
      if (net.offline) throw cut();
      return real.requestJson(req);
    },
    openStream: async (req) => {
      log.push(`watch rv=${req.query?.resourceVersion}`);
      if (net.offline) throw cut();
      return real.openStream(req);
    },
  };
  return { client, log, net };
}

async function run(namespace: string, options: InformerOptions = {}, context?: string) {
  const { client, log, net } = await clientFor(context);
  const events: WatchEvent[] = [];
  const informer = new Informer({ ref: { group: '', version: 'v1', resource: 'pods' }, namespace }, client, { backoffBaseMs: 100, backoffMaxMs: 400, log: () => {}, ...options });
  informers.push(informer);
  informer.subscribe((e) => events.push(e));
  informer.start();
  return { informer, events, log, net };
}

/** The resourceVersion the informer would resume from: a new subscriber's `synced` carries it. */
function resourceVersionOf(informer: Informer): string | undefined {
  let rv: string | undefined;
  informer.subscribe((e) => e.type === 'synced' && (rv = e.resourceVersion))();
  return rv;
}
const retryDelayMs = (s: StreamStatus) => Date.parse(s.nextRetryAt!) - Date.parse(s.since);
const states = (events: WatchEvent[]) => events.flatMap((e) => (e.type === 'status' ? [e.status.state + (e.status.reason ? `:${e.status.reason}` : '')] : []));
const changed = (events: WatchEvent[]) => events.flatMap((e) => (e.type === 'changes' ? e.changes.map((c) => `${c.type} ${c.object.metadata.name}`) : []));

describe('Informer against the simulator', () => {
  it('lists 1,200 pods in pages of 500, strips managedFields, and goes live', async () => {
    for (let i = 0; i < 1200; i++) sim.ctx.api.create('pods', pod('big', `p-${String(i).padStart(4, '0')}`));
    const { events, log } = await run('big');
    await until(() => states(events).includes('live'));
    const snap = lastListing(events)!;
    // Each page went out as it was listed, not as one message at the end.
    expect(snap.pages).toBe(3);
    expect(events.filter((e) => e.type === 'page').map((e) => (e.type === 'page' ? e.items.length : 0))).toEqual([500, 500, 200]);
    expect(snap.items).toHaveLength(1200);
    expect(new Set(snap.items.map((o) => o.metadata.uid)).size).toBe(1200);
    expect(snap.items.every((o) => o.metadata.managedFields === undefined && o.kind === 'Pod')).toBe(true);
    const lists = log.filter((l) => l.startsWith('list'));
    expect(lists).toHaveLength(3);
    expect(lists[0]).toContain('limit=500');
    expect(lists[1]).toContain('continue=');
    // Opaque resourceVersions: the watch resumes from exactly the string the list returned.
    expect(snap.resourceVersion).not.toMatch(/^\d+$/);
    expect(log.find((l) => l.startsWith('watch'))).toBe(`watch rv=${snap.resourceVersion}`);
  });

  it('tracks bookmarks and resumes from the bookmark after dropWatches, without relisting', async () => {
    const { informer, events, log } = await run('a');
    await until(() => states(events).includes('live'));
    // Writes elsewhere move the cluster's resourceVersion; only bookmarks tell this watch about it.
    sim.ctx.api.create('pods', pod('b', 'elsewhere'));
    const rvAfterWrite = sim.ctx.store.encodeRv(sim.ctx.store.revision());
    // Nothing changes in "a", so only a bookmark can carry the informer to the new revision.
    await until(() => resourceVersionOf(informer) === rvAfterWrite);
    sim.ctx.dropWatches();
    sim.ctx.api.create('pods', pod('a', 'while-dropped'));
    await until(() => changed(events).includes('ADDED while-dropped'));
    const watches = log.filter((l) => l.startsWith('watch'));
    expect(watches[1]).toBe(`watch rv=${rvAfterWrite}`);
    expect(listingCount(events)).toBe(1);
    expect(states(events)).toContain('reconnecting:connection-dropped');
    expect(states(events).at(-1)).toBe('live');
  });

  it('relists after 410 (compacted history) and sends only the differences: deleted-while-away objects vanish, no duplicates', async () => {
    sim.ctx.api.create('pods', pod('gone', 'stays'));
    sim.ctx.api.create('pods', pod('gone', 'modified-while-away'));
    sim.ctx.api.create('pods', pod('gone', 'deleted-while-away'));
    sim.ctx.api.create('pods', pod('gone', 'recreated-while-away'));
    const { events, net, log } = await run('gone');
    await until(() => states(events).includes('live'));
    const before = events.length;
    net.offline = true;
    sim.ctx.dropWatches();
    await until(() => states(events).includes('reconnecting:unreachable'));
    const reconnecting = events.filter((e) => e.type === 'status').at(-1)!;
    expect(reconnecting).toMatchObject({ status: { staleSince: expect.any(String), nextRetryAt: expect.any(String), message: expect.stringContaining('connection refused') } });
    const oldUid = sim.ctx.api.get('pods', 'gone', 'recreated-while-away')!.metadata.uid;
    sim.ctx.api.delete('pods', 'gone', 'deleted-while-away', { gracePeriodSeconds: 0 });
    sim.ctx.api.delete('pods', 'gone', 'recreated-while-away', { gracePeriodSeconds: 0 });
    sim.ctx.api.create('pods', pod('gone', 'recreated-while-away'));
    sim.ctx.api.create('pods', pod('gone', 'added-while-away'));
    const modified = sim.ctx.api.get('pods', 'gone', 'modified-while-away')!;
    sim.ctx.api.update('pods', { ...modified, metadata: { ...modified.metadata, labels: { app: 'test', touched: 'yes' } } });
    sim.ctx.compact();
    const relistsBefore = log.filter((l) => l.startsWith('list')).length;
    net.offline = false;
    await until(() => states(events).at(-1) === 'live' && changed(events).includes('ADDED added-while-away'));
    expect(states(events)).toContain('reconnecting:gone');
    expect(log.filter((l) => l.startsWith('list')).length).toBe(relistsBefore + 1);
    // One listing only (the first); the relist arrives as one coalesced batch of deltas.
    expect(listingCount(events)).toBe(1);
    const batches = events.slice(before).filter((e) => e.type === 'changes');
    expect(batches).toHaveLength(1);
    expect(changed(events).sort()).toEqual(['ADDED added-while-away', 'ADDED recreated-while-away', 'DELETED deleted-while-away', 'DELETED recreated-while-away', 'MODIFIED modified-while-away']);
    const deletedRecreated = batches[0].type === 'changes' && batches[0].changes.find((c) => c.type === 'DELETED' && c.object.metadata.name === 'recreated-while-away');
    expect(deletedRecreated && deletedRecreated.object.metadata.uid).toBe(oldUid);
    // Folding everything the stream sent gives exactly what a fresh list returns now.
    const folded = listItems(applyWatchEvents(emptyListState(), events));
    const fresh = sim.ctx.api.list('pods', { namespace: 'gone' });
    const byName = (objs: { metadata: { name?: string; uid?: string; resourceVersion?: string } }[]) => objs.map((o) => `${o.metadata.name} ${o.metadata.uid} ${o.metadata.resourceVersion}`).sort();
    expect(byName(folded)).toEqual(byName(fresh));
    expect(folded.map((o) => o.metadata.labels?.touched).filter(Boolean)).toEqual(['yes']);
    const live = events.filter((e) => e.type === 'status').at(-1)!;
    expect(live.type === 'status' && live.status.staleSince).toBeUndefined();
  });

  it('sends nothing but status for a relist that finds no change', async () => {
    sim.ctx.api.create('pods', pod('quiet', 'one'));
    sim.ctx.api.create('pods', pod('quiet', 'two'));
    const { events, net, log } = await run('quiet');
    await until(() => states(events).includes('live'));
    const before = events.length;
    net.offline = true;
    sim.ctx.dropWatches();
    await until(() => states(events).includes('reconnecting:unreachable'));
    // Writes elsewhere move the revision past ours, so compaction makes our resume a 410.
    sim.ctx.api.create('pods', pod('b', 'moves-the-revision'));
    sim.ctx.compact();
    const listsBefore = log.filter((l) => l.startsWith('list')).length;
    net.offline = false;
    await until(() => states(events).at(-1) === 'live' && log.filter((l) => l.startsWith('list')).length === listsBefore + 1);
    // A change after the relist comes through the same coalescing: any delta the relist had
    // queued is delivered no later than it, so once it is here the batches are complete.
    sim.ctx.api.create('pods', pod('quiet', 'after-relist'));
    await until(() => changed(events).includes('ADDED after-relist'));
    expect(states(events)).toContain('reconnecting:gone');
    expect(changed(events.slice(before))).toEqual(['ADDED after-relist']);
    expect(listingCount(events)).toBe(1);
  });

  it('aborts a stalled watch with the read-idle watchdog and catches up afterwards', async () => {
    const { events } = await run('storm', { watchdogMs: 700, watchTimeoutSeconds: () => 60 });
    await until(() => states(events).includes('live'));
    sim.ctx.stallWatches(true);
    sim.ctx.api.create('pods', pod('storm', 'during-stall'));
    await until(() => states(events).includes('reconnecting:stalled'));
    // For display: a message id with its parameters, translated by the renderer.
    const stalled = events.find((e) => e.type === 'status' && e.status.reason === 'stalled');
    expect(stalled?.type === 'status' && stalled.status.display).toEqual({ code: 'watchdog', params: { seconds: 1 } });
    expect(changed(events)).not.toContain('ADDED during-stall');
    sim.ctx.stallWatches(false);
    await until(() => changed(events).includes('ADDED during-stall'));
  });

  it('coalesces a burst of changes into a few batches', async () => {
    const { events } = await run('storm');
    await until(() => states(events).includes('live'));
    for (let i = 0; i < 300; i++) sim.ctx.api.create('pods', pod('storm', `burst-${i}`));
    await until(() => changed(events).filter((c) => c.startsWith('ADDED burst-')).length === 300);
    expect(events.filter((e) => e.type === 'changes').length).toBeLessThanOrEqual(10);
  });

  it('fails with the API message when RBAC forbids the list, and does not retry in a storm', async () => {
    const { events, log } = await run('kube-system', { failedRetryMs: 60_000 }, 'sim-viewer');
    await until(() => states(events).includes('failed:forbidden'));
    const failed = events.find((e) => e.type === 'status' && e.status.state === 'failed');
    expect(failed?.type === 'status' && failed.status.message).toMatch(/forbidden/);
    // The API server's own words travel as `detail`, shown verbatim; the code is translated.
    expect(failed?.type === 'status' && failed.status).toMatchObject({ display: { code: 'forbidden' }, detail: expect.stringMatching(/cannot list resource "pods"/) });
    // No storm: the next try is announced for failedRetryMs later, not the backoff's 100 ms;
    // informer.backoff.test.ts proves on a fake clock that nothing is sent before it.
    expect(failed?.type === 'status' && retryDelayMs(failed.status)).toBeGreaterThan(59_000);
    expect(log).toHaveLength(1);
  });

  it('converges to the server state through malformed and truncated watch lines', async () => {
    const { events } = await run('chaos', { backoffBaseMs: 20, backoffMaxMs: 100 });
    await until(() => states(events).includes('live'));
    sim.ctx.chaos.malformedWatchRate = 0.2;
    sim.ctx.chaos.truncatedWatchRate = 0.1;
    try {
      for (let i = 0; i < 60; i++) {
        sim.ctx.api.create('pods', pod('chaos', `c-${i}`));
        if (i % 3 === 0) sim.ctx.api.delete('pods', 'chaos', `c-${i}`, { gracePeriodSeconds: 0 });
        await new Promise((r) => setTimeout(r, 10));
      }
    } finally {
      sim.ctx.chaos.malformedWatchRate = 0;
      sim.ctx.chaos.truncatedWatchRate = 0;
    }
    const expected = sim.ctx.api.list('pods', { namespace: 'chaos' }).map((o) => o.metadata.name).sort();
    expect(expected).toHaveLength(40);
    const folded = () => listItems(applyWatchEvents(emptyListState(), events)).map((o) => o.metadata.name).sort();
    await until(() => JSON.stringify(folded()) === JSON.stringify(expected));
    expect(states(events).some((s) => s === 'reconnecting:malformed' || s === 'reconnecting:connection-dropped')).toBe(true);
  });
});
