import { describe, expect, it } from 'vitest';
import { summariseStreams } from './streamSummary';

describe('summariseStreams', () => {
  it('is undefined without streams and live when all are live', () => {
    expect(summariseStreams([])).toBeUndefined();
    expect(summariseStreams([{ state: 'live', since: 'a' }])).toEqual({ state: 'live', total: 1 });
  });

  it('reports the worst state with its reason, the soonest retry and the earliest stale time', () => {
    const s = summariseStreams([
      { state: 'live', since: 't0' },
      { state: 'reconnecting', since: 't1', reason: 'connection-dropped', nextRetryAt: '2026-01-01T00:00:09Z', staleSince: '2026-01-01T00:00:05Z' },
      { state: 'reconnecting', since: 't1', reason: 'stalled', nextRetryAt: '2026-01-01T00:00:07Z', staleSince: '2026-01-01T00:00:03Z' },
    ]);
    expect(s).toEqual({
      state: 'reconnecting',
      reason: 'connection-dropped',
      message: undefined,
      nextRetryAt: '2026-01-01T00:00:07Z',
      staleSince: '2026-01-01T00:00:03Z',
      total: 3,
    });
  });

  it('keeps a failed stream (forbidden) apart: the cluster stays live, the problem is named with the API message', () => {
    expect(summariseStreams([undefined])?.state).toBe('connecting');
    const s = summariseStreams([
      { state: 'live', since: 'a' },
      { state: 'failed', since: 'x', reason: 'forbidden', display: { code: 'forbidden' }, detail: 'pods is forbidden', nextRetryAt: '2026-01-01T00:00:30Z' },
      { state: 'failed', since: 'y', reason: 'forbidden', display: { code: 'forbidden' }, detail: 'nodes is forbidden' },
    ]);
    expect(s).toEqual({ state: 'live', total: 3, problem: { reason: 'forbidden', display: { code: 'forbidden' }, detail: 'pods is forbidden', count: 2 } });
    // A failed stream's retry is no reconnect countdown.
    expect(summariseStreams([{ state: 'failed', since: 'x', reason: 'forbidden', nextRetryAt: '2026-01-01T00:00:30Z' }])?.nextRetryAt).toBeUndefined();
    expect(summariseStreams([{ state: 'reconnecting', since: 'x', reason: 'stalled' }, { state: 'failed', since: 'y', reason: 'forbidden' }])).toMatchObject({
      state: 'reconnecting',
      reason: 'stalled',
      problem: { reason: 'forbidden', count: 1 },
    });
  });
});
