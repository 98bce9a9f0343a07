/**
 * The churn knob seen from a real client: @kubernetes/client-node watches pods and events across
 * the cluster while a simulator (controllers on) churns at N events per second; the rate seen
 * over a few seconds is within ±30 % of N, spread over every second, made of the promised mix,
 * and the controllers add nothing of their own (everything is in namespace `churn`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KubeConfig, Watch } from '@kubernetes/client-node';
import { startSim, type RunningSim } from '../index';

const N = 120;
const WARM_UP_MS = 1000;
const WINDOW_MS = 5000;

let sim: RunningSim;
let kc: KubeConfig;

beforeAll(async () => {
  sim = await startSim({ scenario: 'minimal', eventsPerSecond: N });
  kc = new KubeConfig();
  kc.loadFromFile(sim.kubeconfigPath);
}, 60_000);
afterAll(async () => sim?.stop());

interface Seen {
  at: number;
  type: string;
  kind: string;
  namespace?: string;
  reason?: string;
}

async function watchAll(path: string, seen: Seen[]): Promise<AbortController> {
  const rv = sim.ctx.store.encodeRv(sim.ctx.store.revision());
  return new Watch(kc).watch(
    path,
    { resourceVersion: rv, allowWatchBookmarks: false },
    (type, obj: { kind?: string; metadata?: { namespace?: string }; reason?: string }) => seen.push({ at: Date.now(), type, kind: obj.kind ?? '', namespace: obj.metadata?.namespace, reason: obj.reason }),
    () => {},
  );
}

describe('churn (eventsPerSecond)', () => {
  it(`produces about ${N} watch events per second, spread over time, all in namespace churn`, async () => {
    const seen: Seen[] = [];
    const watches = [await watchAll('/api/v1/pods', seen), await watchAll('/api/v1/events', seen)];
    await new Promise((r) => setTimeout(r, WARM_UP_MS));
    const from = Date.now();
    await new Promise((r) => setTimeout(r, WINDOW_MS));
    const to = Date.now();
    for (const w of watches) w.abort();

    const inWindow = seen.filter((s) => s.at >= from && s.at < to);
    const perSecond = inWindow.length / ((to - from) / 1000);
    expect(perSecond).toBeGreaterThanOrEqual(N * 0.7);
    expect(perSecond).toBeLessThanOrEqual(N * 1.3);

    // Spread: every second of the window carries a share, no second is a burst of several seconds' worth.
    const buckets = Array.from({ length: WINDOW_MS / 1000 }, (_, i) => inWindow.filter((s) => s.at >= from + i * 1000 && s.at < from + (i + 1) * 1000).length);
    for (const count of buckets) {
      expect(count, `per-second counts ${buckets.join(', ')}`).toBeGreaterThan(N * 0.25);
      expect(count, `per-second counts ${buckets.join(', ')}`).toBeLessThan(N * 2);
    }

    // The mix: heartbeats, pods coming and going, Events; nothing from the controllers elsewhere.
    const kinds = new Set(seen.map((s) => `${s.type} ${s.kind}`));
    for (const k of ['MODIFIED Pod', 'ADDED Pod', 'DELETED Pod', 'ADDED Event']) expect(kinds, [...kinds].join(', ')).toContain(k);
    expect(seen.filter((s) => s.namespace !== 'churn')).toEqual([]);
    expect(seen.filter((s) => s.reason === 'FailedScheduling' || s.reason === 'BackOff')).toEqual([]);
  }, 30_000);

  it('churn pods are Running and Ready, bare, realistic in size, and the namespace is labelled', async () => {
    const pods = sim.ctx.api.list('pods', { namespace: 'churn' }) as unknown as { metadata: { name: string; ownerReferences?: unknown[]; uid?: string }; spec: { nodeName?: string }; status: { phase: string; conditions: { type: string; status: string }[] } }[];
    expect(pods.length).toBeGreaterThan(5);
    for (const p of pods) {
      expect(p.status.phase).toBe('Running');
      expect(p.status.conditions.find((c) => c.type === 'Ready')?.status).toBe('True');
      expect(p.metadata.ownerReferences).toBeUndefined();
      expect(p.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
      expect(['node-1', 'node-2', 'node-3']).toContain(p.spec.nodeName);
    }
    expect(JSON.stringify(pods[0]).length).toBeGreaterThan(6000);
    expect(sim.ctx.api.get('namespaces', '', 'churn')?.metadata.labels).toMatchObject({ 'pilothouse.dev/purpose': 'churn' });
  });

  it('refuses a bad knob value with a clear error', async () => {
    await expect(startSim({ scenario: 'empty', controllers: false, eventsPerSecond: -5 })).rejects.toThrow('eventsPerSecond must be a number ≥ 0, got -5');
  });
});
