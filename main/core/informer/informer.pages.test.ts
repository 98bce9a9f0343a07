/**
 * The initial listing goes out page by page as the API server answers, not as one message at
 * the end: the first rows can show while the rest is still being listed, and no message has to
 * hold the whole list. The client below stands in for the HTTP layer and answers each page only
 * when the test releases it.
 */
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../app/kube/object';
import type { WatchEvent } from '../../../app/watch/types';
import type { KubeRequest } from '../http/kubeHttp';
import { until } from '../testing/contractClient';
import { lastListing } from '../testing/watchEvents';
import { Informer, type ListWatchClient } from './informer';
import { ContractError } from '../../../app/contract/errors';

const pod = (i: number): KubeObject => ({ metadata: { name: `p-${i}`, namespace: 'default', uid: `u-${i}`, resourceVersion: `r${i}` } });

/** Lists `total` pods in pages of `limit`, each page waiting for `release()`. */
function gatedClient(total: number) {
  const waiting: Array<{ req: KubeRequest; answer: () => void; fail: (err: Error) => void }> = [];
  const client: ListWatchClient = {
    requestJson: <T,>(req: KubeRequest) =>
      new Promise<T>((resolve, reject) => {
        const limit = Number(req.query?.limit);
        const from = Number(req.query?.continue ?? 0);
        const to = Math.min(total, from + limit);
        const items = Array.from({ length: to - from }, (_, k) => pod(from + k));
        const page = { kind: 'PodList', metadata: { resourceVersion: 'list-rv', continue: to < total ? String(to) : undefined }, items };
        waiting.push({ req, answer: () => resolve(page as T), fail: reject });
      }),
    openStream: async () => new PassThrough(),
  };
  const next = async () => {
    await until(() => waiting.length > 0);
    return waiting.shift()!;
  };
  return { client, release: async () => (await next()).answer(), fail: async (err: Error) => (await next()).fail(err) };
}

let informer: Informer | undefined;
afterEach(() => informer?.stop());

const pageSizes = (events: WatchEvent[]) => events.flatMap((e) => (e.type === 'page' ? [`${e.first ? 'first ' : ''}${e.items.length}`] : e.type === 'synced' ? ['synced'] : []));

describe('Informer: the initial listing in pages', () => {
  it('sends each page as it arrives, then synced', async () => {
    const gate = gatedClient(25);
    informer = new Informer({ ref: { group: '', version: 'v1', resource: 'pods' } }, gate.client, { pageSize: 10 });
    const events: WatchEvent[] = [];
    informer.subscribe((e) => events.push(e));
    informer.start();
    await gate.release();
    await until(() => pageSizes(events).length === 1);
    // The first page is out while the second has not even been answered.
    expect(pageSizes(events)).toEqual(['first 10']);
    await gate.release();
    await gate.release();
    await until(() => pageSizes(events).includes('synced'));
    expect(pageSizes(events)).toEqual(['first 10', '10', '5', 'synced']);
    expect(lastListing(events)).toMatchObject({ resourceVersion: 'list-rv' });
    expect(lastListing(events)!.items.map((o) => o.metadata.name)).toEqual(Array.from({ length: 25 }, (_, i) => `p-${i}`));
  });

  it('gives a subscriber who joins mid-listing the pages held so far, then the rest as they come', async () => {
    const gate = gatedClient(30);
    informer = new Informer({ ref: { group: '', version: 'v1', resource: 'pods' } }, gate.client, { pageSize: 10 });
    informer.subscribe(() => {});
    informer.start();
    await gate.release();
    await gate.release();
    await until(() => informer!.currentStatus().state === 'connecting' && lastListingOf(informer!) === 20);
    const late: WatchEvent[] = [];
    informer.subscribe((e) => late.push(e));
    expect(pageSizes(late)).toEqual(['first 10', '10']);
    await gate.release();
    await until(() => pageSizes(late).includes('synced'));
    expect(pageSizes(late)).toEqual(['first 10', '10', '10', 'synced']);
    expect(new Set(lastListing(late)!.items.map((o) => o.metadata.uid)).size).toBe(30);
  });

  it('gives a subscriber who joins after synced the cache in pages of the page size', async () => {
    const gate = gatedClient(25);
    informer = new Informer({ ref: { group: '', version: 'v1', resource: 'pods' } }, gate.client, { pageSize: 10 });
    informer.start();
    for (let i = 0; i < 3; i++) await gate.release();
    await until(() => informer!.currentStatus().state === 'live');
    const late: WatchEvent[] = [];
    informer.subscribe((e) => late.push(e));
    expect(pageSizes(late)).toEqual(['first 10', '10', '5', 'synced']);
  });

  it('starts the pages over when the listing fails half-way', async () => {
    const gate = gatedClient(20);
    informer = new Informer({ ref: { group: '', version: 'v1', resource: 'pods' } }, gate.client, { pageSize: 10, backoffBaseMs: 1, backoffMaxMs: 2 });
    const events: WatchEvent[] = [];
    informer.subscribe((e) => events.push(e));
    informer.start();
    await gate.release();
    await gate.fail(new ContractError({ code: 'unreachable', message: 'connection reset', display: { code: 'net-reset', params: { server: 'x' } } }));
    await gate.release();
    await gate.release();
    await until(() => pageSizes(events).includes('synced'));
    expect(pageSizes(events)).toEqual(['first 10', 'first 10', '10', 'synced']);
    expect(lastListing(events)!.items).toHaveLength(20);
  });
});

/** How many objects a new subscriber would be handed right now. */
function lastListingOf(inf: Informer): number {
  const events: WatchEvent[] = [];
  inf.subscribe((e) => events.push(e))();
  return lastListing(events)?.items.length ?? 0;
}
