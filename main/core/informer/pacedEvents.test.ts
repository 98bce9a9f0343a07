import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../app/kube/object';
import { applyWatchEvents, emptyListState, listItems } from '../../../app/watch/reducer';
import type { WatchChange, WatchEvent } from '../../../app/watch/types';
import { mergeChanges, pacedEmitter } from './pacedEvents';

const pod = (name: string, rv: string): KubeObject => ({ metadata: { name, namespace: 'ns', uid: `uid-${name}`, resourceVersion: rv } });
const change = (type: WatchChange['type'], name: string, rv: string): WatchChange => ({ type, object: pod(name, rv) });
const changes = (...list: WatchChange[]): WatchEvent => ({ type: 'changes', changes: list, resourceVersion: list.at(-1)?.object.metadata.resourceVersion ?? '' });
const status = (state: 'live' | 'reconnecting'): WatchEvent => ({ type: 'status', status: { state, since: '2026-12-02T00:00:00Z' } });

/** A consumer that takes one event per `release()`, like a client acknowledging slowly. */
function slowConsumer() {
  const sent: WatchEvent[] = [];
  const gates: Array<() => void> = [];
  const drained = () => new Promise<void>((resolve) => gates.push(resolve));
  /** Lets one more event through; false if nothing was waiting for room. */
  const release = async () => {
    for (let i = 0; i < 20 && gates.length === 0; i++) await Promise.resolve();
    const gate = gates.shift();
    gate?.();
    for (let i = 0; i < 5; i++) await Promise.resolve();
    return gate !== undefined;
  };
  return { sent, drained, release, emit: (e: WatchEvent) => sent.push(e) };
}

describe('pacedEmitter', () => {
  it('sends in order, one event per drained window', async () => {
    const c = slowConsumer();
    const send = pacedEmitter(c.emit, c.drained, new AbortController().signal);
    send({ type: 'page', items: [pod('a', '1')], first: true });
    send({ type: 'synced', resourceVersion: '1' });
    send(status('live'));
    expect(c.sent).toHaveLength(0);
    await c.release();
    expect(c.sent.map((e) => e.type)).toEqual(['page']);
    await c.release();
    await c.release();
    expect(c.sent.map((e) => e.type)).toEqual(['page', 'synced', 'status']);
  });

  it('merges the changes that wait, so a lagging subscriber holds at most one per object, and ends in the same state', async () => {
    const c = slowConsumer();
    const send = pacedEmitter(c.emit, c.drained, new AbortController().signal);
    const all: WatchEvent[] = [{ type: 'page', items: [pod('a', '1'), pod('b', '1')], first: true }, { type: 'synced', resourceVersion: '1' }];
    for (const e of all) send(e);
    const churn: WatchEvent[] = [];
    for (let i = 2; i < 200; i++) churn.push(changes(change('MODIFIED', 'a', `${i}`), change('MODIFIED', 'b', `${i}`)));
    churn.push(changes(change('ADDED', 'c', '200')), changes(change('DELETED', 'b', '201')), changes(change('ADDED', 'd', '202'), change('DELETED', 'd', '203')));
    for (const e of churn) send(e);
    for (let i = 0; i < 10 && c.sent.length < 3; i++) await c.release();
    const merged = c.sent[2];
    expect(merged.type).toBe('changes');
    expect(merged.type === 'changes' && merged.changes.map((x) => `${x.type} ${x.object.metadata.name}@${x.object.metadata.resourceVersion}`)).toEqual([
      'MODIFIED a@199',
      'ADDED c@200',
      'DELETED b@201',
      'DELETED d@203',
    ]);
    const direct = listItems(applyWatchEvents(emptyListState(), [...all, ...churn]));
    const paced = listItems(applyWatchEvents(emptyListState(), c.sent));
    expect(paced).toEqual(direct);
  });

  it('keeps only the newest of statuses that wait in a row', async () => {
    const c = slowConsumer();
    const send = pacedEmitter(c.emit, c.drained, new AbortController().signal);
    send(status('reconnecting'));
    send(status('live'));
    send(status('reconnecting'));
    await c.release();
    expect(c.sent).toEqual([status('reconnecting')]);
    expect(await c.release()).toBe(false);
    expect(c.sent).toHaveLength(1);
  });

  it('drops what waits once the stream is gone', async () => {
    const c = slowConsumer();
    const ac = new AbortController();
    const send = pacedEmitter(c.emit, c.drained, ac.signal);
    send(status('live'));
    send({ type: 'synced', resourceVersion: '1' });
    ac.abort();
    await c.release();
    send(status('live'));
    expect(c.sent).toHaveLength(0);
  });

  it('mergeChanges keeps each object once, at its last change', () => {
    expect(mergeChanges([change('ADDED', 'a', '1'), change('ADDED', 'b', '2')], [change('MODIFIED', 'a', '3')]).map((x) => x.object.metadata.name)).toEqual(['b', 'a']);
  });
});
