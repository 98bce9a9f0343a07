/**
 * Filters: namespace multi-select, kubectl label selectors (=, in, notin, !key), an invalid
 * selector (inline error, last valid filter kept), label chips; resource text is never HTML;
 * keyboard: "/" focuses search, the command palette jumps to a kind.
 */
import { test, expect } from './fixtures';
import { podManifest } from './support/kubectl';
import { saveScreenshot } from './support/screenshots';

test.describe('filters', () => {
  test('namespace multi-select and label selectors with in, notin and !key; invalid selector keeps the last valid one', async ({ app, kubectl, ns }) => {
    const other = `${ns}-b`;
    await kubectl.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: other } });
    try {
      await kubectl.apply(
        podManifest(ns, 'web-1', { tier: 'web' }),
        podManifest(ns, 'api-1', { tier: 'api', canary: 'true' }),
        podManifest(other, 'cache-1', { tier: 'cache' }),
      );
      const list = await app.openList('pods');
      await list.selectNamespaces([ns, other]);
      await list.expectRows(['web-1', 'api-1', 'cache-1']);
      await list.setSelector('tier in (web,api)');
      await list.expectRows(['web-1', 'api-1']);
      await list.setSelector('tier notin (web,api)');
      await list.expectRows(['cache-1']);
      await list.setSelector('!canary');
      await list.expectRows(['web-1', 'cache-1']);
      await list.setSelector('!canary,tier=(');
      await expect(list.selectorError).toBeVisible();
      await expect(list.selectorInput).toHaveAttribute('aria-invalid', 'true');
      await list.expectRows(['web-1', 'cache-1']);
    } finally {
      await kubectl.run(['delete', 'namespace', other, '--wait=false']).catch(() => undefined);
    }
  });

  test('a label chip fills the selector and filters the rows', async ({ app, kubectl, ns }) => {
    await kubectl.apply(podManifest(ns, 'chip-a', { team: 'red' }), podManifest(ns, 'chip-b', { team: 'blue' }));
    const list = await app.openList('pods', { namespaces: [ns] });
    await list.expectRows(['chip-a', 'chip-b']);
    await list.labelChip('chip-a', 'team', 'red').click();
    await expect(list.selectorInput).toHaveValue('team=red');
    await list.expectRows(['chip-a']);
  });

  test('HTML in an annotation and an event message renders as text and runs nothing', async ({ app, kubectl, ns, page }) => {
    const payload = '<img src=x onerror=alert(1)>';
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await kubectl.apply(podManifest(ns, 'xss', {}, { note: payload }));
    const { stdout: uid } = await kubectl.run(['get', 'pod', 'xss', '-n', ns, '-o', 'jsonpath={.metadata.uid}']);
    await kubectl.apply({
      apiVersion: 'v1', kind: 'Event', metadata: { name: 'xss.1', namespace: ns },
      involvedObject: { kind: 'Pod', namespace: ns, name: 'xss', uid, apiVersion: 'v1' },
      reason: 'Injected', message: payload, type: 'Warning', count: 1,
      firstTimestamp: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), lastTimestamp: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    });
    await app.open(app.detailHash('pods', ns, 'xss'));
    await expect(app.detail.annotations('Pod')).toContainText(`note=${payload}`);
    await expect(app.detail.events('Pod')).toContainText(payload);
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    // Bookmarkable: a reload shows the same view.
    await page.reload();
    await expect(app.detail.heading('Pod')).toContainText('xss');
    expect(dialogs).toBe(0);
  });

  test('keyboard: "/" focuses search; the command palette jumps to a kind', async ({ app, page }) => {
    await app.openList('pods');
    await app.list.heading.click();
    await page.keyboard.press('/');
    await expect(app.list.searchInput).toBeFocused();
    await app.list.heading.click();
    await app.palette.openWithKeyboard();
    await expect(app.palette.dialog).toBeVisible();
    await app.palette.input.fill('Deployments');
    await saveScreenshot(page, 'command-palette-en');
    await page.keyboard.press('Enter');
    await app.list.expectTitle('Deployments');
  });

  test('keyboard in a table: arrows move the selected row, Enter opens its detail', async ({ app, kubectl, ns, page }) => {
    await kubectl.apply(podManifest(ns, 'key-a'), podManifest(ns, 'key-b'), podManifest(ns, 'key-c'));
    const list = await app.openList('pods', { namespaces: [ns] });
    await list.expectRows(['key-a', 'key-b', 'key-c']);
    await expect(list.countStatus).toHaveAccessibleName('Pods: 3 objects');
    // Sorted by name, so "down" has a known neighbour.
    await list.columnHeaders.filter({ hasText: /^Name(?!space)/ }).getByRole('button').click();
    await expect(list.rows.first()).toContainText('key-a');
    await list.grid.focus();
    const selected = list.grid.getByRole('row', { selected: true });
    await expect(selected).toContainText('key-a');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(selected).toContainText('key-c');
    await page.keyboard.press('ArrowUp');
    await expect(selected).toContainText('key-b');
    await expect(list.grid).toHaveAttribute('aria-activedescendant', (await selected.getAttribute('id'))!);
    await page.keyboard.press('Enter');
    await expect(app.detail.heading('Pod')).toContainText('key-b');
    expect(await app.hash()).toContain(`/pods/${ns}/key-b`);
  });

  test('a selector on the demo\'s pods lists what kubectl get -l lists', async ({ app, kubectl }) => {
    const selector = 'app.kubernetes.io/part-of=webshop';
    const list = await app.openList('pods', { selector });
    await expect(list.selectorInput).toHaveValue(selector);
    // CronJob pods come and go: compare with kubectl's answer of the same moment.
    await expect
      .poll(async () => {
        const [shown, expected] = [(await list.rowNames()).sort(), (await kubectl.names(['pods', '-A', '-l', selector])).sort()];
        return shown.length > 0 && JSON.stringify(shown) === JSON.stringify(expected);
      }, { message: 'rows equal kubectl get pods -A -l' })
      .toBe(true);
    await saveScreenshot(app.page, 'pods-selector-en');
  });
});
