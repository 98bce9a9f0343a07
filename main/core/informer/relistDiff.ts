/**
 * What changed between the informer's cache and a fresh list (after 410 Gone, a reconnect that
 * had to relist, or a restart): the changes that turn the cache into the list.
 *
 * Sending these instead of a whole new snapshot keeps a relist of 50k pods, where a handful
 * changed while we were away, as cheap for the renderer as those few watch events.
 * resourceVersions are compared for equality only (they are opaque strings); an object without
 * one is always reported as MODIFIED, since we cannot tell whether it changed.
 */
import { objectKey, sameResourceVersion, type KubeObject } from '../../../app/kube/object';
import type { WatchChange } from '../../../app/watch/types';

/**
 * Deletions first (carrying the last object we knew), then additions and modifications in list
 * order. Keys are the informer's (`objectKey`: the uid), so an object deleted and recreated under
 * the same name while we were away comes out as DELETED of the old uid plus ADDED of the new one.
 */
export function relistDiff(cache: ReadonlyMap<string, KubeObject>, fresh: readonly KubeObject[]): WatchChange[] {
  const seen = new Set<string>();
  const upserts: WatchChange[] = [];
  for (const obj of fresh) {
    const key = objectKey(obj);
    seen.add(key);
    const known = cache.get(key);
    if (!known) upserts.push({ type: 'ADDED', object: obj });
    else if (!sameResourceVersion(known, obj)) upserts.push({ type: 'MODIFIED', object: obj });
  }
  const deletions: WatchChange[] = [];
  for (const [key, obj] of cache) if (!seen.has(key)) deletions.push({ type: 'DELETED', object: obj });
  return deletions.concat(upserts);
}
