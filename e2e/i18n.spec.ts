/**
 * zh-CN: navigation, headers, empty and error states in Chinese (kind names stay English), the
 * choice persisted by main. Runs on its own web server (webI18n): the language is a setting of main.
 */
import { test, expect } from './fixtures';
import { AppFrame } from './pages/AppFrame';
import { CJK, t, tPattern } from './support/catalog';
import { saveScreenshot } from './support/screenshots';

test('switching to zh-CN in Settings translates the UI and survives a reload', async ({ page, stack, browser }) => {
  const app = new AppFrame(page, stack.webI18n, stack.contexts.admin);
  await app.open('#/settings');
  await page.getByRole('radio', { name: '简体中文' }).check();
  app.lang = 'zh-CN';
  await expect(app.statusBar.core).toHaveText(t('zh-CN', 'core.connected'));
  await app.open(app.listHash('pods'));
  await expect(app.sidebar.locator('summary', { hasText: t('zh-CN', 'nav.area.workloads') })).toBeVisible();
  await app.list.expectTitle('Pod');
  const headers = await app.list.headerTexts();
  expect(headers.some((h) => CJK.test(h)), headers.join('|')).toBe(true);
  await saveScreenshot(page, 'pods-zh-CN');
  await app.list.setSelector('nothing=matches-this');
  await expect(app.list.emptyMessage).toHaveText(t('zh-CN', 'empty.list', { kind: 'Pod' }));
  await app.openOverview();
  // Events loaded (the demo always has warnings), ages in Chinese.
  await expect(page.getByRole('list', { name: t('zh-CN', 'overview.warnings'), exact: true }).getByRole('listitem').first()).toContainText(new RegExp(`${t('zh-CN', 'time.justNow')}|${tPattern('zh-CN', 'time.ago').source}`));
  await saveScreenshot(page, 'overview-zh-CN');
  // Persisted by main: a fresh browser (English locale) on the same server opens in Chinese.
  const other = await browser.newContext({ locale: 'en-US' });
  const fresh = new AppFrame(await other.newPage(), stack.webI18n, stack.contexts.admin);
  fresh.lang = 'zh-CN';
  await fresh.openOverview();
  await expect(fresh.sidebarLink(t('zh-CN', 'nav.overview'))).toBeVisible();
  await other.close();
});

test('zh-CN: an invalid selector and a forbidden list are explained in Chinese', async ({ page, stack }) => {
  const app = new AppFrame(page, stack.webI18n, stack.contexts.admin);
  // This server may already speak Chinese (the spec above persisted it): choose it either way.
  await page.goto(`${stack.webI18n.loginUrl}#/settings`);
  await page.getByRole('radio', { name: '简体中文' }).check();
  app.lang = 'zh-CN';
  await expect(app.statusBar.core).toHaveText(t('zh-CN', 'core.connected'));
  const list = await app.openList('pods');
  await list.expectTitle('Pod');
  // The lead sentence is translated; the parser's own detail stays beside it, marked as English.
  await list.setSelector('app in (web');
  await expect(list.selectorError).toContainText(t('zh-CN', 'list.selectorErrorAtEnd'));
  await expect(list.selectorError).toContainText(t('zh-CN', 'list.selectorKeptHint'));
  await expect(list.selectorError.locator('code[lang="en"]')).toHaveText(/^expected /);
  await list.setSelector('app in (web),tier=(');
  await expect(list.selectorError).toContainText(t('zh-CN', 'list.selectorErrorFound', { position: 19, found: '"("' }));
  await saveScreenshot(page, 'selector-error-zh-CN');

  // The demo's viewer may read namespace "shop" only: all namespaces are forbidden to it.
  const viewer = new AppFrame(page, stack.webI18n, stack.contexts.viewer);
  viewer.lang = 'zh-CN';
  const forbidden = await viewer.openList('pods');
  await expect(forbidden.errorState.getByRole('heading')).toHaveText(t('zh-CN', 'error.title', { kind: 'Pod' }));
  await expect(forbidden.errorState).toContainText(tPattern('zh-CN', 'error.forbidden'));
  await expect(forbidden.errorState.getByRole('button', { name: t('zh-CN', 'error.tryNamespace', { namespace: 'shop' }) })).toBeVisible();
  // The status bar: the cluster is live, the stream is forbidden, both in Chinese.
  const status = `${t('zh-CN', 'status.live')} · ${t('zh-CN', 'status.reason.forbidden')}：(pods|namespaces) is forbidden`;
  await expect(viewer.statusBar.cluster(viewer.context)).toHaveAccessibleName(new RegExp(`^${viewer.context}: ${status}`));
  await saveScreenshot(page, 'forbidden-zh-CN');
});
