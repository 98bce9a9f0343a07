import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { formatRoute, parseRoute, type Route } from './routes';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};
const getHash = () => window.location.hash;

/**
 * The current route, from the location hash (bookmarkable, back/forward work). The same object
 * (filters included) for as long as the hash is the same: the app frame re-renders several times
 * a second (status flushes), and views memoize on the route.
 */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, getHash);
  return useMemo(() => parseRoute(hash), [hash]);
}

/** Navigates to a route; `replace` avoids a history entry (used while typing in filters). */
export function useNavigate(): (route: Route, options?: { replace?: boolean }) => void {
  return useCallback((route, options) => {
    const hash = formatRoute(route);
    if (hash === window.location.hash) return;
    if (options?.replace) {
      window.history.replaceState(window.history.state, '', hash);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } else {
      window.location.hash = hash;
    }
  }, []);
}
