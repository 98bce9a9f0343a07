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

  it('lets failed win and treats a stream without status as connecting', () => {
    expect(summariseStreams([undefined])?.state).toBe('connecting');
    expect(summariseStreams([{ state: 'failed', since: 'x', reason: 'forbidden', message: 'pods is forbidden' }, undefined])).toMatchObject({
      state: 'failed',
      reason: 'forbidden',
      message: 'pods is forbidden',
    });
  });
});
