/**
 * Network relations for the detail view, pure over lists the renderer already holds:
 * Service ↔ Pods (reverse lookup), Service → Endpoints / EndpointSlices, Ingress → Services.
 */
import type { KubeObject } from '../kube/object';
import { selectsPod } from './relations';

/* eslint-disable @typescript-eslint/no-explicit-any -- ingress specs are read defensively from plain JSON */

/** Services (same namespace) whose selector matches a pod. */
export function servicesSelectingPod(pod: KubeObject, services: Iterable<KubeObject>): KubeObject[] {
  const out: KubeObject[] = [];
  for (const svc of services) if (selectsPod(svc, pod)) out.push(svc);
  return out;
}

/** The Endpoints object of a Service: same namespace and name (the endpoints controller's rule). */
export function endpointsOfService(svc: KubeObject, endpoints: Iterable<KubeObject>): KubeObject | undefined {
  for (const ep of endpoints) {
    if (ep.metadata.name === svc.metadata.name && (ep.metadata.namespace ?? '') === (svc.metadata.namespace ?? '')) return ep;
  }
  return undefined;
}

/** EndpointSlices of a Service: labelled kubernetes.io/service-name=<service> in its namespace. */
export function endpointSlicesOfService(svc: KubeObject, slices: Iterable<KubeObject>): KubeObject[] {
  const out: KubeObject[] = [];
  for (const s of slices) {
    if ((s.metadata.namespace ?? '') === (svc.metadata.namespace ?? '') && s.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name) out.push(s);
  }
  return out;
}

/** Names of the Services an Ingress routes to (default backend and every rule path), without duplicates, in order. */
export function serviceNamesOfIngress(ingress: KubeObject): string[] {
  const names = new Set<string>();
  const add = (backend: any) => {
    const name = backend?.service?.name;
    if (typeof name === 'string' && name) names.add(name);
  };
  add(ingress.spec?.defaultBackend);
  for (const rule of ingress.spec?.rules ?? []) for (const path of rule?.http?.paths ?? []) add(path?.backend);
  return [...names];
}

/** The Service objects (same namespace) an Ingress routes to. */
export function servicesOfIngress(ingress: KubeObject, services: Iterable<KubeObject>): KubeObject[] {
  const names = new Set(serviceNamesOfIngress(ingress));
  const out: KubeObject[] = [];
  for (const svc of services) {
    if ((svc.metadata.namespace ?? '') === (ingress.metadata.namespace ?? '') && names.has(svc.metadata.name)) out.push(svc);
  }
  return out;
}

/** Ingresses (same namespace) that route to a Service. */
export function ingressesForService(svc: KubeObject, ingresses: Iterable<KubeObject>): KubeObject[] {
  const out: KubeObject[] = [];
  for (const ing of ingresses) {
    if ((ing.metadata.namespace ?? '') === (svc.metadata.namespace ?? '') && serviceNamesOfIngress(ing).includes(svc.metadata.name)) out.push(ing);
  }
  return out;
}
