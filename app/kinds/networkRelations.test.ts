import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../kube/object';
import { endpointSlicesOfService, endpointsOfService, ingressesForService, serviceNamesOfIngress, servicesOfIngress, servicesSelectingPod } from './networkRelations';
import { objectsFromYaml, rolloutOf } from './testManifests';
import tfIngress from '../testdata/manifests/tensorflow-serving/ingress.yaml?raw';
import tfService from '../testdata/manifests/tensorflow-serving/service.yaml?raw';
import tfDeployment from '../testdata/manifests/tensorflow-serving/deployment.yaml?raw';
import fanout from '../testdata/manifests/k8s-website/ingress-simple-fanout.yaml?raw';
import boutique from '../testdata/manifests/online-boutique/kubernetes-manifests.yaml?raw';

const svc = (name: string, namespace = 'default'): KubeObject => ({ kind: 'Service', metadata: { name, namespace, uid: `svc-${namespace}-${name}` } });

describe('Ingress → Services', () => {
  it('tensorflow-serving: the ingress routes to tf-serving', () => {
    const ing = objectsFromYaml(tfIngress)[0];
    const services = objectsFromYaml(tfService);
    expect(serviceNamesOfIngress(ing)).toEqual(['tf-serving']);
    expect(servicesOfIngress(ing, [...services, svc('unrelated')])).toEqual(services);
    expect(ingressesForService(services[0], [ing])).toEqual([ing]);
  });

  it('simple fanout: both paths, no duplicates, default backend first, same namespace only', () => {
    const ing = objectsFromYaml(fanout)[0];
    expect(serviceNamesOfIngress(ing)).toEqual(['service1', 'service2']);
    const withDefault = { ...ing, spec: { ...ing.spec, defaultBackend: { service: { name: 'service2', port: { number: 80 } } } } };
    expect(serviceNamesOfIngress(withDefault)).toEqual(['service2', 'service1']);
    expect(servicesOfIngress(ing, [svc('service1'), svc('service2', 'other'), svc('service3')]).map((s) => s.metadata.name)).toEqual(['service1']);
    const resourceBackend = { ...ing, spec: { rules: [{ http: { paths: [{ backend: { resource: { kind: 'StorageBucket', name: 'static' } } }] } }] } };
    expect(serviceNamesOfIngress(resourceBackend)).toEqual([]);
  });
});

describe('Service ↔ Pods, Endpoints, EndpointSlices', () => {
  it('a pod of online-boutique is selected by exactly its own service', () => {
    const objects = objectsFromYaml(boutique);
    const services = objects.filter((o) => o.kind === 'Service');
    const cart = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === 'cartservice')!;
    const pod = rolloutOf(cart, 1).pods[0];
    expect(servicesSelectingPod(pod, services).map((s) => s.metadata.name)).toEqual(['cartservice']);
  });

  it('tensorflow-serving: the tf-serving service selects the deployment pods', () => {
    const deployment = objectsFromYaml(tfDeployment).find((o) => o.kind === 'Deployment')!;
    const pod = rolloutOf(deployment, 1).pods[0];
    expect(servicesSelectingPod(pod, objectsFromYaml(tfService)).map((s) => s.metadata.name)).toEqual(['tf-serving']);
  });

  it('Endpoints by name and namespace; slices by the service-name label', () => {
    const web = svc('web');
    const ep = { kind: 'Endpoints', metadata: { name: 'web', namespace: 'default', uid: 'ep' } };
    const epElsewhere = { kind: 'Endpoints', metadata: { name: 'web', namespace: 'other', uid: 'ep2' } };
    expect(endpointsOfService(web, [epElsewhere, ep])).toBe(ep);
    expect(endpointsOfService(svc('none'), [ep])).toBeUndefined();
    const slice = (name: string, service: string, namespace = 'default'): KubeObject => ({
      kind: 'EndpointSlice',
      metadata: { name, namespace, uid: name, labels: { 'kubernetes.io/service-name': service } },
    });
    const slices = [slice('web-abc', 'web'), slice('web-def', 'web'), slice('api-1', 'api'), slice('web-x', 'web', 'other')];
    expect(endpointSlicesOfService(web, slices).map((s) => s.metadata.name)).toEqual(['web-abc', 'web-def']);
  });
});
