/**
 * The app frame: opening the app (token login), routes, the sidebar, the hotbar, and the
 * other page objects (list, detail, status bar, palette, settings) in the current language.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { t, type Lang } from '../support/catalog';
import type { WebServerInfo } from '../support/stack';
import { DetailView } from './DetailView';
import { Palette } from './Palette';
import { ResourceList } from './ResourceList';
import { StatusBar } from './StatusBar';

export interface ListRouteFilters {
  namespaces?: string[];
  selector?: string;
  query?: string;
}

export class AppFrame {
  lang: Lang = 'en';

  constructor(
    readonly page: Page,
    readonly server: WebServerInfo,
    /** The kubeconfig context under test (the simulator's admin context). */
    readonly context: string,
  ) {}

  /**
   * Opens the app at a hash route through the printed URL (the token is traded for the session
   * cookie, the redirect keeps the hash) and waits for the core connection.
   */
  async open(hash = ''): Promise<void> {
    await this.page.goto(`${this.server.loginUrl}${hash}`);
    await expect(this.statusBar.core).toHaveText(t(this.lang, 'core.connected'));
  }

  async openOverview(): Promise<void> {
    await this.open(`#/c/${encodeURIComponent(this.context)}/overview`);
  }

  /** Opens a list by route (bookmark-style), filters included. */
  async openList(kindId: string, filters: ListRouteFilters = {}): Promise<ResourceList> {
    await this.open(this.listHash(kindId, filters));
    return this.list;
  }

  listHash(kindId: string, filters: ListRouteFilters = {}): string {
    const search = new URLSearchParams();
    if (filters.namespaces?.length) search.set('ns', filters.namespaces.join(','));
    if (filters.selector) search.set('l', filters.selector);
    if (filters.query) search.set('q', filters.query);
    const qs = search.toString();
    return `#/c/${encodeURIComponent(this.context)}/${encodeURIComponent(kindId)}${qs ? `?${qs}` : ''}`;
  }

  detailHash(kindId: string, namespace: string | undefined, name: string): string {
    return `#/c/${encodeURIComponent(this.context)}/${encodeURIComponent(kindId)}/${encodeURIComponent(namespace ?? '_')}/${encodeURIComponent(name)}`;
  }

  get sidebar(): Locator {
    return this.page.getByRole('navigation', { name: t(this.lang, 'nav.label') });
  }

  /** A sidebar link by its visible text (a kind's plural title, "Overview", a CRD kind). */
  sidebarLink(text: string): Locator {
    return this.sidebar.getByRole('link', { name: text, exact: true });
  }

  /** The disclosure of a sidebar area ("Workloads", …). */
  sidebarArea(areaKey: string): Locator {
    return this.sidebar.locator('summary', { hasText: t(this.lang, `nav.area.${areaKey}`) });
  }

  get hotbar(): Locator {
    return this.page.getByRole('navigation', { name: t(this.lang, 'hotbar.label') });
  }

  /** A cluster's avatar in the hotbar; its name is "<context>: <state …>". */
  hotbarCluster(context: string): Locator {
    return this.hotbar.getByRole('link', { name: new RegExp(`^${context.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `) });
  }

  get settingsLink(): Locator {
    return this.hotbar.getByRole('link', { name: t(this.lang, 'nav.settings') });
  }

  get main(): Locator {
    return this.page.getByRole('main');
  }

  get list(): ResourceList {
    return new ResourceList(this.page, this.lang);
  }

  get detail(): DetailView {
    return new DetailView(this.page, this.lang);
  }

  get statusBar(): StatusBar {
    return new StatusBar(this.page, this.lang);
  }

  get palette(): Palette {
    return new Palette(this.page, this.lang);
  }

  /** The hash part of the current URL, decoded. */
  async hash(): Promise<string> {
    return decodeURIComponent(new URL(this.page.url()).hash);
  }
}
