/** Detail views and related objects: Deployment → ReplicaSets → Pods, Service → selected Pods; pod count vs kubectl (dark theme). */
import { test, expect } from './fixtures';
import { saveScreenshot } from './support/screenshots';

test.describe('details', () => {
  test('Deployment → ReplicaSet → Pods, and Service → its Pods', async ({ app, kubectl, ns }) => {
    const labels = { app: 'rel' };
    await kubectl.apply(
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'rel', namespace: ns, labels }, spec: { replicas: 2, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'registry.example/rel:1' }] } } } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'rel', namespace: ns }, spec: { selector: labels, ports: [{ port: 80 }] } },
    );
    await app.open(app.detailHash('deployments', ns, 'rel'));
    const rs = app.detail.relatedLinks('Deployment', 'related.replicaSets');
    await expect(rs).toHaveCount(1, { timeout: 20_000 });
    await expect(app.detail.relatedLinks('Deployment', 'related.pods')).toHaveCount(2, { timeout: 20_000 });
    const rsName = (await rs.first().textContent())!.replace('ReplicaSet/', '');
    await rs.first().click();
    const pods = app.detail.relatedLinks('ReplicaSet', 'related.pods');
    await expect(pods).toHaveCount(2);
    // A Pod: its owner chain up to the Deployment, its events, and its node's pods.
    const podName = (await pods.first().textContent())!.replace('Pod/', '');
    await pods.first().click();
    await expect(app.detail.ownerLinks('Pod')).toHaveText([`ReplicaSet/${rsName}`, 'Deployment/rel'], { timeout: 20_000 });
    await expect(app.detail.events('Pod')).toContainText('Scheduled', { timeout: 20_000 });
    await app.detail.section('Pod', 'detail.summary').locator('a[href*="/nodes/"]').click();
    await expect(app.detail.relatedLinks('Node', 'node.podsOnNode').filter({ hasText: `Pod/${podName}` })).toHaveCount(1, { timeout: 20_000 });
    await app.open(app.detailHash('services', ns, 'rel'));
    await expect(app.detail.relatedLinks('Service', 'related.selectedPods')).toHaveCount(2);
  });

  test('the Pods header count matches kubectl get pods -A (dark theme)', async ({ app, kubectl, page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const list = await app.openList('pods');
    await expect.poll(async () => (await list.count()) - (await kubectl.names(['pods', '-A'])).length).toBe(0);
    await saveScreenshot(page, 'pods-dark-en');
  });

  test('a demo Deployment: summary, conditions and its ReplicaSet', async ({ app, kubectl }) => {
    const [rs] = await kubectl.names(['replicasets', '-n', 'shop', '-l', 'app.kubernetes.io/name=storefront']);
    await app.open(app.detailHash('deployments', 'shop', 'storefront'));
    await expect(app.detail.heading('Deployment')).toContainText('storefront');
    await expect(app.detail.relatedLinks('Deployment', 'related.replicaSets')).toHaveText([`ReplicaSet/${rs}`]);
    await expect(app.detail.view('Deployment')).not.toContainText('<invalid>');
    await saveScreenshot(app.page, 'deployment-detail-en');
  });
});
