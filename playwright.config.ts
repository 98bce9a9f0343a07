/**
 * End-to-end tests: Playwright driving the real renderer (dist/renderer, built by `npx vite build`)
 * in Debian's Chromium, served by web mode (`main/web/cli.ts`) against the API simulator.
 * globalSetup starts one simulator and the web servers; specs create their own objects with
 * kubectl in namespaces of their own. Browsers are never downloaded: /usr/bin/chromium only.
 */
import { defineConfig } from '@playwright/test';

const CI = !!process.env.CI;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e',
  globalSetup: './e2e/support/globalSetup.ts',
  globalTeardown: './e2e/support/globalTeardown.ts',
  // One worker: the specs share one simulator, and the reconnect spec drops every watch of
  // it; a second worker would also compete for this 2-core machine with the simulator and core.
  workers: 1,
  fullyParallel: false,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  reporter: 'list',
  timeout: 45_000,
  expect: { timeout: 10_000 },
  use: {
    browserName: 'chromium',
    locale: 'en-US',
    timezoneId: 'UTC',
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [{ name: 'chromium' }],
});
