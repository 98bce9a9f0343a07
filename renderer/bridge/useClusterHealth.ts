import { contract, type ClusterHealth } from '../../app/contract/pilothouse';
import type { LatestValue } from './streamSpecs';
import { useStreamQuery } from './useStreamQuery';

/** Health of every connected cluster, live. */
export function useClusterHealth(): LatestValue<ClusterHealth[]> {
  return useStreamQuery<void, LatestValue<ClusterHealth[]>>(contract.watchClusterHealth, undefined) ?? {};
}
