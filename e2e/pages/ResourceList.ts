/**
 * A resource list view: header with the kind and its count, the filters toolbar
 * (namespaces, label selector, search), and the virtualized grid.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { t, tPattern, type Lang } from '../support/catalog';

export class ResourceList {
  constructor(
    readonly page: Page,
    readonly lang: Lang,
  ) {}

  get view(): Locator {
    return this.page.getByRole('main').locator('section.list-view');
  }

  get heading(): Locator {
    return this.view.getByRole('heading', { level: 1 });
  }

  /** The header's count of matching objects: a status named "<kind title>: 1,234 objects". */
  get countStatus(): Locator {
    const forms = [1, 2].map((count) => tPattern(this.lang, 'list.count', { count }).source);
    return this.heading.getByRole('status', { name: new RegExp(`^.+: (${forms.join('|')})$`) });
  }

  /** The number in the header ("Pods 1,234" → 1234), read from the count's accessible name. */
  async count(): Promise<number> {
    const name = (await this.countStatus.getAttribute('aria-label')) ?? '';
    const digits = name.slice(name.lastIndexOf(':') + 1).replace(/[^\d]/g, '');
    if (!digits) throw new Error(`no count in the list header "${await this.heading.textContent()}"`);
    return Number(digits);
  }

  /** Waits until the header says "<title> <count>". */
  async expectTitle(title: string): Promise<void> {
    await expect(this.heading).toHaveText(new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*[\\d,.\\s]+$`));
  }

  get grid(): Locator {
    return this.view.getByRole('grid');
  }

  get columnHeaders(): Locator {
    return this.grid.getByRole('columnheader');
  }

  async headerTexts(): Promise<string[]> {
    return (await this.columnHeaders.allTextContents()).map((s) => s.trim());
  }

  /** Data rows rendered right now (the grid is virtualized: only rows near the viewport exist). */
  get rows(): Locator {
    return this.grid.getByRole('rowgroup').nth(1).getByRole('row');
  }

  /** The row whose name cell links to `name`. */
  row(name: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  /** The text of every rendered row's name link. */
  async rowNames(): Promise<string[]> {
    return (await this.rows.getByRole('link').allTextContents()).map((s) => s.trim());
  }

  /** Cells of a row by column header text. */
  async cell(name: string, header: string): Promise<Locator> {
    const headers = await this.headerTexts();
    const index = headers.indexOf(header);
    if (index < 0) throw new Error(`no column "${header}" (columns: ${headers.join(', ')})`);
    return this.row(name).getByRole('gridcell').nth(index);
  }

  /** Loading / empty / error messages of the list. */
  get emptyMessage(): Locator {
    return this.view.locator('p.empty');
  }

  get errorState(): Locator {
    return this.view.locator('.error-state');
  }

  get toolbar(): Locator {
    return this.view.getByRole('search', { name: t(this.lang, 'list.filtersLabel') });
  }

  get namespaceButton(): Locator {
    return this.toolbar.getByRole('button', { name: new RegExp(`^${t(this.lang, 'ns.label')}:`) });
  }

  /** Ticks exactly these namespaces in the multi-select (and closes it). */
  async selectNamespaces(names: string[]): Promise<void> {
    await this.namespaceButton.click();
    const popup = this.toolbar.getByRole('group', { name: t(this.lang, 'ns.label') });
    await expect(popup).toBeVisible();
    for (const name of names) {
      const box = popup.getByRole('checkbox', { name, exact: true });
      await box.check();
      await expect(box).toBeChecked();
    }
    await this.page.keyboard.press('Escape');
    await expect(popup).toBeHidden();
  }

  get selectorInput(): Locator {
    return this.toolbar.getByRole('textbox', { name: t(this.lang, 'list.selector'), exact: true });
  }

  get selectorError(): Locator {
    return this.toolbar.getByRole('alert');
  }

  async setSelector(text: string): Promise<void> {
    await this.selectorInput.fill(text);
  }

  /**
   * Types into the (empty) selector key by key, at a quick typist's pace: one input event per
   * character, as a person makes them (`fill` makes one for the whole text).
   */
  async typeSelector(text: string, msBetweenKeys = 50): Promise<void> {
    await this.selectorInput.click();
    await this.selectorInput.pressSequentially(text, { delay: msBetweenKeys });
  }

  get searchInput(): Locator {
    return this.toolbar.getByRole('searchbox', { name: t(this.lang, 'list.search'), exact: true });
  }

  /** The chip that filters by label `key=value`, in a given row. */
  labelChip(rowName: string, key: string, value: string): Locator {
    return this.row(rowName).getByRole('button', { name: t(this.lang, 'chip.addFilter', { label: `${key}=${value}` }), exact: true });
  }

  /** Waits until exactly these names are the rows (order ignored). */
  async expectRows(names: string[]): Promise<void> {
    await expect.poll(async () => (await this.rowNames()).sort(), { message: 'rows of the list' }).toEqual([...names].sort());
  }

  /** The list stream's state ("Stream status: live"). */
  get streamBadge(): Locator {
    return this.view.locator('header').getByRole('status', { name: new RegExp(`^${t(this.lang, 'status.streamLabel')}: `) });
  }
}
