/**
 * Informer edge cases against a tiny local list/watch server (split and malformed lines, ERROR
 * events, 403). The simulator-backed tests are in informer.sim.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { StreamStatus, WatchEvent } from '../../../app/watch/types';
import { ClusterTransport } from '../auth/clusterTransport';
import { ExecTrustStore } from '../auth/execTrustStore';
import { listWatchClient } from '../cluster/clusterManager';
import { startFakeApiServer, type FakeApiServer } from '../testing/fakeApiServer';
import { Informer } from './informer';
import { until } from '../testing/contractClient';
import { lastListing, listingCount } from '../testing/watchEvents';

let server: FakeApiServer;
let informer: Informer | undefined;
afterEach(async () => {
  informer?.stop();
  await server?.close();
});

function start(opts: ConstructorParameters<typeof Informer>[2] = {}) {
  const transport = new ClusterTransport(
    { name: 'fake', demo: false, context: { name: 'fake', cluster: 'c', sourceFile: '/x' }, cluster: { name: 'c', server: server.url, skipTLSVerify: false, sourceFile: '/x' } },
    new ExecTrustStore('/nonexistent/trust.json'),
  );
  const events: WatchEvent[] = [];
  informer = new Informer({ ref: { group: '', version: 'v1', resource: 'pods' } }, listWatchClient(() => transport), { backoffBaseMs: 50, backoffMaxMs: 200, ...opts });
  informer.subscribe((e) => events.push(e));
  informer.start();
  return events;
}

const retryDelayMs = (s: StreamStatus) => Date.parse(s.nextRetryAt!) - Date.parse(s.since);
const states = (events: WatchEvent[]) => events.flatMap((e) => (e.type === 'status' ? [e.status.state + (e.status.reason ? `:${e.status.reason}` : '')] : []));

describe('Informer (local list/watch server)', () => {
  it('lists, strips managedFields, fills kind, then coalesces watch events split across chunks', async () => {
    server = await startFakeApiServer();
    server.add('a');
    const events = start();
    await until(() => states(events).includes('live'));
    const snap = lastListing(events);
    expect(snap).toMatchObject({ items: [{ kind: 'Pod', apiVersion: 'v1', metadata: { name: 'a' } }], resourceVersion: expect.any(String) });
    expect(snap?.items[0].metadata.managedFields).toBeUndefined();

    // One event split in three writes (even inside a multi-byte character), plus two more in one chunk.
    const line = JSON.stringify({ type: 'ADDED', object: { metadata: { name: 'ü-b', namespace: 'default', uid: 'u-b', resourceVersion: 'fake-zz1' } } }) + '\n';
    const bytes = Buffer.from(line);
    const cut = bytes.indexOf(Buffer.from('ü')) + 1;
    for (const w of server.watches) {
      w.write(bytes.subarray(0, cut));
      w.write(bytes.subarray(cut, cut + 5));
      w.write(bytes.subarray(cut + 5));
    }
    server.add('c');
    server.add('d');
    await until(() => events.some((e) => e.type === 'changes' && e.changes.some((c) => c.object.metadata.name === 'd')));
    const batches = events.filter((e) => e.type === 'changes');
    expect(batches.length).toBeLessThanOrEqual(2);
    const names = batches.flatMap((b) => (b.type === 'changes' ? b.changes.map((c) => c.object.metadata.name) : []));
    expect(names).toEqual(['ü-b', 'c', 'd']);
  });

  it('treats a malformed line as a dropped connection and resumes from the last (opaque) resourceVersion', async () => {
    server = await startFakeApiServer();
    const events = start();
    await until(() => states(events).includes('live'));
    const last = server.add('x').metadata.resourceVersion;
    await until(() => events.some((e) => e.type === 'changes'));
    server.writeRaw('{"type":"ADDED","object":{oops\n');
    await until(() => states(events).includes('reconnecting:malformed'));
    await until(() => states(events).filter((s) => s === 'live').length === 2);
    const watches = server.requests.filter((r) => r.includes('watch=1'));
    expect(watches.at(-1)).toContain(`resourceVersion=${last}`);
    // Resumed, not relisted: one list only.
    expect(server.requests.filter((r) => !r.includes('watch=1'))).toHaveLength(1);
    const reconnecting = events.find((e) => e.type === 'status' && e.status.state === 'reconnecting');
    expect(reconnecting).toMatchObject({ status: { attempt: 1, staleSince: expect.any(String), nextRetryAt: expect.any(String) } });
  });

  it('relists after a watch ERROR 410 and emits only the differences', async () => {
    server = await startFakeApiServer();
    server.add('old');
    const events = start();
    await until(() => states(events).includes('live'));
    server.pods.delete('old');
    server.pods.set('new', { metadata: { name: 'new', namespace: 'default', uid: 'uid-new', resourceVersion: 'fake-new' } });
    server.writeRaw(JSON.stringify({ type: 'ERROR', object: { kind: 'Status', code: 410, reason: 'Expired', message: 'too old resource version' } }) + '\n');
    const changes = () => events.flatMap((e) => (e.type === 'changes' ? e.changes.map((c) => `${c.type} ${c.object.metadata.name}`) : []));
    await until(() => changes().length === 2);
    expect(changes()).toEqual(['DELETED old', 'ADDED new']);
    expect(listingCount(events)).toBe(1);
    expect(states(events)).toContain('reconnecting:gone');
  });

  it('fails with the API message on 403 and does not retry in a storm', async () => {
    server = await startFakeApiServer();
    server.failList = { status: 403, message: 'pods is forbidden: User "viewer" cannot list resource "pods" in API group "" at the cluster scope' };
    const events = start({ failedRetryMs: 60_000 });
    await until(() => states(events).includes('failed:forbidden'));
    const failed = events.find((e) => e.type === 'status' && e.status.state === 'failed');
    expect(failed).toMatchObject({ status: { message: expect.stringContaining('cannot list resource "pods"'), nextRetryAt: expect.any(String) } });
    // No storm: the next try is announced for failedRetryMs later, not the backoff's 50 ms;
    // informer.backoff.test.ts proves on a fake clock that nothing is sent before it.
    expect(failed?.type === 'status' && retryDelayMs(failed.status)).toBeGreaterThan(59_000);
    expect(server.requests).toHaveLength(1);
  });

  it('reconnects a stalled watch when the watchdog fires', async () => {
    server = await startFakeApiServer();
    // The fake server never ends a watch and never sends bookmarks: a half-open stream.
    const events = start({ watchdogMs: 300, watchTimeoutSeconds: () => 600 });
    await until(() => states(events).includes('live'));
    await until(() => states(events).includes('reconnecting:stalled'));
    await until(() => states(events).filter((s) => s === 'live').length >= 2);
  });
});
