/**
 * URL-like, bookmarkable routes carried in the location hash:
 *   #/                                       home (context picker)
 *   #/settings
 *   #/c/<context>/overview
 *   #/c/<context>/<kindId>?ns=a,b&l=<selector>&q=<text>
 *   #/c/<context>/<kindId>/<namespace>/<name>   (namespace "_" for cluster-scoped objects)
 * Every segment is URI-encoded, so context names with slashes or spaces round-trip.
 */

export interface ListFilters {
  /** Selected namespaces; empty = all namespaces. */
  namespaces: string[];
  /** Label selector text as typed (kubectl syntax); may be invalid. */
  selector: string;
  /** Free-text search. */
  query: string;
}

export type Route =
  | { view: 'home' }
  | { view: 'settings' }
  | { view: 'overview'; context: string }
  | { view: 'list'; context: string; kindId: string; filters: ListFilters }
  | { view: 'detail'; context: string; kindId: string; namespace?: string; name: string };

/** Namespace segment for cluster-scoped objects ("_" is not a valid namespace name). */
export const CLUSTER_SCOPE = '_';

export const emptyFilters = (): ListFilters => ({ namespaces: [], selector: '', query: '' });

export function parseRoute(hash: string): Route {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  const qIndex = raw.indexOf('?');
  const path = qIndex >= 0 ? raw.slice(0, qIndex) : raw;
  const search = new URLSearchParams(qIndex >= 0 ? raw.slice(qIndex + 1) : '');
  let segments: string[];
  try {
    segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return { view: 'home' }; // A malformed %-escape: fall back rather than crash.
  }
  if (segments[0] === 'settings' && segments.length === 1) return { view: 'settings' };
  if (segments[0] !== 'c' || segments.length < 3) return { view: 'home' };
  const [, context, kindId, namespace, name] = segments;
  if (kindId === 'overview' && segments.length === 3) return { view: 'overview', context };
  if (segments.length === 3) {
    return {
      view: 'list',
      context,
      kindId,
      filters: {
        namespaces: (search.get('ns') ?? '').split(',').map((s) => s.trim()).filter(Boolean),
        selector: search.get('l') ?? '',
        query: search.get('q') ?? '',
      },
    };
  }
  if (segments.length === 5) {
    return { view: 'detail', context, kindId, namespace: namespace === CLUSTER_SCOPE ? undefined : namespace, name };
  }
  return { view: 'home' };
}

export function formatRoute(route: Route): string {
  const enc = encodeURIComponent;
  switch (route.view) {
    case 'home':
      return '#/';
    case 'settings':
      return '#/settings';
    case 'overview':
      return `#/c/${enc(route.context)}/overview`;
    case 'list': {
      const search = new URLSearchParams();
      if (route.filters.namespaces.length) search.set('ns', route.filters.namespaces.join(','));
      if (route.filters.selector) search.set('l', route.filters.selector);
      if (route.filters.query) search.set('q', route.filters.query);
      const qs = search.toString();
      return `#/c/${enc(route.context)}/${enc(route.kindId)}${qs ? `?${qs}` : ''}`;
    }
    case 'detail':
      return `#/c/${enc(route.context)}/${enc(route.kindId)}/${enc(route.namespace ?? CLUSTER_SCOPE)}/${enc(route.name)}`;
  }
}

/** The context a route is about, if any. */
export function routeContext(route: Route): string | undefined {
  return 'context' in route ? route.context : undefined;
}
