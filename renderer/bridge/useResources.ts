import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { contract, type ApiResourceInfo } from '../../app/contract/pilothouse';
import { useClient } from './ClientContext';

/** Every resource a cluster serves (built-in and custom), from discovery. */
export function useResources(context: string | undefined): UseQueryResult<ApiResourceInfo[]> {
  const client = useClient();
  return useQuery({
    queryKey: ['call', 'resources', context],
    queryFn: ({ signal }) => client.call(contract.discoverResources, { context: context! }, { signal }),
    enabled: context !== undefined,
    staleTime: 60_000,
    retry: 2,
  });
}
