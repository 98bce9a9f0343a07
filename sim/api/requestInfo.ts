/** Parses an API path the way apiserver's RequestInfoFactory does. */

export interface RequestInfo {
  /** True for /api/... and /apis/... resource paths (not discovery). */
  isResourceRequest: boolean;
  group: string;
  version: string;
  namespace: string;
  resource: string;
  name: string;
  subresource: string;
  /** Path segments after the subresource (service proxy paths). */
  rest: string;
  /** Legacy `/watch/` prefix used. */
  legacyWatch: boolean;
}

/**
 * Returns the parsed info for `/api/v1/...` and `/apis/g/v/...` resource paths, or undefined for
 * discovery paths (`/api`, `/api/v1`, `/apis`, `/apis/g`, `/apis/g/v`) and anything else.
 */
export function parseRequestInfo(pathname: string): RequestInfo | undefined {
  const parts = pathname.split('/').filter((p, i) => i > 0 || p !== '');
  if (parts[0] === '') parts.shift();
  let group = '';
  let version: string;
  let rest: string[];
  if (parts[0] === 'api') {
    if (parts.length < 3) return undefined;
    version = parts[1];
    rest = parts.slice(2);
  } else if (parts[0] === 'apis') {
    if (parts.length < 4) return undefined;
    group = parts[1];
    version = parts[2];
    rest = parts.slice(3);
  } else {
    return undefined;
  }
  let legacyWatch = false;
  if (rest[0] === 'watch') {
    legacyWatch = true;
    rest = rest.slice(1);
  }
  let namespace = '';
  if (rest[0] === 'namespaces' && rest.length > 1) {
    namespace = decodeURIComponent(rest[1]);
    if (rest.length > 2 && rest[2] !== 'finalize' && rest[2] !== 'status') {
      rest = rest.slice(2);
    } else {
      // The namespace object itself: namespaces/{name}[/status|/finalize]
      namespace = '';
      rest = ['namespaces', ...rest.slice(1)];
    }
  }
  const [resource = '', name = '', subresource = '', ...tail] = rest;
  if (!resource) return undefined;
  return {
    isResourceRequest: true,
    group,
    version,
    namespace,
    resource,
    name: decodeURIComponent(name),
    subresource,
    rest: tail.length ? `/${tail.join('/')}` : pathname.endsWith('/') && subresource ? '/' : '',
    legacyWatch,
  };
}
