/**
 * Folds watch events into the list state the renderer shows.
 *
 * Pure and immutable: every event yields a new ListState (the old one is never mutated) so the
 * react-query cache can hand the same state to many components and compare by reference.
 * Objects are keyed by `objectKey` (metadata.uid), never by name: a deleted-and-recreated
 * object of the same name is a different object. resourceVersions are stored, never compared
 * except for equality (they are opaque).
 *
 * The initial list arrives in pages, then `synced`; after that come `changes` (a relist after
 * 410 Gone arrives as changes too). A new listing (`first` page) over data already held — a
 * re-subscription after the link to the core dropped — keeps the old rows on screen and drops
 * the ones the listing did not contain only at `synced`.
 */
import { objectKey, sameResourceVersion, type KubeObject } from '../kube/object';
import type { StreamStatus, WatchEvent } from './types';

export interface ListState {
  /** Objects by objectKey (uid), in arrival order. */
  readonly items: ReadonlyMap<string, KubeObject>;
  /** resourceVersion of the last complete listing or batch (opaque); undefined until synced. */
  readonly resourceVersion?: string;
  /** The initial list is complete: counts are whole. Rows may show before (pages). */
  readonly synced: boolean;
  /** Keys held from before the current listing and not (yet) seen in it; dropped at `synced`. */
  readonly unseen?: ReadonlySet<string>;
  /** Last status reported by the stream; undefined until the first status event. */
  readonly status: StreamStatus | undefined;
  /** Bumped on every applied event so consumers can memoize cheaply. */
  readonly revision: number;
}

/** The state before the first event of a stream. */
export function emptyListState(): ListState {
  return { items: new Map(), resourceVersion: undefined, synced: false, status: undefined, revision: 0 };
}

/** Applies one stream event and returns the next state (never mutates `state`). */
export function applyWatchEvent(state: ListState, event: WatchEvent): ListState {
  const revision = state.revision + 1;
  switch (event.type) {
    case 'page': {
      const items = new Map(state.items);
      // A new listing over rows already held: remember which are still to be confirmed.
      let unseen = event.first ? (items.size > 0 ? new Set(items.keys()) : undefined) : state.unseen && new Set(state.unseen);
      for (const obj of event.items) {
        const key = objectKey(obj);
        const known = items.get(key);
        items.set(key, sameResourceVersion(known, obj) ? known! : obj);
        unseen?.delete(key);
      }
      if (unseen?.size === 0) unseen = undefined;
      return { ...state, items, unseen, synced: event.first ? false : state.synced, revision };
    }
    case 'synced': {
      let items = state.items;
      if (state.unseen) {
        // Objects deleted while we were away vanish because the listing did not contain them.
        const kept = new Map(items);
        for (const key of state.unseen) kept.delete(key);
        items = kept;
      }
      return { items, resourceVersion: event.resourceVersion, synced: true, unseen: undefined, status: state.status, revision };
    }
    case 'changes': {
      const items = new Map(state.items);
      for (const change of event.changes) {
        const key = objectKey(change.object);
        if (change.type === 'DELETED') items.delete(key);
        // ADDED and MODIFIED both upsert: a duplicate ADDED replaces, a MODIFIED for an
        // unknown uid (e.g. missed ADDED) adds.
        else {
          const known = items.get(key);
          items.set(key, sameResourceVersion(known, change.object) ? known! : change.object);
        }
      }
      return { ...state, items, resourceVersion: event.resourceVersion || state.resourceVersion, revision };
    }
    case 'status':
      // Status never touches items: last-known data stays on screen while the stream is down.
      return { ...state, status: event.status, revision };
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
