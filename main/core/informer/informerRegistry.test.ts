/**
 * Sharing, reference counting and linger, with fake timers. The client below stands in for the
 * HTTP layer only (no socket involved): one list page, then a watch stream that stays open.
 */
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WatchEvent } from '../../../app/watch/types';
import type { ListWatchClient } from './informer';
import { InformerRegistry } from './informerRegistry';

const pods = { ref: { group: '', version: 'v1', resource: 'pods' } };

function countingClient() {
  const calls = { lists: 0, watches: 0 };
  const streams: PassThrough[] = [];
  const client: ListWatchClient = {
    requestJson: async <T,>() => {
      calls.lists++;
      return { kind: 'PodList', metadata: { resourceVersion: 'abc' }, items: [{ metadata: { name: 'p', uid: 'u1', managedFields: [{}] } }] } as T;
    },
    openStream: async () => {
      calls.watches++;
      const s = new PassThrough();
      streams.push(s);
      return s;
    },
  };
  return { client, calls, streams };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('InformerRegistry', () => {
  it('shares one informer per target, gives late subscribers the listing at once, and lingers after the last one leaves', async () => {
    const { client, calls } = countingClient();
    const registry = new InformerRegistry(() => client, { lingerMs: 30_000 });
    const first: WatchEvent[] = [];
    const off1 = registry.subscribe('ctx', pods, (e) => first.push(e));
    await vi.advanceTimersByTimeAsync(10);
    expect(first.map((e) => e.type)).toEqual(['status', 'page', 'synced', 'status']);

    const second: WatchEvent[] = [];
    const off2 = registry.subscribe('ctx', { ...pods }, (e) => second.push(e));
    expect(second[0]).toMatchObject({ type: 'page', first: true, items: [{ metadata: { name: 'p' } }] });
    expect(second[1]).toMatchObject({ type: 'synced', resourceVersion: 'abc' });
    expect(second[2]).toMatchObject({ type: 'status', status: { state: 'live' } });
    expect(calls).toEqual({ lists: 1, watches: 1 });

    // A different selector is a different informer.
    const off3 = registry.subscribe('ctx', { ...pods, labelSelector: 'app=web' }, () => {});
    await vi.advanceTimersByTimeAsync(10);
    expect(registry.size()).toBe(2);
    expect(calls.lists).toBe(2);
    off3();

    off1();
    off2();
    await vi.advanceTimersByTimeAsync(29_000);
    // Remount within the linger window: no relist.
    const off4 = registry.subscribe('ctx', pods, () => {});
    await vi.advanceTimersByTimeAsync(10);
    expect(calls.lists).toBe(2);
    off4();
    off4(); // releasing twice is harmless
    await vi.advanceTimersByTimeAsync(30_001);
    expect(registry.size()).toBe(0);
    registry.dispose();
  });

  it('coalesces a storm of watch events into one batch per tick', async () => {
    const { client, streams } = countingClient();
    const registry = new InformerRegistry(() => client, { informer: { tickMs: 50 } });
    const events: WatchEvent[] = [];
    registry.subscribe('ctx', pods, (e) => events.push(e));
    await vi.advanceTimersByTimeAsync(10);
    for (let i = 0; i < 500; i++) {
      streams[0].write(JSON.stringify({ type: 'ADDED', object: { metadata: { name: `p${i}`, uid: `u${i}`, resourceVersion: `r${i}` } } }) + '\n');
    }
    await vi.advanceTimersByTimeAsync(60);
    const batches = events.filter((e) => e.type === 'changes');
    expect(batches).toHaveLength(1);
    expect(batches[0]).toMatchObject({ resourceVersion: 'r499' });
    expect(batches[0].type === 'changes' && batches[0].changes).toHaveLength(500);
    registry.dispose();
  });

  it('ends subscribers when their context is stopped', async () => {
    const { client } = countingClient();
    const registry = new InformerRegistry(() => client);
    let ended: unknown;
    registry.subscribe('ctx', pods, () => {}, (err) => (ended = err));
    registry.subscribe('other', pods, () => {});
    registry.stopContext('ctx', { code: 'cancelled', message: 'Cluster "ctx" was disconnected' });
    expect(ended).toMatchObject({ code: 'cancelled' });
    expect(registry.statusesOf('ctx')).toEqual([]);
    expect(registry.statusesOf('other')).toHaveLength(1);
    registry.dispose();
  });
});
