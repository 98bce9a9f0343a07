import { describe, expect, it } from 'vitest';
import { podStatusReason } from '../kinds/podStatus';
import type { KubeObject } from '../kube/object';
import { applyWatchEvents, emptyListState, listItems } from './reducer';
import { StateTally, stateOfResource } from './stateTally';
import type { WatchEvent } from './types';

const pod = (name: string, phase: string, waiting?: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'ns', uid: `uid-${name}`, resourceVersion: `${name}-${phase}-${waiting ?? ''}` },
  spec: { containers: [{ name: 'c' }] },
  status: { phase, containerStatuses: [{ name: 'c', ready: phase === 'Running', restartCount: 0, state: waiting ? { waiting: { reason: waiting } } : { running: {} } }] },
});

/** What the Overview used to compute in the renderer from the whole list. */
function countsOfList(events: WatchEvent[]): Array<[string, number]> {
  const m = new Map<string, number>();
  for (const p of listItems(applyWatchEvents(emptyListState(), events))) m.set(podStatusReason(p), (m.get(podStatusReason(p)) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

describe('StateTally', () => {
  it('counts pods by kubectl STATUS through pages, synced and changes, as a fold of the whole list would', () => {
    const events: WatchEvent[] = [
      { type: 'page', items: [pod('a', 'Running'), pod('b', 'Running'), pod('c', 'Pending')], first: true },
      { type: 'page', items: [pod('d', 'Running', 'CrashLoopBackOff')], first: false },
      { type: 'synced', resourceVersion: '1' },
      { type: 'changes', resourceVersion: '2', changes: [
        { type: 'MODIFIED', object: pod('c', 'Running') },
        { type: 'DELETED', object: pod('a', 'Running') },
        { type: 'ADDED', object: pod('e', 'Failed') },
        { type: 'DELETED', object: pod('ghost', 'Running') },
      ] },
    ];
    const tally = new StateTally(stateOfResource({ group: '', resource: 'pods' })!);
    tally.apply(events[0]);
    expect(tally.current()).toMatchObject({ total: 3, synced: false });
    for (const e of events.slice(1)) tally.apply(e);
    expect(tally.current()).toMatchObject({ total: 4, synced: true, counts: countsOfList(events) });
    expect(tally.current().counts).toEqual([['Running', 2], ['CrashLoopBackOff', 1], ['Failed', 1]]);
  });

  it('a new listing drops, at synced, what it did not contain', () => {
    const tally = new StateTally(stateOfResource({ group: '', resource: 'pods' })!);
    for (const e of [{ type: 'page', items: [pod('a', 'Running'), pod('b', 'Pending')], first: true }, { type: 'synced', resourceVersion: '1' }, { type: 'page', items: [pod('b', 'Running')], first: true }] as WatchEvent[]) tally.apply(e);
    expect(tally.current()).toMatchObject({ total: 2, synced: false });
    tally.apply({ type: 'synced', resourceVersion: '2' });
    expect(tally.current()).toEqual({ counts: [['Running', 1]], total: 1, synced: true });
  });

  it('counts only what it knows how to: pods and nodes', () => {
    expect(stateOfResource({ group: '', resource: 'nodes' })).toBeTypeOf('function');
    expect(stateOfResource({ group: 'apps', resource: 'pods' })).toBeUndefined();
    expect(stateOfResource({ group: '', resource: 'secrets' })).toBeUndefined();
  });
});
