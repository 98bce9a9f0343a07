import { describe, expect, it } from 'vitest';
import { ApiError, type KubeObject, type StoreEvent } from '../types';
import { MemoryStore } from './memoryStore';

const pod = (ns: string, name: string, labels: Record<string, string> = {}, phase = 'Pending'): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { namespace: ns, name, uid: `${ns}-${name}`, labels },
  status: { phase },
});

function catchApi(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected an ApiError');
}

describe('MemoryStore', () => {
  it('keeps objects as JSON with opaque resourceVersions and enforces concurrency', () => {
    const s = new MemoryStore();
    const a = s.create('pods', pod('ns1', 'a'));
    const rv = JSON.parse(a.json).metadata.resourceVersion as string;
    expect(rv).not.toMatch(/^\d+$/);
    expect(s.decodeRv(rv)).toBe(a.rev);
    expect(a.json.startsWith('{"apiVersion":"v1","kind":"Pod","metadata":')).toBe(true);
    expect(catchApi(() => s.create('pods', pod('ns1', 'a'))).code).toBe(409);
    const b = s.update('pods', pod('ns1', 'a', { x: '1' }), a.rev);
    expect(b.rev).toBeGreaterThan(a.rev);
    const conflict = catchApi(() => s.update('pods', pod('ns1', 'a'), a.rev));
    expect(conflict.reason).toBe('Conflict');
    expect(conflict.message).toContain('the object has been modified');
    expect(catchApi(() => s.decodeRv('123')).code).toBe(400);
    expect(catchApi(() => new MemoryStore().decodeRv(rv)).code).toBe(410);
  });

  it('lists in key order with namespace, selectors and pages', () => {
    const s = new MemoryStore();
    for (const [ns, n] of [['b', 'x'], ['a', 'z'], ['a-b', 'y'], ['a', 'y']]) s.create('pods', pod(ns, n, { app: n }, n === 'y' ? 'Running' : 'Pending'));
    expect(s.list('pods').map((o) => `${o.namespace}/${o.name}`)).toEqual(['a-b/y', 'a/y', 'a/z', 'b/x']);
    expect(s.list('pods', { namespace: 'a' }).map((o) => o.name)).toEqual(['y', 'z']);
    expect(s.list('pods', { labelSelector: 'app in (y)' }).length).toBe(2);
    expect(s.list('pods', { fieldSelector: 'status.phase=Running' }).map((o) => o.namespace)).toEqual(['a-b', 'a']);
    const p1 = s.listPage('pods', { limit: 3 });
    expect(p1.items.length).toBe(3);
    expect(p1.more).toBe(true);
    expect(p1.remaining).toBe(1);
    const p2 = s.listPage('pods', { limit: 3, after: p1.lastKey });
    expect(p2.items.map((o) => o.name)).toEqual(['x']);
    expect(p2.more).toBe(false);
  });

  it('reconstructs a past revision for consistent pages', () => {
    const s = new MemoryStore();
    s.create('pods', pod('a', '1'));
    s.create('pods', pod('a', '2'));
    s.create('pods', pod('a', '3'));
    const at = s.revision();
    s.delete('pods', 'a', '2');
    s.create('pods', pod('a', '25'));
    s.update('pods', pod('a', '3', { changed: 'yes' }));
    const page = s.listPageAt('pods', at, { after: 'a/1' });
    expect(page.items.map((o) => o.name)).toEqual(['2', '3']);
    expect(page.items[1].labels).toEqual({});
    s.compact();
    expect(catchApi(() => s.listPageAt('pods', at, {})).code).toBe(410);
  });

  it('watches with resume, selector enter/leave and 410 once history is gone', () => {
    const s = new MemoryStore({ historySize: 3 });
    s.create('pods', pod('a', 'p', { app: 'web' }));
    const from = s.revision();
    s.update('pods', pod('a', 'p', { app: 'db' }));
    s.update('pods', pod('a', 'p', { app: 'web' }));
    const seen: StoreEvent[] = [];
    const stop = s.watch('pods', { afterRev: from, labelSelector: 'app=web' }, (e) => seen.push(e));
    expect(seen.map((e) => e.type)).toEqual(['DELETED', 'ADDED']);
    s.delete('pods', 'a', 'p');
    expect(seen.map((e) => e.type)).toEqual(['DELETED', 'ADDED', 'DELETED']);
    stop();
    // Only 3 events are kept: resuming from the first revision is now too old.
    expect(catchApi(() => s.watch('pods', { afterRev: from - 1 }, () => {})).code).toBe(410);
    s.compact();
    expect(catchApi(() => s.watch('pods', { afterRev: s.revision() - 1 }, () => {})).reason).toBe('Expired');
    expect(() => s.watch('pods', { afterRev: s.revision() }, () => {})).not.toThrow();
  });

  it('delivers events in revision order when listeners write', () => {
    const s = new MemoryStore();
    const order: number[] = [];
    s.watch('pods', {}, (e) => {
      order.push(e.rev);
      if (e.object.name === 'a') s.create('pods', pod('x', 'b'));
    });
    s.watch('pods', {}, (e) => order.push(e.rev));
    s.create('pods', pod('x', 'a'));
    expect(order).toEqual([1, 1, 2, 2]);
  });

  it('lists 50k pods by concatenation quickly', () => {
    const s = new MemoryStore();
    const filler = 'x'.repeat(1500);
    for (let i = 0; i < 50_000; i++) {
      const p = pod(`ns-${i % 20}`, `pod-${i}`, { app: `a${i % 7}` });
      (p as { spec?: unknown }).spec = { filler };
      s.create('pods', p);
    }
    const t0 = performance.now();
    const items = s.list('pods');
    const body = `{"items":[${items.map((o) => o.json).join(',')}]}`;
    const ms = performance.now() - t0;
    expect(items.length).toBe(50_000);
    expect(body.length).toBeGreaterThan(75_000_000);
    expect(ms).toBeLessThan(5000);
  });
});
