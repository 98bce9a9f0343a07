/** Reading watch streams in tests: the listing a subscriber received, across its pages. */
import type { KubeObject } from '../../../app/kube/object';
import type { WatchEvent } from '../../../app/watch/types';

export interface Listing {
  items: KubeObject[];
  /** How many page events carried it. */
  pages: number;
  /** The `synced` resourceVersion, or undefined while the listing is incomplete. */
  resourceVersion?: string;
}

/** The last listing in `events` (from its `first` page), or undefined if none began. */
export function lastListing(events: readonly WatchEvent[]): Listing | undefined {
  let listing: Listing | undefined;
  for (const e of events) {
    if (e.type === 'page') {
      if (e.first || !listing) listing = { items: [], pages: 0 };
      listing.items.push(...e.items);
      listing.pages++;
    } else if (e.type === 'synced' && listing) listing.resourceVersion = e.resourceVersion;
  }
  return listing;
}

/** How many listings began (a `first` page each). */
export function listingCount(events: readonly WatchEvent[]): number {
  return events.filter((e) => e.type === 'page' && e.first).length;
}

export const isSynced = (events: readonly WatchEvent[]) => events.some((e) => e.type === 'synced');
