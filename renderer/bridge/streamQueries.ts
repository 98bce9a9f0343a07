/**
 * Streams folded into the TanStack Query cache.
 *
 * A stream query's key is `['stream', channel, params]`. The subscription lives exactly while
 * the query is observed: the first observer subscribes, the last one leaving unsubscribes after
 * a short linger (a remount or a quick back-and-forth must not relist). Each event is folded
 * into the cached value with the spec's pure `fold`, so every component observing the same key
 * shares one stream and one state. This is the only state system for cluster data.
 */
import type { Query, QueryClient, QueryKey } from '@tanstack/react-query';
import type { StreamDescriptor } from '../../app/contract/descriptor';
import type { ContractErrorData } from '../../app/contract/errors';
import type { ResilientClient } from './resilientClient';

export interface StreamQuerySpec<P, E, S> {
  descriptor: StreamDescriptor<P, E>;
  initial: () => S;
  fold: (state: S, event: E) => S;
  /** The transport to the core dropped; the stream will be re-subscribed. */
  interrupted?: (state: S, at: Date) => S;
  /** The stream ended (usually with an error such as forbidden). */
  ended?: (state: S, error: ContractErrorData | undefined, at: Date) => S;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySpec = StreamQuerySpec<any, any, any>;

export const STREAM_KEY = 'stream';

export function streamQueryKey<P>(descriptor: StreamDescriptor<P, unknown>, params: P): QueryKey {
  return [STREAM_KEY, descriptor.name, params ?? null];
}

export interface StreamQueryManager {
  register(spec: AnySpec): void;
  /** The queryFn for a stream query: the cached value or the spec's initial state. */
  read<S>(key: QueryKey): S;
  dispose(): void;
}

export function createStreamQueryManager(
  queryClient: QueryClient,
  client: ResilientClient,
  lingerMs = 1500,
): StreamQueryManager {
  const specs = new Map<string, AnySpec>();
  const active = new Map<string, { unsubscribe: () => void; lingerTimer?: ReturnType<typeof setTimeout> }>();

  const specFor = (key: QueryKey): AnySpec | undefined =>
    key[0] === STREAM_KEY && typeof key[1] === 'string' ? specs.get(key[1]) : undefined;

  const start = (query: Query) => {
    const spec = specFor(query.queryKey);
    if (!spec) return;
    const existing = active.get(query.queryHash);
    if (existing) {
      if (existing.lingerTimer) clearTimeout(existing.lingerTimer);
      existing.lingerTimer = undefined;
      return;
    }
    const key = query.queryKey;
    const update = (f: (s: unknown) => unknown) =>
      queryClient.setQueryData(key, (prev: unknown) => f(prev === undefined ? spec.initial() : prev));
    const unsubscribe = client.subscribe(spec.descriptor, key[2] ?? undefined, {
      onEvent: (ev) => update((s) => spec.fold(s, ev)),
      onInterrupted: () => {
        if (spec.interrupted) update((s) => spec.interrupted!(s, new Date()));
      },
      onEnd: (error) => {
        active.delete(query.queryHash);
        if (spec.ended) update((s) => spec.ended!(s, error, new Date()));
      },
    });
    active.set(query.queryHash, { unsubscribe });
  };

  const stopSoon = (query: Query) => {
    const entry = active.get(query.queryHash);
    if (!entry || entry.lingerTimer) return;
    entry.lingerTimer = setTimeout(() => {
      if (query.getObserversCount() > 0) {
        entry.lingerTimer = undefined;
        return;
      }
      active.delete(query.queryHash);
      entry.unsubscribe();
    }, lingerMs);
  };

  const off = queryClient.getQueryCache().subscribe((event) => {
    if (event.type === 'observerAdded') start(event.query);
    else if (event.type === 'observerRemoved' && event.query.getObserversCount() === 0) stopSoon(event.query);
    else if (event.type === 'removed') {
      const entry = active.get(event.query.queryHash);
      if (entry) {
        if (entry.lingerTimer) clearTimeout(entry.lingerTimer);
        active.delete(event.query.queryHash);
        entry.unsubscribe();
      }
    }
  });

  return {
    register(spec) {
      specs.set(spec.descriptor.name, spec);
    },
    read<S>(key: QueryKey): S {
      const spec = specFor(key);
      const cached = queryClient.getQueryData<S>(key);
      if (cached !== undefined) return cached;
      if (!spec) throw new Error(`No stream spec for ${String(key[1])}`);
      return spec.initial() as S;
    },
    dispose() {
      off();
      for (const entry of active.values()) {
        if (entry.lingerTimer) clearTimeout(entry.lingerTimer);
        entry.unsubscribe();
      }
      active.clear();
    },
  };
}
