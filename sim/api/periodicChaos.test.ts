/**
 * Periodic compaction and watch stalls. The timing rules with an injected clock; the effects
 * through real clients against a churning simulator: after a compaction, resuming from an older
 * resourceVersion gets 410 Expired (client-node) while the watch already open keeps flowing; a
 * stalled watch stays open and silent while a watch opened afterwards is served.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { KubeConfig, Watch } from '@kubernetes/client-node';
import { startSim, type RunningSim } from '../index';
import { openWatch } from '../server/testing';
import type { ChaosKnobs } from '../types';
import { PeriodicChaos } from './periodicChaos';

describe('PeriodicChaos timing', () => {
  it('fires each fault once per period, follows knob changes, and stays quiet at 0', () => {
    let now = 0;
    const fired: string[] = [];
    const chaos = { compactEverySeconds: 2, stallWatchesEverySeconds: 0 } as ChaosKnobs;
    const p = new PeriodicChaos(chaos, { compact: () => fired.push(`compact@${now}`), stallOpenWatches: () => fired.push(`stall@${now}`) }, () => now);
    p.start();
    p.stop(); // the test drives tick() itself
    for (now = 100; now <= 5000; now += 100) {
      if (now === 3000) chaos.stallWatchesEverySeconds = 1; // turned on at run time: a period after the last tick that saw it off
      p.tick();
    }
    expect(fired).toEqual(['compact@2000', 'stall@3900', 'compact@4000', 'stall@4900']);
  });
});

let sim: RunningSim | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

function clientNodeWatch(kc: KubeConfig, path: string, resourceVersion: string) {
  const events: { type: string; object: { kind?: string; code?: number; reason?: string } }[] = [];
  const controller = new Watch(kc).watch(path, { resourceVersion }, (type, object) => events.push({ type, object }), () => {});
  return {
    events,
    controller,
    async until(check: () => boolean, ms = 5000) {
      const deadline = Date.now() + ms;
      while (!check()) {
        if (Date.now() > deadline) throw new Error(`watch condition not met; events: ${JSON.stringify(events.slice(-3))}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}

describe('periodic faults against a churning simulator', () => {
  it('compactEverySeconds: resuming from before a compaction gets 410 Expired; open watches carry on', async () => {
    sim = await startSim({ scenario: 'empty', controllers: false, eventsPerSecond: 80, chaos: { compactEverySeconds: 1 } });
    const kc = new KubeConfig();
    kc.loadFromFile(sim.kubeconfigPath);
    const before = sim.ctx.store.encodeRv(sim.ctx.store.revision());
    const open = clientNodeWatch(kc, '/api/v1/namespaces/churn/pods', before);
    await open.until(() => open.events.length >= 5);
    await new Promise((r) => setTimeout(r, 1500)); // at least one compaction, with churn after it

    const resumed = clientNodeWatch(kc, '/api/v1/namespaces/churn/pods', before);
    await resumed.until(() => resumed.events.length > 0);
    expect(resumed.events[0]).toMatchObject({ type: 'ERROR', object: { kind: 'Status', code: 410, reason: 'Expired' } });

    const seen = open.events.length;
    await open.until(() => open.events.length > seen + 5);
    expect(open.events.every((e) => e.type !== 'ERROR')).toBe(true);
    (await open.controller).abort();
    (await resumed.controller).abort();
  }, 30_000);

  it('stallWatchesEverySeconds: open watches go silent without closing; a new watch is served', async () => {
    sim = await startSim({ scenario: 'empty', controllers: false, eventsPerSecond: 100, chaos: { stallWatchesEverySeconds: 1.5 } });
    const rv = () => sim!.ctx.store.encodeRv(sim!.ctx.store.revision());
    const first = openWatch(sim, `/api/v1/namespaces/churn/pods?watch=true&resourceVersion=${rv()}`);
    expect(await first.ready).toBe(200);
    await first.until(() => first.lines.length >= 5);

    // Wait for the stall: no line for 600 ms while churn writes a pod change every ~20 ms.
    const deadline = Date.now() + 5000;
    let count = first.lines.length;
    let quietSince = Date.now();
    while (Date.now() - quietSince < 600) {
      if (Date.now() > deadline) throw new Error('the watch never stalled');
      await new Promise((r) => setTimeout(r, 50));
      if (first.lines.length !== count) {
        count = first.lines.length;
        quietSince = Date.now();
      }
    }
    expect(first.closed).toBe(false);

    const second = openWatch(sim, `/api/v1/namespaces/churn/pods?watch=true&resourceVersion=${rv()}`);
    expect(await second.ready).toBe(200);
    await second.until(() => second.lines.length >= 3, 1000);

    await new Promise((r) => setTimeout(r, 500));
    expect(first.lines.length).toBe(count);
    expect(first.closed).toBe(false);
    first.stop();
    second.stop();
  }, 30_000);
});
