import { useQuery } from '@tanstack/react-query';
import type { StreamDescriptor } from '../../app/contract/descriptor';
import { useStreamManager } from './ClientContext';
import { streamQueryKey } from './streamQueries';

/**
 * Observes a stream folded into the query cache (see streamQueries.ts); the stream is
 * subscribed while at least one component observes it. `enabled: false` observes nothing.
 */
export function useStreamQuery<P, S>(descriptor: StreamDescriptor<P, unknown>, params: P, enabled = true): S | undefined {
  const streams = useStreamManager();
  const queryKey = streamQueryKey(descriptor, params);
  const { data } = useQuery({
    queryKey,
    queryFn: () => streams.read<S>(queryKey),
    enabled,
    staleTime: Infinity,
    gcTime: 5 * 60_000,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: false,
    // Structural sharing would walk 50k-object maps on every batch; states are immutable anyway.
    structuralSharing: false,
  });
  return data as S | undefined;
}
