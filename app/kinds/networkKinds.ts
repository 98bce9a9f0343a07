/** Network: Services, Endpoints, EndpointSlices, Ingresses, NetworkPolicies. */
import type { KubeObject } from '../kube/object';
import { describeLabelSelector, selectorFromLabelSelectorSpec } from '../selectors/labelSelector';
import { NONE, ageColumn, formatLabelMap, joinList, nameColumn, namespaceColumn, textColumn } from './columns';
import type { ResourceKindInfo } from './types';

/* eslint-disable @typescript-eslint/no-explicit-any -- kind-specific fields are read defensively from plain JSON */

/** host:port with IPv6 hosts in brackets (Go's net.JoinHostPort). */
function joinHostPort(host: string, port: number | string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** Load-balancer IPs (or hostnames), sorted and without duplicates, as kubectl's loadBalancerStatusStringer. */
function loadBalancerAddresses(o: KubeObject): string[] {
  const ingress: any[] = o.status?.loadBalancer?.ingress ?? [];
  const set = new Set(ingress.map((i) => i?.ip || i?.hostname).filter((x): x is string => Boolean(x)));
  return [...set].sort();
}

/** EXTERNAL-IP of a Service, as kubectl's getServiceExternalIP (wide form). */
export function serviceExternalIP(svc: KubeObject): string {
  const externalIPs: string[] = svc.spec?.externalIPs ?? [];
  switch (svc.spec?.type) {
    case 'ExternalName':
      return svc.spec?.externalName || NONE;
    case 'LoadBalancer': {
      const all = [...loadBalancerAddresses(svc), ...externalIPs];
      return all.length ? all.join(',') : '<pending>';
    }
    case 'ClusterIP':
    case 'NodePort':
    case undefined: // the API server defaults the type to ClusterIP
      return externalIPs.length ? externalIPs.join(',') : NONE;
    default:
      return '<unknown>';
  }
}

/** PORT(S) of a Service: "80/TCP,443:30443/TCP". */
export function servicePorts(svc: KubeObject): string {
  const ports: any[] = svc.spec?.ports ?? [];
  if (ports.length === 0) return NONE;
  return ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol || 'TCP'}`).join(',');
}

/** ENDPOINTS of an Endpoints object: first three ip:port, then "+ N more...". */
export function formatEndpoints(ep: KubeObject): string {
  const subsets: any[] = Array.isArray(ep.subsets) ? (ep.subsets as any[]) : [];
  if (subsets.length === 0) return NONE;
  const all: string[] = [];
  for (const ss of subsets) {
    const addresses: any[] = ss?.addresses ?? [];
    const ports: any[] = ss?.ports ?? [];
    if (ports.length === 0) all.push(...addresses.map((a) => a.ip as string));
    else for (const port of ports) for (const a of addresses) all.push(joinHostPort(a.ip, port.port));
  }
  return all.length ? joinList(all, 3) : NONE;
}

/** HOSTS of an Ingress: hosts of its rules (three, then "+ N more..."), "*" when no rule names a host (kubectl's formatHosts). */
export function ingressHosts(ing: KubeObject): string {
  const rules: any[] = ing.spec?.rules ?? [];
  const hosts = rules.slice(0, 3).map((r) => r?.host).filter((h): h is string => Boolean(h));
  if (hosts.length === 0) return '*';
  return rules.length > 3 ? `${hosts.join(',')} + ${rules.length - 3} more...` : hosts.join(',');
}

export const NETWORK_KINDS: ResourceKindInfo[] = [
  {
    id: 'services', group: '', version: 'v1', resource: 'services', kind: 'Service', namespaced: true, area: 'network', titleKey: 'kind.services', shortNames: ['svc'],
    columns: [
      nameColumn,
      namespaceColumn,
      textColumn('type', 'column.type', (o) => o.spec?.type ?? 'ClusterIP'),
      textColumn('clusterIP', 'column.clusterIP', (o) => o.spec?.clusterIPs?.[0] || o.spec?.clusterIP || NONE),
      textColumn('externalIP', 'column.externalIP', serviceExternalIP),
      textColumn('ports', 'column.ports', servicePorts),
      ageColumn,
      textColumn('selector', 'column.selector', (o) => formatLabelMap(o.spec?.selector), true),
    ],
  },
  {
    id: 'endpoints', group: '', version: 'v1', resource: 'endpoints', kind: 'Endpoints', namespaced: true, area: 'network', titleKey: 'kind.endpoints', shortNames: ['ep'],
    columns: [nameColumn, namespaceColumn, textColumn('endpoints', 'column.endpoints', formatEndpoints), ageColumn],
  },
  {
    id: 'endpointslices', group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices', kind: 'EndpointSlice', namespaced: true, area: 'network', titleKey: 'kind.endpointslices',
    columns: [
      nameColumn,
      namespaceColumn,
      textColumn('addressType', 'column.addressType', (o) => o.addressType as string | undefined),
      textColumn('ports', 'column.ports', (o) => {
        const ports: any[] = Array.isArray(o.ports) ? (o.ports as any[]) : [];
        return ports.length ? joinList(ports.map((p) => (p?.port == null ? '<unset>' : String(p.port))), 3) : '<unset>';
      }),
      textColumn('endpoints', 'column.endpoints', (o) => {
        const eps: any[] = Array.isArray(o.endpoints) ? (o.endpoints as any[]) : [];
        const addresses = eps.flatMap((e) => (Array.isArray(e?.addresses) ? (e.addresses as string[]) : []));
        return addresses.length ? joinList(addresses, 3) : '<unset>';
      }),
      ageColumn,
    ],
  },
  {
    id: 'ingresses', group: 'networking.k8s.io', version: 'v1', resource: 'ingresses', kind: 'Ingress', namespaced: true, area: 'network', titleKey: 'kind.ingresses', shortNames: ['ing'],
    columns: [
      nameColumn,
      namespaceColumn,
      textColumn('class', 'column.class', (o) => o.spec?.ingressClassName || NONE),
      textColumn('hosts', 'column.hosts', ingressHosts),
      textColumn('address', 'column.address', (o) => loadBalancerAddresses(o).join(',')),
      textColumn('ports', 'column.ports', (o) => (Array.isArray(o.spec?.tls) && o.spec.tls.length ? '80, 443' : '80')),
      ageColumn,
    ],
  },
  {
    id: 'networkpolicies', group: 'networking.k8s.io', version: 'v1', resource: 'networkpolicies', kind: 'NetworkPolicy', namespaced: true, area: 'network', titleKey: 'kind.networkpolicies', shortNames: ['netpol'],
    columns: [
      nameColumn,
      namespaceColumn,
      textColumn('podSelector', 'column.podSelector', (o) => {
        try {
          return describeLabelSelector(selectorFromLabelSelectorSpec(o.spec?.podSelector ?? {}));
        } catch {
          return '<error>';
        }
      }),
      ageColumn,
    ],
  },
];
