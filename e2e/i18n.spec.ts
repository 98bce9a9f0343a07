/** zh-CN: navigation, headers and empty states in Chinese, kind names in English, choice persisted by main. */
import { test, expect } from './fixtures';
import { AppFrame } from './pages/AppFrame';
import { CJK, t } from './support/catalog';

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
  await page.screenshot({ path: 'test-results/screenshots/pods-zh-CN.png' });
  await app.list.setSelector('nothing=matches-this');
  await expect(app.list.emptyMessage).toHaveText(t('zh-CN', 'empty.list', { kind: 'Pod' }));
  await app.openOverview();
  await page.screenshot({ path: 'test-results/screenshots/overview-zh-CN.png' });
  // Persisted by main: a fresh browser (English locale) on the same server opens in Chinese.
  const other = await browser.newContext({ locale: 'en-US' });
  const fresh = new AppFrame(await other.newPage(), stack.webI18n, stack.contexts.admin);
  fresh.lang = 'zh-CN';
  await fresh.openOverview();
  await expect(fresh.sidebarLink(t('zh-CN', 'nav.overview'))).toBeVisible();
  await other.close();
});
