import { contract, type StateCounts, type WatchParams } from '../../app/contract/pilothouse';
import type { LatestValue } from './streamSpecs';
import { useStreamQuery } from './useStreamQuery';

/** Counts by state (pods, nodes) of a list, computed in main; the list itself never comes here. */
export function useStateCounts(params: WatchParams): LatestValue<StateCounts> {
  return useStreamQuery<WatchParams, LatestValue<StateCounts>>(contract.watchStateCounts, params) ?? {};
}
