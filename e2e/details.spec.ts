/** Detail views and related objects: Deployment → ReplicaSets → Pods, Service → selected Pods; pod count vs kubectl. */
import { test, expect } from './fixtures';

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
    await rs.first().click();
    await expect(app.detail.relatedLinks('ReplicaSet', 'related.pods')).toHaveCount(2);
    await app.open(app.detailHash('services', ns, 'rel'));
    await expect(app.detail.relatedLinks('Service', 'related.selectedPods')).toHaveCount(2);
  });

  test('the Pods header count matches kubectl get pods -A', async ({ app, kubectl }) => {
    const list = await app.openList('pods');
    await expect.poll(async () => (await list.count()) - (await kubectl.names(['pods', '-A'])).length).toBe(0);
  });
});
