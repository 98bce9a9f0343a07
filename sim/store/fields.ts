/**
 * Field-selector fields per resource type, as kube-apiserver supports them
 * (every type: metadata.name, metadata.namespace).
 */
import type { KubeObject, ResourceKey } from '../types';

type Extractor = (o: KubeObject) => Record<string, string>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const g = (o: any, ...path: string[]): string => {
  let v = o;
  for (const p of path) v = v?.[p];
  return v === undefined || v === null ? '' : String(v);
};

const eventFields: Extractor = (o) => ({
  'involvedObject.kind': g(o, 'involvedObject', 'kind'),
  'involvedObject.namespace': g(o, 'involvedObject', 'namespace'),
  'involvedObject.name': g(o, 'involvedObject', 'name'),
  'involvedObject.uid': g(o, 'involvedObject', 'uid'),
  'involvedObject.apiVersion': g(o, 'involvedObject', 'apiVersion'),
  'involvedObject.resourceVersion': g(o, 'involvedObject', 'resourceVersion'),
  'involvedObject.fieldPath': g(o, 'involvedObject', 'fieldPath'),
  reason: g(o, 'reason'),
  reportingComponent: g(o, 'reportingComponent'),
  source: g(o, 'source', 'component'),
  type: g(o, 'type'),
});

const extractors: Record<string, Extractor> = {
  pods: (o) => ({
    'spec.nodeName': g(o, 'spec', 'nodeName'),
    'spec.restartPolicy': g(o, 'spec', 'restartPolicy'),
    'spec.schedulerName': g(o, 'spec', 'schedulerName'),
    'spec.serviceAccountName': g(o, 'spec', 'serviceAccountName'),
    'spec.hostNetwork': g(o, 'spec', 'hostNetwork') || 'false',
    'status.phase': g(o, 'status', 'phase'),
    'status.podIP': g(o, 'status', 'podIP'),
    'status.nominatedNodeName': g(o, 'status', 'nominatedNodeName'),
  }),
  events: eventFields,
  secrets: (o) => ({ type: g(o, 'type') }),
  namespaces: (o) => ({ 'status.phase': g(o, 'status', 'phase') }),
  nodes: (o) => ({ 'spec.unschedulable': g(o, 'spec', 'unschedulable') || 'false' }),
  'replicasets.apps': (o) => ({ 'status.replicas': g(o, 'status', 'replicas') || '0' }),
  'jobs.batch': (o) => ({ 'status.successful': g(o, 'status', 'successful') || '0' }),
  'certificatesigningrequests.certificates.k8s.io': (o) => ({ 'spec.signerName': g(o, 'spec', 'signerName') }),
};

const allowedCache = new Map<string, Set<string>>();

/** Field values of `object` for selectors (metadata.* included). */
export function extractFields(resource: ResourceKey, object: KubeObject): Record<string, string> {
  const base = { 'metadata.name': object.metadata?.name ?? '', 'metadata.namespace': object.metadata?.namespace ?? '' };
  const ex = extractors[resource];
  return ex ? { ...base, ...ex(object) } : base;
}

/** The set of supported field-selector fields for a resource. */
export function allowedFields(resource: ResourceKey): Set<string> {
  let s = allowedCache.get(resource);
  if (!s) {
    const ex = extractors[resource];
    s = new Set(['metadata.name', 'metadata.namespace', ...(ex ? Object.keys(ex({ metadata: {} })) : [])]);
    allowedCache.set(resource, s);
  }
  return s;
}
