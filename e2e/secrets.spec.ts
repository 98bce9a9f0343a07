/**
 * Secrets in the detail view: a Secret applied with kubectl (so its last-applied annotation holds
 * the values in clear) shows no value anywhere (page, YAML, annotations, or any frame the core
 * sent) until one key is revealed; revealing one key ships that key only, and navigating away
 * hides it again. ConfigMap data is shown as files, as text.
 */
import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { t } from './support/catalog';

/** Every WebSocket frame the core sends to the page (web mode speaks the contract over /ws). */
function recordFramesFromCore(page: Page): string[] {
  const frames: string[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', ({ payload }) => frames.push(typeof payload === 'string' ? payload : payload.toString('utf8'))));
  return frames;
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

test.describe('secrets', () => {
  test('values stay hidden (page, YAML, last-applied) until one key is revealed', async ({ app, kubectl, ns, page }) => {
    const password = `pw-${randomBytes(8).toString('hex')}`;
    const username = `user-${randomBytes(8).toString('hex')}`;
    const leaks = [password, b64(password), username, b64(username)];
    await kubectl.apply({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: ns }, type: 'Opaque', stringData: { password, username } });
    // The premise: kubectl apply left both values, in clear, in the annotation.
    const stored = await kubectl.getJson<{ metadata: { annotations: Record<string, string> } }>(['secret', 'db', '-n', ns]);
    expect(stored.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']).toContain(password);

    const frames = recordFramesFromCore(page);
    await app.open(app.detailHash('secrets', ns, 'db'));
    const view = app.detail.view('Secret');
    const data = view.getByRole('region', { name: `${t('en', 'config.data')} · ${t('en', 'config.keys', { count: 2 })}` });
    await expect(data.getByRole('button', { name: `${t('en', 'action.reveal')}: password` })).toBeVisible();
    await expect(data.getByLabel(t('en', 'config.masked'))).toHaveCount(2);

    const yaml = app.detail.section('Secret', 'detail.yaml');
    await expect(yaml).toContainText(t('en', 'config.yamlNote'));
    // Quoted by the YAML writer (the markers contain ": "), so the copied YAML stays valid.
    await expect(yaml.locator('pre')).toContainText(`password: ${JSON.stringify(t('en', 'config.hiddenValue', { count: password.length }))}`);
    await expect(yaml.locator('pre')).toContainText(`kubectl.kubernetes.io/last-applied-configuration: ${JSON.stringify(t('en', 'config.hiddenLastApplied'))}`);
    await expect(app.detail.annotations('Secret')).toContainText(`kubectl.kubernetes.io/last-applied-configuration=${t('en', 'config.hiddenLastApplied')}`);

    const html = await page.content();
    for (const leak of leaks) expect(html).not.toContain(leak);
    for (const leak of leaks) expect(frames.join('\n')).not.toContain(leak);

    // Reveal one key: its value shows (and only it travels); the other stays masked.
    await data.getByRole('button', { name: `${t('en', 'action.reveal')}: password` }).click();
    await expect(data.getByLabel('password', { exact: true })).toHaveText(password);
    await expect(data.getByRole('button', { name: `${t('en', 'action.copy')}: password` })).toBeVisible();
    await expect(data.getByLabel(t('en', 'config.masked'))).toHaveCount(1);
    expect(frames.join('\n')).toContain(password);
    for (const leak of [username, b64(username)]) expect(frames.join('\n')).not.toContain(leak);
    expect(await page.content()).not.toContain(username);

    // Hide forgets it; so does leaving the page.
    await data.getByRole('button', { name: `${t('en', 'action.hide')}: password` }).click();
    await expect(data.getByLabel(t('en', 'config.masked'))).toHaveCount(2);
    expect(await page.content()).not.toContain(password);
    await data.getByRole('button', { name: `${t('en', 'action.reveal')}: password` }).click();
    await expect(data.getByLabel('password', { exact: true })).toHaveText(password);
    await app.detail.breadcrumb('Secret').getByRole('link').click();
    await expect(app.detail.view('Secret')).toHaveCount(0);
    await page.goBack();
    await expect(data.getByLabel(t('en', 'config.masked'))).toHaveCount(2);
    expect(await page.content()).not.toContain(password);
  });

  test('ConfigMap data is shown as files, as text', async ({ app, kubectl, ns }) => {
    const properties = 'color=blue\nmode=<b>fast</b>';
    await kubectl.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: ns }, data: { 'app.properties': properties, 'empty.txt': '' } });
    await app.open(app.detailHash('configmaps', ns, 'settings'));
    const data = app.detail.view('ConfigMap').getByRole('region', { name: `${t('en', 'config.data')} · ${t('en', 'config.keys', { count: 2 })}` });
    const file = data.getByRole('figure').filter({ hasText: 'app.properties' });
    await expect(file.getByLabel('app.properties', { exact: true })).toHaveText(properties);
    await expect(file.getByRole('button', { name: `${t('en', 'action.copy')}: app.properties` })).toBeVisible();
    // Markup in a value is text: no <b> element came from it.
    await expect(data.locator('b')).toHaveCount(0);
    await expect(data.getByRole('figure')).toHaveCount(2);
  });
});
