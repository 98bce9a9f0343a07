/**
 * Live tables: objects created or deleted with kubectl appear and vanish without reload, and
 * after the simulator drops every watch the status bar says "reconnecting", then "live" again
 * with correct data.
 */
import { test, expect } from './fixtures';
import { podManifest } from './support/kubectl';
import { readStack } from './support/stack';

test.describe('live data', () => {
  test('a pod created with kubectl appears within a second; deleted, it vanishes', async ({ app, kubectl, ns }) => {
    const list = await app.openList('pods', { namespaces: [ns] });
    await list.expectTitle('Pods');
    await expect(list.emptyMessage).toBeVisible();
    await kubectl.apply(podManifest(ns, 'live-pod', { app: 'live' }));
    await expect(list.row('live-pod')).toBeVisible({ timeout: 1_000 });
    await kubectl.run(['delete', 'pod', 'live-pod', '-n', ns, '--grace-period=0', '--force']);
    await expect(list.row('live-pod')).toHaveCount(0, { timeout: 1_000 });
  });

  test('dropped watches: status bar says reconnecting, then live with a pod created during the outage', async ({ app, kubectl, ns }) => {
    const { sim } = readStack();
    const list = await app.openList('pods', { namespaces: [ns] });
    const cluster = app.statusBar.cluster(app.context);
    await expect(cluster).toHaveAttribute('data-state', 'live');
    // Hold the watches half-open so the outage lasts long enough to be seen, then drop them.
    await fetch(`${sim.controlUrl}/stall-watches?on=true`, { method: 'POST' });
    await fetch(`${sim.controlUrl}/drop-watches`, { method: 'POST' });
    await expect(cluster).toHaveAttribute('data-state', 'reconnecting');
    await expect(app.statusBar.clusterText(app.context)).toContainText('reconnecting');
    await kubectl.apply(podManifest(ns, 'during-outage'));
    await fetch(`${sim.controlUrl}/stall-watches?on=false`, { method: 'POST' });
    await expect(cluster).toHaveAttribute('data-state', 'live', { timeout: 30_000 });
    await expect(list.row('during-outage')).toBeVisible();
  });
});
