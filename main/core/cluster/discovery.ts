/**
 * API discovery: every resource the cluster serves (core and groups, preferred versions), with
 * CRD printer columns read from the CustomResourceDefinition objects. Subresources are skipped.
 */
import { setMaxListeners } from 'node:events';
import type { ApiResourceInfo, PrinterColumn } from '../../../app/contract/pilothouse';
import type { KubeRequest } from '../http/kubeHttp';

interface ApiResourceList {
  groupVersion?: string;
  resources?: { name: string; kind: string; namespaced: boolean; verbs?: string[]; shortNames?: string[]; categories?: string[] }[];
}
interface ApiGroupList {
  groups?: { name: string; preferredVersion?: { groupVersion: string; version: string }; versions?: { groupVersion: string; version: string }[] }[];
}
interface CrdList {
  items?: {
    spec?: {
      group?: string;
      names?: { plural?: string };
      versions?: { name: string; served?: boolean; additionalPrinterColumns?: PrinterColumn[] }[];
    };
  }[];
}

type Get = <T>(req: KubeRequest) => Promise<T>;

export async function discoverResources(get: Get, signal?: AbortSignal): Promise<ApiResourceInfo[]> {
  // One request per API group shares the caller's signal: that many listeners are expected.
  if (signal) setMaxListeners(200, signal);
  const [core, groups] = await Promise.all([
    get<ApiResourceList>({ path: '/api/v1', signal }),
    get<ApiGroupList>({ path: '/apis', signal }),
  ]);
  const out: ApiResourceInfo[] = fromList('', 'v1', core);
  const preferred = (groups.groups ?? []).map((g) => ({ group: g.name, version: g.preferredVersion?.version ?? g.versions?.[0]?.version ?? '' })).filter((g) => g.version);
  // One failing group (e.g. an aggregated API whose backend is down, like metrics-server) must not hide the rest.
  const lists = await Promise.all(
    preferred.map((g) =>
      get<ApiResourceList>({ path: `/apis/${encodeURIComponent(g.group)}/${encodeURIComponent(g.version)}`, signal }).then(
        (list) => ({ g, list }),
        () => ({ g, list: undefined }),
      ),
    ),
  );
  for (const { g, list } of lists) if (list) out.push(...fromList(g.group, g.version, list));

  const hasCrds = out.some((r) => r.group === 'apiextensions.k8s.io' && r.resource === 'customresourcedefinitions');
  if (hasCrds) {
    const crds = await get<CrdList>({ path: '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', signal }).catch(() => undefined);
    const columns = new Map<string, Map<string, PrinterColumn[] | undefined>>();
    for (const crd of crds?.items ?? []) {
      const s = crd.spec;
      if (!s?.group || !s.names?.plural) continue;
      const byVersion = new Map<string, PrinterColumn[] | undefined>();
      for (const v of s.versions ?? []) byVersion.set(v.name, v.additionalPrinterColumns?.map(cleanColumn));
      columns.set(`${s.group}/${s.names.plural}`, byVersion);
    }
    for (const r of out) {
      const byVersion = columns.get(`${r.group}/${r.resource}`);
      if (!byVersion) continue;
      r.custom = true;
      const cols = byVersion.get(r.version);
      if (cols?.length) r.printerColumns = cols;
    }
  }
  return out;
}

function fromList(group: string, version: string, list: ApiResourceList): ApiResourceInfo[] {
  const out: ApiResourceInfo[] = [];
  for (const r of list.resources ?? []) {
    if (!r.name || r.name.includes('/')) continue; // pods/log, deployments/scale, …
    const info: ApiResourceInfo = { group, version, resource: r.name, kind: r.kind, namespaced: r.namespaced === true, verbs: r.verbs ?? [] };
    if (r.shortNames?.length) info.shortNames = r.shortNames;
    if (r.categories?.length) info.categories = r.categories;
    out.push(info);
  }
  return out;
}

function cleanColumn(c: PrinterColumn): PrinterColumn {
  const col: PrinterColumn = { name: String(c.name), type: String(c.type), jsonPath: String(c.jsonPath) };
  if (c.description) col.description = String(c.description);
  if (typeof c.priority === 'number') col.priority = c.priority;
  if (c.format) col.format = String(c.format);
  return col;
}
