/** CustomResourceDefinitions: registering the types they define so they are served dynamically. */
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { KubeObject, PrinterColumn, ResourceType } from '../types';
import type { Registry } from './registry';

/** The resource type a CRD defines (its storage version), or undefined if malformed. */
export function resourceTypeFromCrd(crd: KubeObject): ResourceType | undefined {
  const spec = (crd as any).spec;
  if (!spec?.group || !spec?.names?.plural || !spec?.names?.kind) return undefined;
  const versions: any[] = spec.versions ?? [];
  const served = versions.find((v) => v.storage && v.served !== false) ?? versions.find((v) => v.served !== false);
  if (!served) return undefined;
  const subresources: string[] = [];
  if (served.subresources?.status) subresources.push('status');
  if (served.subresources?.scale) subresources.push('scale');
  const printerColumns: PrinterColumn[] | undefined = served.additionalPrinterColumns;
  return {
    key: `${spec.names.plural}.${spec.group}`,
    group: spec.group,
    version: served.name,
    kind: spec.names.kind,
    listKind: spec.names.listKind ?? `${spec.names.kind}List`,
    plural: spec.names.plural,
    singular: spec.names.singular ?? spec.names.kind.toLowerCase(),
    namespaced: spec.scope !== 'Cluster',
    shortNames: spec.names.shortNames,
    categories: spec.names.categories,
    verbs: ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'],
    subresources,
    custom: true,
    printerColumns,
  };
}

/** The schema (openAPIV3Schema) of the served version, for OpenAPI and explain. */
export function crdSchema(crd: KubeObject): any {
  const spec = (crd as any).spec;
  const versions: any[] = spec?.versions ?? [];
  const served = versions.find((v) => v.storage) ?? versions[0];
  return served?.schema?.openAPIV3Schema;
}

/** Fills status like the apiextensions controller: Established, NamesAccepted, acceptedNames. */
export function crdStatus(crd: KubeObject, now: string): void {
  const c = crd as any;
  const versions: any[] = c.spec?.versions ?? [];
  c.status = {
    acceptedNames: { ...c.spec?.names, listKind: c.spec?.names?.listKind ?? `${c.spec?.names?.kind}List`, singular: c.spec?.names?.singular ?? String(c.spec?.names?.kind ?? '').toLowerCase() },
    conditions: [
      { type: 'NamesAccepted', status: 'True', reason: 'NoConflicts', message: 'no conflicts found', lastTransitionTime: now },
      { type: 'Established', status: 'True', reason: 'InitialNamesAccepted', message: 'the initial names have been accepted', lastTransitionTime: now },
    ],
    storedVersions: versions.filter((v) => v.storage).map((v) => v.name),
  };
}

/** Registers (or re-registers) the type of a CRD; returns it. */
export function registerCrd(registry: Registry, crd: KubeObject): ResourceType | undefined {
  const rt = resourceTypeFromCrd(crd);
  if (rt) registry.add(rt);
  return rt;
}
