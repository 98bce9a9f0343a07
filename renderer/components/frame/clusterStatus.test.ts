import { describe, expect, it } from 'vitest';
import type { ClusterHealth } from '../../../app/contract/pilothouse';
import { createI18n } from '../../i18n';
import { clusterDot, clusterStatusParts, type ClusterStatusFormat } from './clusterStatus';
import { summariseStreams } from './streamSummary';

const health = (over: Partial<ClusterHealth> = {}): ClusterHealth => ({
  context: 'sim-viewer',
  state: 'connected',
  streams: { total: 2, live: 1, reconnecting: 0, failed: 1, connecting: 0 },
  ...over,
});
const format: ClusterStatusFormat = { retry: () => 'retry in 8 s', time: (iso) => `@${iso}`, withCounts: true };
// As main sends it: the reason, main's message id, and the API server's words as detail.
const apiText = 'pods is forbidden: User "viewer" cannot list resource "pods" at the cluster scope';
const forbidden = { state: 'failed' as const, since: 'x', reason: 'forbidden', message: apiText, display: { code: 'forbidden' as const }, detail: apiText };

describe('cluster status line', () => {
  const en = createI18n('en').t;
  const zh = createI18n('zh-CN').t;

  it('a forbidden list keeps the cluster live and names the stream problem with the API message', () => {
    const input = { health: health(), streams: summariseStreams([{ state: 'live', since: 'a' }, forbidden]), coreDown: false };
    expect(clusterDot(input)).toBe('live');
    expect(clusterStatusParts(en, input, format)).toEqual(['live', `forbidden: ${apiText}`, '1/2 streams live']);
    expect(clusterStatusParts(zh, input, format)).toEqual(['实时', `无权限：${apiText}`, '1/2 个数据流实时']);
  });

  it('several failed streams: the first is named, the rest counted', () => {
    const streams = summariseStreams([forbidden, { ...forbidden, detail: 'nodes is forbidden' }, { ...forbidden, detail: 'events is forbidden' }]);
    expect(clusterStatusParts(en, { health: health(), streams, coreDown: false }, { ...format, withCounts: false })).toEqual([
      'live',
      `forbidden: ${apiText}`,
      '2 more streams failed',
    ]);
  });

  it('reconnecting: reason and next retry from the observed streams; stale since', () => {
    const streams = summariseStreams([{ state: 'reconnecting', since: 'a', reason: 'connection-dropped', nextRetryAt: '2026-01-01T00:00:08Z', staleSince: 'T0' }]);
    const input = { health: health({ streams: { total: 1, live: 0, reconnecting: 1, failed: 0, connecting: 0 } }), streams, coreDown: false };
    expect(clusterDot(input)).toBe('reconnecting');
    expect(clusterStatusParts(en, input, format)).toEqual(['reconnecting', 'connection dropped', 'retry in 8 s', 'stale since @T0', '0/1 streams live']);
  });

  it('health alone (streams not observed here) says reconnecting without inventing a reason or retry', () => {
    const input = { health: health({ streams: { total: 1, live: 0, reconnecting: 1, failed: 0, connecting: 0 } }), coreDown: false };
    expect(clusterStatusParts(en, input, { ...format, withCounts: false })).toEqual(['reconnecting']);
  });

  it('a failed cluster (connection check) says so with its error; the core away trumps everything', () => {
    const failed = health({ state: 'failed', error: { code: 'unreachable', message: 'connect ECONNREFUSED 127.0.0.1:6443', display: { code: 'unreachable' }, detail: 'connect ECONNREFUSED 127.0.0.1:6443' } });
    const [state, error] = clusterStatusParts(en, { health: failed, coreDown: false }, { ...format, withCounts: false });
    expect(state).toBe('failed');
    expect(error).toContain('connect ECONNREFUSED 127.0.0.1:6443');
    // The error is in the user's language around the system's own words.
    const [, zhError] = clusterStatusParts(zh, { health: failed, coreDown: false }, { ...format, withCounts: false });
    expect(zhError).toMatch(/[\u3400-\u9fff]/);
    expect(zhError).toContain('connect ECONNREFUSED 127.0.0.1:6443');
    const away = { health: failed, streams: summariseStreams([forbidden]), coreDown: true };
    expect(clusterDot(away)).toBe('reconnecting');
    expect(clusterStatusParts(en, away, format)).toEqual(['reconnecting', 'core disconnected']);
  });
});
