/**
 * Cluster health as the status bar and the hotbar tell it: a list the user may not read is that
 * stream's state ("forbidden: <the API's message>"), never the whole cluster's; the demo's
 * sim-viewer context may read namespace "shop" only. While the core itself is away, neither
 * claims a cluster is live, and the last data stays on screen.
 */
import { test, expect } from './fixtures';
import { AppFrame } from './pages/AppFrame';
import { t } from './support/catalog';
import { startWeb } from './support/globalSetup';
import { stopPid } from './support/processes';
import { saveScreenshot } from './support/screenshots';

test.describe('cluster health', () => {
  test('a forbidden list is a per-stream state: the viewer\'s cluster stays live, the status bar names the API message', async ({ page, stack }) => {
    const viewer = stack.contexts.viewer;
    const app = new AppFrame(page, stack.web, viewer);
    // All namespaces: the viewer may not list pods at the cluster scope.
    const list = await app.openList('pods');
    await expect(list.errorState.getByRole('heading')).toHaveText(t('en', 'error.title', { kind: 'Pods' }));
    await expect(list.errorState).toContainText('pods is forbidden');
    const cluster = app.statusBar.cluster(viewer);
    await expect(cluster).toHaveAttribute('data-state', 'live');
    await expect(cluster).toHaveAttribute('data-problem', 'forbidden');
    // The accessible name carries the state and the API's message of the first failed stream
    // (pods, or the namespace picker's namespaces: both are cluster-wide lists), and the rest counted.
    const problem = `forbidden: (pods|namespaces) is forbidden: User "viewer" cannot list resource "\\1"[^·]* · 1 more stream failed`;
    await expect(cluster).toHaveAccessibleName(new RegExp(`^${viewer}: live · ${problem}`));
    await expect(app.hotbarCluster(viewer)).toHaveAttribute('data-state', 'live');
    await expect(app.hotbarCluster(viewer)).toHaveAccessibleName(new RegExp(`^${viewer}: live · ${problem}$`));
    // In the namespace it may read, the pods load and their problem is gone (the namespace
    // picker's own list of namespaces stays forbidden to this user, and says so).
    await list.errorState.getByRole('button', { name: t('en', 'error.tryNamespace', { namespace: 'shop' }) }).click();
    await expect(list.rows.first()).toBeVisible();
    await expect(cluster).not.toHaveAccessibleName(/pods is forbidden/);
    await expect(cluster).toHaveAttribute('data-state', 'live');
  });

  test('the core goes away: hotbar and status bar say "reconnecting · core disconnected", the last rows stay', async ({ page, stack }) => {
    // A server of this test's own: stopping the shared one would take every other spec down with it.
    const pids: number[] = [];
    try {
      const server = await startWeb('web-core-away', stack.sim.kubeconfigPath, pids);
      const app = new AppFrame(page, server, stack.contexts.admin);
      const list = await app.openList('pods', { namespaces: ['shop'] });
      await expect(list.rows.first()).toBeVisible();
      const rows = await list.rowNames();
      await expect(app.statusBar.cluster(app.context)).toHaveAttribute('data-state', 'live');
      await stopPid(pids.pop()!);
      await expect(app.statusBar.core).toHaveText(t('en', 'core.reconnectingShort'));
      await expect(page.getByRole('alert').filter({ hasText: t('en', 'core.disconnected') })).toBeVisible();
      const away = `${t('en', 'status.reconnecting')} · ${t('en', 'status.reason.core-disconnected')}`;
      // The streams' data is stale from now on, and says since when.
      const name = new RegExp(`^${app.context}: ${away} · ${t('en', 'status.staleSince', { time: '.+' })}$`);
      await expect(app.statusBar.cluster(app.context)).toHaveAccessibleName(name);
      await expect(app.hotbarCluster(app.context)).toHaveAccessibleName(name);
      await expect(app.hotbarCluster(app.context)).toHaveAttribute('data-state', 'reconnecting');
      // Last-known data stays on screen.
      expect(await list.rowNames()).toEqual(rows);
      await saveScreenshot(page, 'core-disconnected-en');
    } finally {
      await Promise.all(pids.map((pid) => stopPid(pid)));
    }
  });
});
