import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSim } from '../index';
import { startSimWithKubectl, type SimWithKubectl } from './kubectlHarness';

let c: SimWithKubectl;
let revisionAfterLoad = 0;
const errors = vi.spyOn(console, 'error');
beforeAll(async () => {
  c = await startSimWithKubectl({ scenario: 'scale', pods: 400 });
  revisionAfterLoad = c.sim.ctx.store.revision();
}, 60_000);
afterAll(async () => c?.stop());

describe('scale scenario', () => {
  it('loads running pods of realistic shape across namespaces and nodes', async () => {
    const list = JSON.parse(await c.kubectl('get', 'pods', '-A', '-o', 'json', '--show-managed-fields')) as { items: Array<{ metadata: { namespace: string; managedFields?: unknown[]; ownerReferences?: unknown[] }; spec: { nodeName: string }; status: { phase: string } }> };
    expect(list.items).toHaveLength(400);
    expect(new Set(list.items.map((p) => p.metadata.namespace)).size).toBe(20);
    expect(new Set(list.items.map((p) => p.spec.nodeName)).size).toBe(4);
    for (const p of list.items) {
      expect(p.status.phase).toBe('Running');
      expect(p.metadata.managedFields).toHaveLength(2);
      expect(p.metadata.ownerReferences).toHaveLength(1);
    }
    const sizes = c.sim.ctx.store.list('pods').map((e) => e.json.length);
    const avg = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    expect(avg).toBeGreaterThan(6_500);
    expect(avg).toBeLessThan(9_000);
    const deploy = await c.kubectl('get', 'deployments', '-A', '--no-headers');
    for (const line of deploy.trim().split('\n')) expect(line).toMatch(/\s20\/20\s+20\s+20\s/);
  });

  it('is quiet after loading: the controllers find nothing to change, and no listener failed', async () => {
    await new Promise((r) => setTimeout(r, 1500));
    // The bulk-loaded pods are summarized by the controllers' pod cache as they arrive.
    expect(errors.mock.calls.map((args) => args.join(' ')).filter((line) => !line.startsWith('[sim] scale:'))).toEqual([]);
    expect(c.sim.ctx.store.count('pods')).toBe(400);
    // Only the default ServiceAccounts of the namespaces may have been written since.
    const since = c.sim.ctx.store.revision() - revisionAfterLoad;
    expect(since).toBeLessThanOrEqual(c.sim.ctx.store.count('serviceaccounts'));
  });

  it('refuses a pod count out of range with a clear error', async () => {
    await expect(startSim({ scenario: 'scale', pods: 200_000 } as never)).rejects.toThrow('scale scenario: --pods must be an integer from 1 to 150000, got "200000"');
  });
});
