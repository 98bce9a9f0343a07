/**
 * endpoint-controller and endpointslice-controller: for every Service with a selector, an
 * Endpoints object (ready pods in `addresses`, others in `notReadyAddresses`) and one
 * EndpointSlice (ready/serving/terminating conditions), both following pod readiness.
 */
import { mapSelectorMatches, randomSuffix } from './meta';
import type { KubeObject } from './model';
import { rfc3339 } from './model';
import type { PodSummary } from './podSummary';
import { R } from './resources';
import type { CachedEvent, Controller, Runtime } from './runtime';

interface ServicePort {
  name?: string;
  port: number;
  targetPort?: number | string;
  protocol?: string;
  appProtocol?: string;
}

interface Service extends KubeObject {
  spec?: { selector?: Record<string, string>; ports?: ServicePort[]; clusterIP?: string; type?: string; publishNotReadyAddresses?: boolean };
}

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
const MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';

export class EndpointsController implements Controller {
  readonly name = 'endpoints';

  keysFor(resource: string, ev: CachedEvent, rt: Runtime): string[] {
    if (resource === R.services && ev.object) return [`${ev.object.metadata.namespace}/${ev.object.metadata.name}`];
    if (resource !== R.pods) return [];
    const keys = new Set<string>();
    for (const p of [ev.pod, ev.prevPod]) {
      if (!p) continue;
      for (const svc of rt.list<Service>(R.services, p.namespace)) {
        if (mapSelectorMatches(svc.spec?.selector, p.labels)) keys.add(`${p.namespace}/${svc.metadata.name}`);
      }
    }
    return [...keys];
  }

  start(rt: Runtime): void {
    for (const s of rt.list(R.services)) rt.enqueue(this.name, `${s.metadata.namespace}/${s.metadata.name}`);
  }

  sync(key: string, rt: Runtime): void {
    const [ns, name] = key.split('/');
    const svc = rt.get<Service>(R.services, ns, name);
    if (!svc) return this.cleanup(ns, name, rt);
    if (!svc.spec?.selector || Object.keys(svc.spec.selector).length === 0) return;
    const pods = rt.podsInNamespace(ns).filter((p) => p.podIP && mapSelectorMatches(svc.spec?.selector, p.labels) && p.phase !== 'Succeeded' && p.phase !== 'Failed');
    pods.sort((a, b) => a.name.localeCompare(b.name));
    const ports = (svc.spec.ports ?? []).map((p) => ({ ...(p.name ? { name: p.name } : {}), port: this.targetPort(p, pods, rt), protocol: p.protocol ?? 'TCP', ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}) }));
    this.writeEndpoints(svc, pods, ports, rt);
    this.writeSlice(svc, pods, ports, rt);
  }

  /** Numeric target port; a named one is looked up in the first pod's container ports. */
  private targetPort(p: ServicePort, pods: PodSummary[], rt: Runtime): number {
    const t = p.targetPort ?? p.port;
    if (typeof t === 'number') return t;
    if (/^\d+$/.test(t)) return Number(t);
    for (const summary of pods) {
      const pod = rt.getPod(summary.namespace, summary.name);
      for (const c of pod?.spec.containers ?? []) {
        const hit = c.ports?.find((cp) => cp.name === t);
        if (hit) return hit.containerPort;
      }
    }
    return p.port;
  }

  private address(p: PodSummary, svc: Service) {
    return {
      ip: p.podIP,
      ...(p.hostname && p.subdomain === svc.metadata.name ? { hostname: p.hostname } : {}),
      nodeName: p.nodeName,
      targetRef: { kind: 'Pod', namespace: p.namespace, name: p.name, uid: p.uid },
    };
  }

  private writeEndpoints(svc: Service, pods: PodSummary[], ports: object[], rt: Runtime): void {
    const ns = svc.metadata.namespace ?? '';
    const name = svc.metadata.name ?? '';
    const live = pods.filter((p) => !p.deleting);
    const publish = !!svc.spec?.publishNotReadyAddresses;
    const ready = live.filter((p) => p.ready || publish).map((p) => this.address(p, svc));
    const notReady = live.filter((p) => !p.ready && !publish).map((p) => this.address(p, svc));
    const subsets = ready.length || notReady.length
      ? [{ ...(ready.length ? { addresses: ready } : {}), ...(notReady.length ? { notReadyAddresses: notReady } : {}), ports }]
      : undefined;
    const existing = rt.get(R.endpoints, ns, name);
    const labels = { ...(svc.metadata.labels ?? {}), 'endpoints.kubernetes.io/managed-by': 'endpoint-controller' };
    if (!existing) {
      rt.create(R.endpoints, {
        apiVersion: 'v1',
        kind: 'Endpoints',
        metadata: { name, namespace: ns, labels, annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': rfc3339(rt.now()) } },
        ...(subsets ? { subsets } : {}),
      });
      return;
    }
    if (JSON.stringify(existing.subsets) === JSON.stringify(subsets)) return;
    rt.mutate(R.endpoints, existing, (draft) => {
      if (subsets) draft.subsets = subsets;
      else delete draft.subsets;
      draft.metadata.annotations = { ...(draft.metadata.annotations ?? {}), 'endpoints.kubernetes.io/last-change-trigger-time': rfc3339(rt.now()) };
    });
  }

  private writeSlice(svc: Service, pods: PodSummary[], ports: object[], rt: Runtime): void {
    const ns = svc.metadata.namespace ?? '';
    const name = svc.metadata.name ?? '';
    const endpoints = pods.map((p) => ({
      addresses: [p.podIP],
      conditions: { ready: p.ready && !p.deleting, serving: p.ready, terminating: p.deleting },
      ...(p.hostname && p.subdomain === name ? { hostname: p.hostname } : {}),
      nodeName: p.nodeName,
      targetRef: { kind: 'Pod', namespace: p.namespace, name: p.name, uid: p.uid },
    }));
    const existing = this.sliceOf(ns, name, rt);
    if (!existing) {
      rt.create(R.endpointSlices, {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: {
          name: `${name}-${randomSuffix()}`,
          namespace: ns,
          labels: { ...(svc.metadata.labels ?? {}), [SERVICE_NAME_LABEL]: name, [MANAGED_BY]: 'endpointslice-controller.k8s.io' },
          ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name, uid: svc.metadata.uid ?? '', controller: true, blockOwnerDeletion: true }],
        },
        addressType: 'IPv4',
        endpoints,
        ports,
      });
      return;
    }
    if (JSON.stringify(existing.endpoints) === JSON.stringify(endpoints) && JSON.stringify(existing.ports) === JSON.stringify(ports)) return;
    rt.mutate(R.endpointSlices, existing, (draft) => {
      draft.endpoints = endpoints;
      draft.ports = ports;
    });
  }

  private sliceOf(ns: string, service: string, rt: Runtime): KubeObject | undefined {
    return rt.list(R.endpointSlices, ns).find((s) => s.metadata.labels?.[SERVICE_NAME_LABEL] === service && s.metadata.labels?.[MANAGED_BY] === 'endpointslice-controller.k8s.io');
  }

  /** A deleted Service takes its Endpoints along (the slice goes by ownerReference GC). */
  private cleanup(ns: string, name: string, rt: Runtime): void {
    const ep = rt.get(R.endpoints, ns, name);
    if (ep?.metadata.labels?.['endpoints.kubernetes.io/managed-by'] === 'endpoint-controller') rt.remove(R.endpoints, ns, name);
  }
}
