/**
 * The bottom status bar (a landmark): the core connection and, per open cluster, a status named
 * "<context>: live · …" / "reconnecting · <reason> · next retry at …" / "live · forbidden: <API message>".
 */
import type { Locator, Page } from '@playwright/test';
import { t, type Lang } from '../support/catalog';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class StatusBar {
  constructor(
    readonly page: Page,
    readonly lang: Lang,
  ) {}

  get bar(): Locator {
    return this.page.getByRole('contentinfo', { name: t(this.lang, 'status.barLabel'), exact: true });
  }

  /** "Core connected" / "Core reconnecting". */
  get core(): Locator {
    return this.bar.locator('.statusbar-core');
  }

  /** One cluster's status, found by its accessible name "<context>: <state …>". */
  cluster(context: string): Locator {
    return this.bar.getByRole('status', { name: new RegExp(`^${escape(context)}: `) });
  }

  /** The cluster's state line as shown (with the ticking retry countdown). */
  clusterText(context: string): Locator {
    return this.cluster(context).locator('.statusbar-text');
  }
}
