import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute, type Route } from './routes';

describe('routes', () => {
  const cases: Array<[string, Route]> = [
    ['#/', { view: 'home' }],
    ['#/settings', { view: 'settings' }],
    ['#/c/kind-dev/overview', { view: 'overview', context: 'kind-dev' }],
    ['#/c/kind-dev/pods', { view: 'list', context: 'kind-dev', kindId: 'pods', filters: { namespaces: [], selector: '', query: '' } }],
    [
      '#/c/kind-dev/pods?ns=default%2Ckube-system&l=app+in+%28web%2Capi%29%2C%21canary&q=nginx',
      {
        view: 'list',
        context: 'kind-dev',
        kindId: 'pods',
        filters: { namespaces: ['default', 'kube-system'], selector: 'app in (web,api),!canary', query: 'nginx' },
      },
    ],
    ['#/c/kind-dev/pods/default/web-1', { view: 'detail', context: 'kind-dev', kindId: 'pods', namespace: 'default', name: 'web-1' }],
    ['#/c/kind-dev/nodes/_/node-a', { view: 'detail', context: 'kind-dev', kindId: 'nodes', namespace: undefined, name: 'node-a' }],
  ];

  it.each(cases)('parses and formats %s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
    expect(parseRoute(formatRoute(route))).toEqual(route);
  });

  it('round-trips context names with slashes, spaces and unicode', () => {
    const route: Route = { view: 'detail', context: 'arn:aws:eks:eu/prod cluster 生产', kindId: 'certificates.cert-manager.io', namespace: 'a', name: 'b' };
    const hash = formatRoute(route);
    expect(hash.split('/')).toHaveLength(6);
    expect(parseRoute(hash)).toEqual(route);
  });

  it('falls back to home for unknown or malformed routes', () => {
    expect(parseRoute('')).toEqual({ view: 'home' });
    expect(parseRoute('#/nope')).toEqual({ view: 'home' });
    expect(parseRoute('#/c/x')).toEqual({ view: 'home' });
    expect(parseRoute('#/c/%E0%A4%A/pods')).toEqual({ view: 'home' });
    expect(parseRoute('#/c/x/pods/a/b/c')).toEqual({ view: 'home' });
  });

  it('omits empty filters from list URLs', () => {
    expect(formatRoute({ view: 'list', context: 'c', kindId: 'pods', filters: { namespaces: [], selector: '', query: '' } })).toBe('#/c/c/pods');
    expect(formatRoute({ view: 'list', context: 'c', kindId: 'pods', filters: { namespaces: ['a'], selector: '', query: 'x y' } })).toBe('#/c/c/pods?ns=a&q=x+y');
  });
});
