/** The bottom status bar: the core connection and, per open cluster, live / reconnecting / stale. */
import type { Locator, Page } from '@playwright/test';
import { t, type Lang } from '../support/catalog';

export class StatusBar {
  constructor(
    readonly page: Page,
    readonly lang: Lang,
  ) {}

  get bar(): Locator {
    return this.page.getByRole('status', { name: t(this.lang, 'status.barLabel'), exact: true });
  }

  /** "Core connected" / "Core reconnecting". */
  get core(): Locator {
    return this.bar.locator('.statusbar-core');
  }

  /** One cluster's status (its accessible name starts with the context name). */
  cluster(context: string): Locator {
    return this.bar.locator('.statusbar-cluster').filter({ has: this.page.locator('.statusbar-name', { hasText: context }) });
  }

  /** The cluster's state word shown to the user: live, connecting, reconnecting, failed. */
  clusterText(context: string): Locator {
    return this.cluster(context).locator('.statusbar-text');
  }
}
