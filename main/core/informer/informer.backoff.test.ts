/**
 * Reconnect timing with fake timers: exponential backoff with jitter, capped, reset once a watch
 * connects again; a refused list (RBAC) waits its own, longer interval instead. The client
 * stands in for the HTTP layer only (no socket involved).
 */
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContractError } from '../../../app/contract/errors';
import type { StreamStatus, WatchEvent } from '../../../app/watch/types';
import { Informer, type ListWatchClient } from './informer';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('Informer reconnects', () => {
  it('backs off while the server is unreachable and starts over after a successful watch', async () => {
    let down = false;
    const streams: PassThrough[] = [];
    const client: ListWatchClient = {
      requestJson: async <T,>() => ({ metadata: { resourceVersion: 'a1' }, items: [] }) as T,
      openStream: async () => {
        if (down) throw new ContractError({ code: 'unreachable', message: 'Cannot reach https://10.0.0.1:6443: connection refused' });
        const s = new PassThrough();
        streams.push(s);
        return s;
      },
    };
    const informer = new Informer({ ref: { group: '', version: 'v1', resource: 'pods' } }, client, { random: () => 1, watchTimeoutSeconds: () => 300 });
    const statuses: StreamStatus[] = [];
    informer.subscribe((e: WatchEvent) => e.type === 'status' && statuses.push(e.status));
    informer.start();
    await vi.advanceTimersByTimeAsync(1);
    expect(statuses.at(-1)?.state).toBe('live');

    down = true;
    streams[0].destroy(); // the connection drops, and the server stays away
    await vi.advanceTimersByTimeAsync(1);
    expect(statuses.at(-1)).toMatchObject({ state: 'reconnecting', reason: 'connection-dropped', attempt: 1 });
    for (const wait of [500, 1000, 2000, 4000]) await vi.advanceTimersByTimeAsync(wait);
    const attempts = statuses.filter((s) => s.state === 'reconnecting').map((s) => [s.attempt, Date.parse(s.nextRetryAt!) - Date.parse(s.since)]);
    expect(attempts).toEqual([[1, 500], [2, 1000], [3, 2000], [4, 4000], [5, 8000]]);
    expect(statuses.at(-1)).toMatchObject({ reason: 'unreachable', message: expect.stringContaining('connection refused') });
    // Stale since the moment the stream left live, kept through every retry.
    const staleSince = statuses[statuses.length - 1].staleSince;
    expect(statuses.filter((s) => s.state === 'reconnecting').every((s) => s.staleSince === staleSince)).toBe(true);

    down = false;
    await vi.advanceTimersByTimeAsync(8000);
    expect(statuses.at(-1)).toMatchObject({ state: 'live' });
    expect(statuses.at(-1)?.staleSince).toBeUndefined();
    streams[1].destroy();
    await vi.advanceTimersByTimeAsync(1);
    expect(statuses.at(-1)).toMatchObject({ state: 'reconnecting', attempt: 1 });
    informer.stop();
  });

  it('after 401/403/404 waits failedRetryMs (not the backoff) before the next request', async () => {
    let requests = 0;
    const client: ListWatchClient = {
      requestJson: async () => {
        requests++;
        throw new ContractError({ code: 'forbidden', status: 403, message: 'pods is forbidden' });
      },
      openStream: async () => new PassThrough(),
    };
    const informer = new Informer({ ref: { group: '', version: 'v1', resource: 'pods' } }, client, { backoffBaseMs: 100, failedRetryMs: 60_000 });
    const statuses: StreamStatus[] = [];
    informer.subscribe((e: WatchEvent) => e.type === 'status' && statuses.push(e.status));
    informer.start();
    await vi.advanceTimersByTimeAsync(1);
    expect(statuses.at(-1)).toMatchObject({ state: 'failed', reason: 'forbidden' });
    expect(Date.parse(statuses.at(-1)!.nextRetryAt!) - Date.parse(statuses.at(-1)!.since)).toBe(60_000);
    await vi.advanceTimersByTimeAsync(59_990);
    expect(requests).toBe(1);
    await vi.advanceTimersByTimeAsync(20);
    expect(requests).toBe(2);
    expect(statuses.map((s) => s.state)).toEqual(['connecting', 'failed', 'failed']);
    informer.stop();
  });
});
