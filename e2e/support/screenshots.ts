/**
 * Screenshots of the main views, taken by the specs that reach them. Every run writes them to
 * test-results/screenshots/ (to look at); with PILOTHOUSE_SCREENSHOTS=assets they also replace
 * the README's images in assets/screenshots/ — a deliberate act, never a side effect of `npm test`.
 */
import type { Page } from '@playwright/test';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './processes';

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  const file = path.join(ROOT, 'test-results', 'screenshots', `${name}.png`);
  await page.screenshot({ path: file });
  if (process.env.PILOTHOUSE_SCREENSHOTS === 'assets') {
    const dir = path.join(ROOT, 'assets', 'screenshots');
    mkdirSync(dir, { recursive: true });
    copyFileSync(file, path.join(dir, `${name}.png`));
  }
}
