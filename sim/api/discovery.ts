/** Discovery documents: /version, /api, /apis, group and group-version resource lists, aggregated v2. */
import type { ResourceType } from '../types';
import type { Registry } from './registry';

export const VERSION_INFO = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.4',
  gitCommit: '59526cd4867447956156ae3a602fcbac10a2c335',
  gitTreeState: 'clean',
  buildDate: '2025-04-22T16:02:27Z',
  goVersion: 'go1.23.6',
  compiler: 'gc',
  platform: 'linux/amd64',
};

const SUB_VERBS: Record<string, string[]> = {
  status: ['get', 'patch', 'update'],
  scale: ['get', 'patch', 'update'],
  log: ['get'],
  exec: ['create', 'get'],
  attach: ['create', 'get'],
  portforward: ['create', 'get'],
  proxy: ['create', 'delete', 'get', 'patch', 'update'],
  eviction: ['create'],
  binding: ['create'],
  finalize: ['update'],
  token: ['create'],
  ephemeralcontainers: ['get', 'patch', 'update'],
};

function subKind(rt: ResourceType, sub: string): { group: string; version: string; kind: string } {
  if (sub === 'scale') return { group: 'autoscaling', version: 'v1', kind: 'Scale' };
  if (sub === 'eviction') return { group: 'policy', version: 'v1', kind: 'Eviction' };
  if (sub === 'binding') return { group: '', version: 'v1', kind: 'Binding' };
  if (sub === 'token') return { group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest' };
  if (sub === 'exec') return { group: '', version: 'v1', kind: 'PodExecOptions' };
  if (sub === 'attach') return { group: '', version: 'v1', kind: 'PodAttachOptions' };
  if (sub === 'portforward') return { group: '', version: 'v1', kind: 'PodPortForwardOptions' };
  if (sub === 'proxy') return { group: '', version: 'v1', kind: rt.kind === 'Pod' ? 'PodProxyOptions' : rt.kind === 'Node' ? 'NodeProxyOptions' : 'ServiceProxyOptions' };
  return { group: rt.group, version: rt.version, kind: rt.kind };
}

function typesIn(registry: Registry, group: string, version: string): ResourceType[] {
  return registry.all().filter((r) => r.group === group && r.version === version);
}

export function apiResourceList(registry: Registry, group: string, version: string): Record<string, unknown> | undefined {
  const types = typesIn(registry, group, version);
  if (!types.length) return undefined;
  const resources: Record<string, unknown>[] = [];
  for (const r of types) {
    const entry: Record<string, unknown> = { name: r.plural, singularName: r.singular, namespaced: r.namespaced, kind: r.kind, verbs: r.verbs };
    if (r.shortNames?.length) entry.shortNames = r.shortNames;
    if (r.categories?.length) entry.categories = r.categories;
    resources.push(entry);
    for (const sub of r.subresources) {
      const k = subKind(r, sub);
      const s: Record<string, unknown> = { name: `${r.plural}/${sub}`, singularName: '', namespaced: r.namespaced, kind: k.kind, verbs: SUB_VERBS[sub] ?? ['get'] };
      if (k.group !== r.group || k.version !== r.version) {
        s.group = k.group;
        s.version = k.version;
      }
      resources.push(s);
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version, resources };
}

export function apiVersions(address: string): Record<string, unknown> {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: address }] };
}

function groupEntry(registry: Registry, group: string): Record<string, unknown> {
  const versions = registry.groupVersions().filter((g) => g.group === group).map((g) => ({ groupVersion: `${group}/${g.version}`, version: g.version }));
  return { name: group, versions, preferredVersion: versions[0] };
}

export function apiGroupList(registry: Registry): Record<string, unknown> {
  const groups = [...new Set(registry.groupVersions().map((g) => g.group).filter(Boolean))];
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: groups.map((g) => groupEntry(registry, g)) };
}

export function apiGroup(registry: Registry, group: string): Record<string, unknown> | undefined {
  if (!registry.groupVersions().some((g) => g.group === group)) return undefined;
  return { kind: 'APIGroup', apiVersion: 'v1', ...groupEntry(registry, group) };
}

/** Aggregated discovery (apidiscovery.k8s.io/v2) for `/api` (core) or `/apis` (groups). */
export function aggregatedDiscovery(registry: Registry, core: boolean, apiVersion = 'apidiscovery.k8s.io/v2'): Record<string, unknown> {
  const gvs = registry.groupVersions().filter((g) => (core ? g.group === '' : g.group !== ''));
  const groups = new Map<string, { version: string; resources: Record<string, unknown>[] }[]>();
  for (const gv of gvs) {
    const resources = typesIn(registry, gv.group, gv.version).map((r) => {
      const entry: Record<string, unknown> = {
        resource: r.plural,
        responseKind: { group: r.group, version: r.version, kind: r.kind },
        scope: r.namespaced ? 'Namespaced' : 'Cluster',
        singularResource: r.singular,
        verbs: r.verbs,
      };
      if (r.shortNames?.length) entry.shortNames = r.shortNames;
      if (r.categories?.length) entry.categories = r.categories;
      if (r.subresources.length) {
        entry.subresources = r.subresources.map((sub) => ({ subresource: sub, responseKind: subKind(r, sub), verbs: SUB_VERBS[sub] ?? ['get'] }));
      }
      return entry;
    });
    const list = groups.get(gv.group) ?? [];
    list.push({ version: gv.version, resources });
    groups.set(gv.group, list);
  }
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion,
    metadata: {},
    items: [...groups.entries()].map(([name, versions]) => ({
      metadata: core ? { creationTimestamp: null } : { name, creationTimestamp: null },
      versions: versions.map((v) => ({ version: v.version, resources: v.resources, freshness: 'Current' })),
    })),
  };
}
