/** An object's detail view: header, metadata (labels, annotations), related objects, events, YAML. */
import type { Locator, Page } from '@playwright/test';
import { t, type Lang } from '../support/catalog';

export class DetailView {
  constructor(
    readonly page: Page,
    readonly lang: Lang,
  ) {}

  /** The view of a given kind ("Deployment details"). */
  view(kind: string): Locator {
    return this.page.getByRole('article', { name: t(this.lang, 'detail.label', { kind }) });
  }

  /** The header: kind tag and object name. */
  heading(kind: string): Locator {
    return this.view(kind).getByRole('heading', { level: 1 });
  }

  /** A section by its heading ("Metadata", "Related", "Events", …) given as catalog key. */
  section(kind: string, titleKey: string): Locator {
    return this.view(kind).getByRole('region', { name: t(this.lang, titleKey), exact: true });
  }

  /** The list of related objects titled by `titleKey` ("related.pods", …). */
  relatedList(kind: string, titleKey: string): Locator {
    return this.section(kind, 'detail.related').getByRole('list', { name: t(this.lang, titleKey), exact: true });
  }

  /** Links in a related list ("Pod/name", …). */
  relatedLinks(kind: string, titleKey: string): Locator {
    return this.relatedList(kind, titleKey).getByRole('link');
  }

  /** Links of the owner chain in the metadata section, nearest owner first ("ReplicaSet/…", "Deployment/…"). */
  ownerLinks(kind: string): Locator {
    return this.section(kind, 'detail.metadata').locator('.owner-chain').getByRole('link');
  }

  labels(kind: string): Locator {
    return this.section(kind, 'detail.metadata').getByRole('list', { name: t(this.lang, 'chip.labels'), exact: true });
  }

  annotations(kind: string): Locator {
    return this.section(kind, 'detail.metadata').getByRole('list', { name: t(this.lang, 'chip.annotations'), exact: true });
  }

  events(kind: string): Locator {
    return this.section(kind, 'detail.events');
  }

  breadcrumb(kind: string): Locator {
    return this.view(kind).getByRole('navigation', { name: t(this.lang, 'detail.breadcrumb') });
  }
}
