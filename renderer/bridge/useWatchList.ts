import { contract, type WatchParams } from '../../app/contract/pilothouse';
import { emptyListState, type ListState } from '../../app/watch/reducer';
import { useStreamQuery } from './useStreamQuery';

const EMPTY = emptyListState();

/**
 * A live list (snapshot, then changes and status) for one WatchParams, shared by every
 * component asking for the same params. Pass undefined to watch nothing.
 */
export function useWatchList(params: WatchParams | undefined): ListState {
  const state = useStreamQuery<WatchParams | undefined, ListState>(contract.watchObjects, params, params !== undefined);
  return state ?? EMPTY;
}
