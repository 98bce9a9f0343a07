/** How each stream of the contract folds into the query cache (see streamQueries.ts). */
import { contract, type ClusterHealth, type ContextsSnapshot, type StateCounts } from '../../app/contract/pilothouse';
import type { ContractErrorData } from '../../app/contract/errors';
import { applyWatchEvent, emptyListState, type ListState } from '../../app/watch/reducer';
import type { StreamStatus } from '../../app/watch/types';
import type { StreamQueryManager, StreamQuerySpec } from './streamQueries';
import type { WatchParams } from '../../app/contract/pilothouse';
import type { WatchEvent } from '../../app/watch/types';

/** The latest value of a stream that re-emits its whole state, plus its last error. */
export interface LatestValue<T> {
  value?: T;
  error?: ContractErrorData;
  /** Set while the link to the core is down: the value shown may be stale. */
  interruptedAt?: string;
}

function latestSpec<T, P = void>(descriptor: StreamQuerySpec<P, T, LatestValue<T>>['descriptor']): StreamQuerySpec<P, T, LatestValue<T>> {
  return {
    descriptor,
    initial: () => ({}),
    fold: (_s, value) => ({ value }),
    interrupted: (s, at) => ({ ...s, interruptedAt: at.toISOString() }),
    ended: (s, error) => ({ ...s, error }),
  };
}

export const contextsSpec = latestSpec<ContextsSnapshot>(contract.watchContexts);
export const clusterHealthSpec = latestSpec<ClusterHealth[]>(contract.watchClusterHealth);
export const stateCountsSpec = latestSpec<StateCounts, WatchParams>(contract.watchStateCounts);

/** A status that keeps the time since which the data may be stale. */
function downStatus(prev: StreamStatus | undefined, status: Omit<StreamStatus, 'staleSince' | 'since'>, at: Date): StreamStatus {
  const iso = at.toISOString();
  const staleSince = prev?.state === 'live' ? iso : (prev?.staleSince ?? iso);
  return { ...status, since: iso, staleSince };
}

export const objectsSpec: StreamQuerySpec<WatchParams, WatchEvent, ListState> = {
  descriptor: contract.watchObjects,
  initial: emptyListState,
  fold: applyWatchEvent,
  interrupted: (s, at) =>
    applyWatchEvent(s, {
      type: 'status',
      status: downStatus(s.status, { state: 'reconnecting', reason: 'core-disconnected' }, at),
    }),
  ended: (s, error, at) =>
    applyWatchEvent(s, {
      type: 'status',
      status: downStatus(s.status, { state: 'failed', reason: error?.code ?? 'ended', message: error?.message }, at),
    }),
};

export function registerStreamSpecs(manager: StreamQueryManager): void {
  manager.register(contextsSpec);
  manager.register(clusterHealthSpec);
  manager.register(objectsSpec);
  manager.register(stateCountsSpec);
}
