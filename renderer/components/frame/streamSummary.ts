/** Folds the statuses of a cluster's observed streams into the one line the status bar shows. */
import type { StreamStatus } from '../../../app/watch/types';

/** A stream that cannot list (forbidden, unauthorized, not found…): its own state, not the cluster's. */
export interface StreamProblem {
  reason: string;
  /** What main says of it, to translate (see errorText), and the API server's own words. */
  display?: StreamStatus['display'];
  detail?: string;
  /** How many observed streams of the cluster have failed. */
  count: number;
}

export interface StreamSummary {
  /**
   * Worst connection state first: reconnecting > connecting > live. A failed stream does not
   * count here: one kind the user may not list does not make the whole cluster failed.
   */
  state: 'live' | 'connecting' | 'reconnecting';
  reason?: string;
  message?: string;
  /** Soonest retry among reconnecting streams. */
  nextRetryAt?: string;
  /** Earliest time since when shown data may be stale. */
  staleSince?: string;
  /** The first failed stream, with how many failed. */
  problem?: StreamProblem;
  total: number;
}

const RANK = { live: 0, connecting: 1, reconnecting: 2 } as const;

export function summariseStreams(statuses: Array<StreamStatus | undefined>): StreamSummary | undefined {
  if (statuses.length === 0) return undefined;
  let worst: StreamSummary = { state: 'live', total: statuses.length };
  for (const s of statuses) {
    const state = s?.state ?? 'connecting';
    if (state === 'failed') {
      const count = (worst.problem?.count ?? 0) + 1;
      worst.problem = worst.problem ? { ...worst.problem, count } : { reason: s?.reason ?? 'failed', display: s?.display, detail: s?.detail, count };
      continue;
    }
    if (RANK[state] > RANK[worst.state]) worst = { ...worst, state, reason: s?.reason, message: s?.message };
    if (s?.state === 'reconnecting' && s.nextRetryAt && (!worst.nextRetryAt || s.nextRetryAt < worst.nextRetryAt)) {
      worst.nextRetryAt = s.nextRetryAt;
    }
    if (s?.staleSince && (!worst.staleSince || s.staleSince < worst.staleSince)) worst.staleSince = s.staleSince;
  }
  if (worst.state !== 'reconnecting') worst.nextRetryAt = undefined;
  return worst;
}
