import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { contract, type WatchParams } from '../../../app/contract/pilothouse';
import type { ListState } from '../../../app/watch/reducer';
import type { StreamStatus } from '../../../app/watch/types';
import { STREAM_KEY } from '../../bridge/streamQueries';

/**
 * Statuses of every watch the UI currently observes, by context, read from the query cache
 * (refreshed at most every 250 ms so a storm of batches does not re-render the status bar).
 */
export function useObservedStreams(): Map<string, Array<StreamStatus | undefined>> {
  const queryClient = useQueryClient();
  const [byContext, setByContext] = useState(() => new Map<string, Array<StreamStatus | undefined>>());
  useEffect(() => {
    const cache = queryClient.getQueryCache();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const compute = () => {
      timer = undefined;
      const next = new Map<string, Array<StreamStatus | undefined>>();
      for (const q of cache.findAll({ queryKey: [STREAM_KEY, contract.watchObjects.name] })) {
        if (q.getObserversCount() === 0) continue;
        const params = q.queryKey[2] as WatchParams;
        const state = q.state.data as ListState | undefined;
        const list = next.get(params.context) ?? [];
        list.push(state?.status);
        next.set(params.context, list);
      }
      setByContext(next);
    };
    const off = cache.subscribe(() => {
      if (timer === undefined) timer = setTimeout(compute, 250);
    });
    compute();
    return () => {
      off();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [queryClient]);
  return byContext;
}
