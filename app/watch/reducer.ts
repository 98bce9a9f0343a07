/**
 * Folds watch events into the list state the renderer shows.
 *
 * Pure and immutable: every event yields a new ListState (the old one is never mutated) so the
 * react-query cache can hand the same state to many components and compare by reference.
 * Objects are keyed by metadata.uid, never by name: a deleted-and-recreated object of the same
 * name is a different object. resourceVersions are stored, never compared (they are opaque).
 */
import type { KubeObject } from '../kube/object';
import type { StreamStatus, WatchEvent } from './types';

export interface ListState {
  /** Objects by metadata.uid, in arrival order. */
  readonly items: ReadonlyMap<string, KubeObject>;
  /** resourceVersion of the last snapshot or batch (opaque). */
  readonly resourceVersion?: string;
  /** Last status reported by the stream; undefined until the first status event. */
  readonly status: StreamStatus | undefined;
  /** Bumped on every applied event so consumers can memoize cheaply. */
  readonly revision: number;
}

/** The state before the first event of a stream. */
export function emptyListState(): ListState {
  return { items: new Map(), resourceVersion: undefined, status: undefined, revision: 0 };
}

/** Applies one stream event and returns the next state (never mutates `state`). */
export function applyWatchEvent(state: ListState, event: WatchEvent): ListState {
  switch (event.type) {
    case 'snapshot': {
      // A snapshot (initial list or relist after 410 Gone) is the whole truth: objects deleted
      // while we were away vanish because they are simply not in it.
      const items = new Map<string, KubeObject>();
      for (const obj of event.items) {
        const uid = uidOf(obj);
        items.set(uid, sameVersion(state.items.get(uid), obj));
      }
      return { items, resourceVersion: event.resourceVersion, status: state.status, revision: state.revision + 1 };
    }
    case 'changes': {
      const items = new Map(state.items);
      for (const change of event.changes) {
        const uid = uidOf(change.object);
        if (change.type === 'DELETED') items.delete(uid);
        // ADDED and MODIFIED both upsert: a duplicate ADDED replaces, a MODIFIED for an
        // unknown uid (e.g. missed ADDED) adds.
        else items.set(uid, sameVersion(items.get(uid), change.object));
      }
      return {
        items,
        resourceVersion: event.resourceVersion || state.resourceVersion,
        status: state.status,
        revision: state.revision + 1,
      };
    }
    case 'status':
      // Status never touches items: last-known data stays on screen while the stream is down.
      return { items: state.items, resourceVersion: state.resourceVersion, status: event.status, revision: state.revision + 1 };
    default: {
      const unknown: never = event;
      throw new Error(`unknown watch event type: ${JSON.stringify((unknown as { type?: unknown }).type)}`);
    }
  }
}

/** Applies events in order. */
export function applyWatchEvents(state: ListState, events: Iterable<WatchEvent>): ListState {
  let next = state;
  for (const event of events) next = applyWatchEvent(next, event);
  return next;
}

/** The objects of a state as an array (arrival order). */
export function listItems(state: ListState): KubeObject[] {
  return [...state.items.values()];
}

/**
 * Keeps the object already held when the incoming one is the same version of it (a relist after
 * 410 Gone or a replayed event), so memoized rows and cached pod summaries stay valid. The
 * resourceVersions are compared for equality only, as the API allows.
 */
function sameVersion(previous: KubeObject | undefined, incoming: KubeObject): KubeObject {
  const rv = incoming.metadata?.resourceVersion;
  return previous && rv !== undefined && rv !== '' && previous.metadata?.resourceVersion === rv ? previous : incoming;
}

function uidOf(obj: KubeObject): string {
  const uid = obj.metadata?.uid;
  // Without a uid we fall back to namespace/name so a malformed object still shows once.
  if (uid) return uid;
  return `${obj.metadata?.namespace ?? ''}/${obj.metadata?.name ?? ''}`;
}
