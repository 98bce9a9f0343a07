/** The command palette (Ctrl+K): a modal dialog with a combobox and a listbox of results. */
import type { Locator, Page } from '@playwright/test';
import { t, type Lang } from '../support/catalog';

export class Palette {
  constructor(
    readonly page: Page,
    readonly lang: Lang,
  ) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: t(this.lang, 'palette.title'), exact: true });
  }

  get input(): Locator {
    return this.dialog.getByRole('combobox', { name: t(this.lang, 'palette.title'), exact: true });
  }

  get options(): Locator {
    return this.dialog.getByRole('listbox').getByRole('option');
  }

  /** An option of a group ("Kinds", "Objects", …) whose label is `label`. */
  option(groupKey: string, label: string): Locator {
    return this.options.filter({ hasText: t(this.lang, `palette.group.${groupKey}`) }).filter({ has: this.page.locator('.palette-label', { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });
  }

  async openWithKeyboard(): Promise<void> {
    await this.page.keyboard.press('Control+k');
  }
}
