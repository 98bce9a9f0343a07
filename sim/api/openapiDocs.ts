/** Builds per group-version OpenAPI v3 documents. */
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { ResourceType } from '../types';

export function buildGroupVersionDoc(group: string, version: string, types: ResourceType[], _crdSchema: (g: string, v: string, k: string) => unknown): any {
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {};
  for (const rt of types) {
    const gvk = [{ group, version, kind: rt.kind }];
    const base = group ? `/apis/${group}/${version}` : `/api/${version}`;
    const p = rt.namespaced ? `${base}/namespaces/{namespace}/${rt.plural}/{name}` : `${base}/${rt.plural}/{name}`;
    paths[p] = {
      patch: {
        'x-kubernetes-group-version-kind': gvk[0],
        parameters: [{ name: 'fieldValidation', in: 'query', schema: { type: 'string', uniqueItems: true } }],
        requestBody: { content: { 'application/json-patch+json': {}, 'application/merge-patch+json': {} } },
      },
    };
    schemas[`sim.${rt.kind}`] = { type: 'object', 'x-kubernetes-group-version-kind': gvk };
  }
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: 'v1.32.4' }, paths, components: { schemas } };
}
