/** Builds per group-version OpenAPI v3 documents: PATCH paths for each kind plus its schemas. */
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { ResourceType } from '../types';
import { addModelSchema } from './modelSchemas';

/** Go package of a group's types, for schema names (io.k8s.api.apps.v1.Deployment). */
function packageOf(group: string, version: string): string {
  if (!group) return `io.k8s.api.core.${version}`;
  if (group === 'apiextensions.k8s.io') return `io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.${version}`;
  if (group === 'metrics.k8s.io') return `io.k8s.metrics.pkg.apis.metrics.${version}`;
  const short = group.replace(/\.k8s\.io$/, '').replace(/\.authorization$/, '');
  if (group.includes('.') && !group.endsWith('.k8s.io')) return `${group.split('.').reverse().join('.')}.${version}`;
  return `io.k8s.api.${short.split('.')[0]}.${version}`;
}

function modelCandidates(group: string, version: string, kind: string): string[] {
  const v = version.charAt(0).toUpperCase() + version.slice(1);
  const g = group.split('.')[0];
  const gp = g ? g.charAt(0).toUpperCase() + g.slice(1) : 'Core';
  return [`${gp}${v}${kind}`, `${v}${kind}`];
}

export function buildGroupVersionDoc(group: string, version: string, types: ResourceType[], crdSchema: (g: string, v: string, k: string) => unknown): any {
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, any> = {};
  const pkg = packageOf(group, version);
  for (const rt of types) {
    const gvk = { group, version, kind: rt.kind };
    const base = group ? `/apis/${group}/${version}` : `/api/${version}`;
    const p = rt.namespaced ? `${base}/namespaces/{namespace}/${rt.plural}/{name}` : `${base}/${rt.plural}/{name}`;
    const patchTypes: Record<string, unknown> = { 'application/json-patch+json': {}, 'application/merge-patch+json': {} };
    // Not advertising strategic-merge-patch here makes kubectl compute its patches from its
    // compiled-in types (exact merge keys) instead of from these simplified schemas.
    paths[p] = {
      get: { 'x-kubernetes-group-version-kind': gvk, 'x-kubernetes-action': 'get', responses: { '200': { description: 'OK' } } },
      patch: {
        'x-kubernetes-group-version-kind': gvk,
        'x-kubernetes-action': 'patch',
        parameters: [
          { name: 'dryRun', in: 'query', schema: { type: 'string', uniqueItems: true } },
          { name: 'fieldManager', in: 'query', schema: { type: 'string', uniqueItems: true } },
          { name: 'fieldValidation', in: 'query', schema: { type: 'string', uniqueItems: true } },
        ],
        requestBody: { content: patchTypes },
        responses: { '200': { description: 'OK' } },
      },
    };
    if (rt.custom) {
      const crd: any = crdSchema(group, version, rt.kind) ?? { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
      addModelSchema('V1ObjectMeta', schemas, pkg);
      const schema = structuredClone(crd);
      schema.type ??= 'object';
      schema.properties = {
        apiVersion: { type: 'string', description: 'APIVersion defines the versioned schema of this representation of an object.' },
        kind: { type: 'string', description: 'Kind is a string value representing the REST resource this object represents.' },
        metadata: { allOf: [{ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' }], description: "Standard object's metadata." },
        ...(schema.properties ?? {}),
      };
      schema['x-kubernetes-group-version-kind'] = [gvk];
      schemas[`${group.split('.').reverse().join('.')}.${version}.${rt.kind}`] = schema;
      continue;
    }
    let found = false;
    for (const model of modelCandidates(group, version, rt.kind)) {
      if (addModelSchema(model, schemas, pkg, gvk)) {
        found = true;
        break;
      }
    }
    if (!found) schemas[`${pkg}.${rt.kind}`] = { type: 'object', description: rt.kind, 'x-kubernetes-group-version-kind': [gvk] };
  }
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: 'v1.32.4' }, paths, components: { schemas } };
}
