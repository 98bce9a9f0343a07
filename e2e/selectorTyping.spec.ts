/**
 * Typing a label selector: the rows narrow as the user types (client-side), while the server
 * watch — a full LIST in main — follows only the selector the user settled on, and so does the
 * URL. The simulator's control server counts the LIST requests it received.
 */
import { test, expect } from './fixtures';
import { podManifest } from './support/kubectl';
import { readStack } from './support/stack';

/** A LIST the simulator received (see e2e/support/simProcess.ts). */
interface ListRequest {
  path: string;
  labelSelector: string;
}

async function resetLists(controlUrl: string): Promise<void> {
  const res = await fetch(`${controlUrl}/lists/reset`, { method: 'POST' });
  expect(res.status).toBe(204);
}

async function listsOf(controlUrl: string, path: string): Promise<string[]> {
  const res = await fetch(`${controlUrl}/lists`);
  expect(res.status).toBe(200);
  return ((await res.json()) as ListRequest[]).filter((r) => r.path === path).map((r) => r.labelSelector);
}

test.describe('typing a selector', () => {
  test('app=f typed key by key starts one narrowed list, not one per prefix; the URL follows once it settles', async ({ app, kubectl, ns }) => {
    const { sim } = readStack();
    const path = `/api/v1/namespaces/${ns}/pods`;
    await kubectl.apply(podManifest(ns, 'f-1', { app: 'f' }), podManifest(ns, 'g-1', { app: 'g' }));
    const list = await app.openList('pods', { namespaces: [ns] });
    await list.expectRows(['f-1', 'g-1']);

    await resetLists(sim.controlUrl);
    // Every prefix parses: "a", "ap", "app", "app=" (app is empty) and "app=f".
    await list.typeSelector('app=f');
    await list.expectRows(['f-1']);
    await expect.poll(() => app.hash(), { message: 'the URL carries the settled selector' }).toContain('l=app=f');
    await expect.poll(() => listsOf(sim.controlUrl, path), { message: 'the narrowed LIST reached the server' }).toContain('app=f');
    await expect(list.streamBadge).toHaveAccessibleName(/: live$/);

    const narrowed = (await listsOf(sim.controlUrl, path)).filter((s) => s !== '');
    // One when the typing never paused for the debounce; two if a loaded machine paused it once.
    expect(narrowed.length, `LISTs started: ${JSON.stringify(narrowed)}`).toBeGreaterThanOrEqual(1);
    expect(narrowed.length, `LISTs started: ${JSON.stringify(narrowed)}`).toBeLessThanOrEqual(2);
    expect(narrowed).toContain('app=f');
  });

  test('Enter applies the typed selector at once, without waiting for the pause', async ({ app, kubectl, ns, page }) => {
    await kubectl.apply(podManifest(ns, 'f-1', { app: 'f' }), podManifest(ns, 'g-1', { app: 'g' }));
    const list = await app.openList('pods', { namespaces: [ns] });
    await list.expectRows(['f-1', 'g-1']);
    await list.setSelector('app=g');
    await list.selectorInput.press('Enter');
    // Read at once (no polling): the debounce would write the URL only a pause later.
    expect(await page.evaluate(() => decodeURIComponent(window.location.hash))).toContain('l=app=g');
    await list.expectRows(['g-1']);
  });
});
