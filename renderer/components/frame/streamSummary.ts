/** Folds the statuses of a cluster's observed streams into the one line the status bar shows. */
import type { StreamStatus } from '../../../app/watch/types';

export interface StreamSummary {
  /** Worst state first: failed > reconnecting > connecting > live. */
  state: 'live' | 'connecting' | 'reconnecting' | 'failed';
  reason?: string;
  message?: string;
  /** Soonest retry among reconnecting streams. */
  nextRetryAt?: string;
  /** Earliest time since when shown data may be stale. */
  staleSince?: string;
  total: number;
}

const RANK = { live: 0, connecting: 1, reconnecting: 2, failed: 3 } as const;

export function summariseStreams(statuses: Array<StreamStatus | undefined>): StreamSummary | undefined {
  if (statuses.length === 0) return undefined;
  let worst: StreamSummary = { state: 'live', total: statuses.length };
  for (const s of statuses) {
    const state = s?.state ?? 'connecting';
    if (RANK[state] > RANK[worst.state]) worst = { ...worst, state, reason: s?.reason, message: s?.message };
    if (s?.state === 'reconnecting' && s.nextRetryAt && (!worst.nextRetryAt || s.nextRetryAt < worst.nextRetryAt)) {
      worst.nextRetryAt = s.nextRetryAt;
    }
    if (s?.staleSince && (!worst.staleSince || s.staleSince < worst.staleSince)) worst.staleSince = s.staleSince;
  }
  if (worst.state !== 'reconnecting') worst.nextRetryAt = undefined;
  return worst;
}
