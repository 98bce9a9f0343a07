import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../kube/object';
import { applyWatchEvent, applyWatchEvents, emptyListState, listItems, type ListState } from './reducer';
import type { StreamStatus, WatchEvent } from './types';

function pod(name: string, uid: string, rv: string, extra: Partial<KubeObject['metadata']> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid, resourceVersion: rv, ...extra } };
}

/** A whole listing as the core sends it: pages of at most two objects, then synced. */
const snapshot = (items: KubeObject[], resourceVersion: string): WatchEvent[] => {
  const pages: WatchEvent[] = [];
  for (let i = 0; i === 0 || i < items.length; i += 2) pages.push({ type: 'page', items: items.slice(i, i + 2), first: i === 0 });
  return [...pages, { type: 'synced', resourceVersion }];
};
/** Applies one event or a sequence (a listing). */
const apply = (s: ListState, e: WatchEvent | WatchEvent[]): ListState => applyWatchEvents(s, Array.isArray(e) ? e : [e]);
const changes = (resourceVersion: string, ...list: [ 'ADDED' | 'MODIFIED' | 'DELETED', KubeObject][]): WatchEvent => ({
  type: 'changes',
  resourceVersion,
  changes: list.map(([type, object]) => ({ type, object })),
});
const status = (s: Partial<StreamStatus> & Pick<StreamStatus, 'state'>): WatchEvent => ({ type: 'status', status: { since: '2026-11-27T00:00:00Z', ...s } });

const names = (s: ListState) => listItems(s).map((o) => o.metadata.name);

