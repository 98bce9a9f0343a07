import { contract, type ContextsSnapshot } from '../../app/contract/pilothouse';
import type { LatestValue } from './streamSpecs';
import { useStreamQuery } from './useStreamQuery';

/** Every kubeconfig context and the problems of unreadable files; live as files change. */
export function useContexts(): LatestValue<ContextsSnapshot> {
  return useStreamQuery<void, LatestValue<ContextsSnapshot>>(contract.watchContexts, undefined) ?? {};
}
