import { useQuery } from '@tanstack/react-query';
import { contract, type ObjectAddress } from '../../app/contract/pilothouse';
import type { ContractErrorData } from '../../app/contract/errors';
import type { KubeObject } from '../../app/kube/object';
import type { StreamStatus } from '../../app/watch/types';
import { useClient } from './ClientContext';
import { useWatchList } from './useWatchList';

export interface ObjectState {
  object?: KubeObject;
  loading: boolean;
  error?: ContractErrorData;
  /** Status of the live watch that keeps the object current. */
  status?: StreamStatus;
}

/**
 * One object, live: fetched once with getObject, then kept current by a watch narrowed with
 * `metadata.name` (the watch's copy wins once it arrives; a deletion shows as not found).
 */
export function useObject(address: ObjectAddress | undefined): ObjectState {
  const client = useClient();
  const fetched = useQuery({
    queryKey: ['call', 'object', address],
    queryFn: ({ signal }) => client.call(contract.getObject, address!, { signal }),
    enabled: address !== undefined,
    retry: false,
    staleTime: 5_000,
  });
  const list = useWatchList(
    address && {
      context: address.context,
      ref: address.ref,
      namespace: address.namespace,
      fieldSelector: `metadata.name=${address.name}`,
    },
  );
  // Match by name too: never trust that a server honoured the field selector.
  const live = address ? [...list.items.values()].find((o) => o.metadata.name === address.name) : undefined;
  const deleted = list.resourceVersion !== undefined && live === undefined && fetched.data !== undefined;
  const error = fetched.error as ContractErrorData | null;
  return {
    object: deleted ? undefined : (live ?? fetched.data),
    loading: fetched.isLoading && !live,
    error: deleted ? { code: 'not-found', message: `${address?.name} was deleted` } : (error ?? undefined),
    status: list.status,
  };
}