describe('applyWatchEvent', () => {
  it('starts empty', () => {
    const s = emptyListState();
    expect(s.items.size).toBe(0);
    expect(s.resourceVersion).toBeUndefined();
    expect(s.status).toBeUndefined();
    expect(s.revision).toBe(0);
  });

  it('a listing replaces everything and records its resourceVersion', () => {
    let s = apply(emptyListState(), snapshot([pod('a', 'u1', '10'), pod('b', 'u2', '11')], '11'));
    expect(names(s)).toEqual(['a', 'b']);
    expect(s.resourceVersion).toBe('11');
    s = apply(s, snapshot([pod('c', 'u3', '12')], '12'));
    expect(names(s)).toEqual(['c']);
    expect(s.resourceVersion).toBe('12');
  });

  it('applies changes in order, keyed by uid', () => {
    let s = apply(emptyListState(), snapshot([pod('a', 'u1', '1')], '1'));
    s = apply(
      s,
      changes('5', ['ADDED', pod('b', 'u2', '2')], ['MODIFIED', pod('a', 'u1', '3', { labels: { v: '2' } })], ['DELETED', pod('b', 'u2', '4')], ['ADDED', pod('c', 'u3', '5')]),
    );
    expect(names(s)).toEqual(['a', 'c']);
    expect(s.items.get('u1')?.metadata.labels).toEqual({ v: '2' });
    expect(s.resourceVersion).toBe('5');
  });

  it('treats a recreated object with the same name as a different object (uid, not name)', () => {
    let s = apply(emptyListState(), snapshot([pod('web', 'old-uid', '1')], '1'));
    s = apply(s, changes('3', ['ADDED', pod('web', 'new-uid', '2')], ['DELETED', pod('web', 'old-uid', '3')]));
    expect([...s.items.keys()]).toEqual(['new-uid']);
  });

  it('a duplicate ADDED replaces rather than duplicates', () => {
    let s = apply(emptyListState(), snapshot([pod('a', 'u1', '1')], '1'));
    s = apply(s, changes('2', ['ADDED', pod('a', 'u1', '2', { labels: { x: 'y' } })]));
    s = apply(s, changes('2', ['ADDED', pod('a', 'u1', '2', { labels: { x: 'y' } })]));
    expect(s.items.size).toBe(1);
    expect(s.items.get('u1')?.metadata.resourceVersion).toBe('2');
  });

  it('a MODIFIED for an unknown uid adds the object', () => {
    const s = apply(emptyListState(), changes('7', ['MODIFIED', pod('late', 'u9', '7')]));
    expect(names(s)).toEqual(['late']);
  });

  it('a DELETED for an unknown uid is harmless', () => {
    const before = apply(emptyListState(), snapshot([pod('a', 'u1', '1')], '1'));
    const after = apply(before, changes('2', ['DELETED', pod('ghost', 'u404', '2')]));
    expect(names(after)).toEqual(['a']);
  });

  it('a new listing (re-subscription) drops objects deleted while away drops objects deleted while away, without duplicates', () => {
    let s = apply(emptyListState(), snapshot([pod('a', 'u1', '100'), pod('b', 'u2', '101'), pod('c', 'u3', '102')], '102'));
    s = apply(s, status({ state: 'reconnecting', reason: 'gone', attempt: 1 }));
    // While away: b was deleted, c modified, d added. The relist shows the present.
    s = apply(s, snapshot([pod('a', 'u1', '100'), pod('c', 'u3', '250'), pod('d', 'u4', '251')], '251'));
    expect(names(s).sort()).toEqual(['a', 'c', 'd']);
    expect(s.items.get('u3')?.metadata.resourceVersion).toBe('250');
    expect(s.items.size).toBe(3);
    // Late events keep working after the relist.
    s = apply(s, changes('252', ['ADDED', pod('d', 'u4', '252')]));
    expect(s.items.size).toBe(3);
  });

  it('never compares resourceVersions: an older-looking or non-numeric version is applied as given', () => {
    let s = apply(emptyListState(), snapshot([pod('a', 'u1', '9')], '9'));
    // "10" < "9" as strings and 10 > 9 as numbers: the reducer must not care either way.
    s = apply(s, changes('10', ['MODIFIED', pod('a', 'u1', '10', { labels: { step: 'two' } })]));
    expect(s.items.get('u1')?.metadata.labels).toEqual({ step: 'two' });
    s = apply(s, changes('opaque-Zz', ['MODIFIED', pod('a', 'u1', 'opaque-Zz', { labels: { step: 'three' } })]));
    expect(s.items.get('u1')?.metadata.labels).toEqual({ step: 'three' });
    expect(s.resourceVersion).toBe('opaque-Zz');
    s = apply(s, changes('1', ['MODIFIED', pod('a', 'u1', '1', { labels: { step: 'four' } })]));
    expect(s.items.get('u1')?.metadata.labels).toEqual({ step: 'four' });
    expect(s.resourceVersion).toBe('1');
  });

  it('keeps the held object when a relist or replayed event brings the same version (memoized rows stay valid)', () => {
    const a1 = pod('a', 'u1', '100');
    const b1 = pod('b', 'u2', '101');
    let s = apply(emptyListState(), snapshot([a1, b1], '101'));
    s = apply(s, snapshot([pod('a', 'u1', '100'), pod('b', 'u2', '150', { labels: { changed: 'yes' } })], '150'));
    expect(s.items.get('u1')).toBe(a1);
    expect(s.items.get('u2')).not.toBe(b1);
    expect(s.items.get('u2')?.metadata.labels).toEqual({ changed: 'yes' });
    const a2 = s.items.get('u1');
    s = apply(s, changes('151', ['MODIFIED', pod('a', 'u1', '100')]));
    expect(s.items.get('u1')).toBe(a2);
    // Objects without a resourceVersion are always taken as new.
    const bare = pod('c', 'u3', '');
    s = apply(s, changes('152', ['ADDED', bare]));
    const bare2 = pod('c', 'u3', '');
    s = apply(s, changes('153', ['MODIFIED', bare2]));
    expect(s.items.get('u3')).toBe(bare2);
  });

  it('keeps the last resourceVersion when a batch carries none', () => {
    let s = apply(emptyListState(), snapshot([], 'rv-1'));
    s = apply(s, changes('', ['ADDED', pod('a', 'u1', 'x')]));
    expect(s.resourceVersion).toBe('rv-1');
  });

  it('status events keep the items (last-known data stays when the stream drops)', () => {
    let s = apply(emptyListState(), status({ state: 'connecting' }));
    expect(s.status?.state).toBe('connecting');
    s = apply(s, snapshot([pod('a', 'u1', '1')], '1'));
    expect(s.status?.state).toBe('connecting');
    s = apply(s, status({ state: 'live' }));
    const itemsWhileLive = s.items;
    s = apply(s, status({ state: 'reconnecting', reason: 'connection-dropped', staleSince: '2026-11-27T00:01:00Z', attempt: 2 }));
    expect(s.items).toBe(itemsWhileLive);
    expect(names(s)).toEqual(['a']);
    expect(s.status).toMatchObject({ state: 'reconnecting', reason: 'connection-dropped', attempt: 2 });
    s = apply(s, status({ state: 'failed', reason: 'forbidden', message: 'pods is forbidden' }));
    expect(names(s)).toEqual(['a']);
    expect(s.resourceVersion).toBe('1');
  });

  it('returns a new state and leaves the old one untouched', () => {
    const s0 = apply(emptyListState(), snapshot([pod('a', 'u1', '1')], '1'));
    const frozenItems = [...s0.items.entries()];
    const s1 = apply(s0, changes('2', ['DELETED', pod('a', 'u1', '2')], ['ADDED', pod('b', 'u2', '2')]));
    const s2 = apply(s1, status({ state: 'live' }));
    const s3 = apply(s2, snapshot([], '3'));
    expect(s1).not.toBe(s0);
    expect(s1.items).not.toBe(s0.items);
    expect([...s0.items.entries()]).toEqual(frozenItems);
    expect(s0.resourceVersion).toBe('1');
    expect(names(s1)).toEqual(['b']);
    expect(s2.status?.state).toBe('live');
    expect(s1.status).toBeUndefined();
    expect(names(s2)).toEqual(['b']);
    expect(s3.items.size).toBe(0);
  });

  it('bumps revision on every event', () => {
    const events: WatchEvent[] = [status({ state: 'connecting' }), ...snapshot([], '1'), changes('2'), status({ state: 'live' })];
    const states = events.reduce<ListState[]>((acc, e) => [...acc, applyWatchEvent(acc[acc.length - 1], e)], [emptyListState()]);
    expect(states.map((s) => s.revision)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('applyWatchEvents folds a sequence', () => {
    const s = applyWatchEvents(emptyListState(), [...snapshot([pod('a', 'u1', '1')], '1'), changes('2', ['ADDED', pod('b', 'u2', '2')])]);
    expect(names(s)).toEqual(['a', 'b']);
    expect(s.revision).toBe(3);
  });

  it('rejects an unknown event type with a clear error', () => {
    expect(() => applyWatchEvent(emptyListState(), { type: 'bogus' } as unknown as WatchEvent)).toThrow('unknown watch event type: "bogus"');
  });

  it('shows the first page at once and says the list is whole only at synced', () => {
    let s = apply(emptyListState(), { type: 'page', items: [pod('a', 'u1', '1'), pod('b', 'u2', '2')], first: true });
    expect(names(s)).toEqual(['a', 'b']);
    expect(s.synced).toBe(false);
    expect(s.resourceVersion).toBeUndefined();
    s = apply(s, { type: 'page', items: [pod('c', 'u3', '3')], first: false });
    expect(names(s)).toEqual(['a', 'b', 'c']);
    s = apply(s, { type: 'synced', resourceVersion: '3' });
    expect(s.synced).toBe(true);
    expect(s.resourceVersion).toBe('3');
  });

  it('keeps the rows held while a new listing arrives, dropping the unconfirmed ones only at synced', () => {
    let s = apply(emptyListState(), snapshot([pod('a', 'u1', '1'), pod('b', 'u2', '2'), pod('c', 'u3', '3')], '3'));
    const a = s.items.get('u1');
    s = apply(s, { type: 'page', items: [pod('a', 'u1', '1')], first: true });
    // Nothing vanishes mid-listing (a re-subscription must not blank a big list)...
    expect(names(s)).toEqual(['a', 'b', 'c']);
    expect(s.synced).toBe(false);
    expect(s.items.get('u1')).toBe(a);
    s = apply(s, { type: 'page', items: [pod('d', 'u4', '4')], first: false });
    expect(names(s)).toEqual(['a', 'b', 'c', 'd']);
    // ...and what the listing did not contain goes when it is complete.
    s = apply(s, { type: 'synced', resourceVersion: '4' });
    expect(names(s)).toEqual(['a', 'd']);
    expect(s.unseen).toBeUndefined();
  });

  it('a listing that starts over mid-way (first again) is confirmed against the new one only', () => {
    let s = apply(emptyListState(), { type: 'page', items: [pod('a', 'u1', '1'), pod('b', 'u2', '2')], first: true });
    s = apply(s, { type: 'page', items: [pod('b', 'u2', '2')], first: true });
    s = apply(s, { type: 'synced', resourceVersion: '5' });
    expect(names(s)).toEqual(['b']);
  });
});
