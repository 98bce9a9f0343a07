import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../kube/object';
import { columnsForCustomResource, findKind, KINDS, kindById, kindForApiResource, kindsByArea, KIND_AREAS, type ResourceKindInfo } from './registry';
import { objectsFromYaml } from './testManifests';
import boutique from '../testdata/manifests/online-boutique/kubernetes-manifests.yaml?raw';
import guestbookFrontendSvc from '../testdata/manifests/guestbook/frontend-service.yaml?raw';
import fanout from '../testdata/manifests/k8s-website/ingress-simple-fanout.yaml?raw';
import phpHpa from '../testdata/manifests/k8s-website/php-apache-hpa.yaml?raw';
import netpol from '../testdata/manifests/k8s-website/networkpolicy.yaml?raw';
import quota from '../testdata/manifests/k8s-website/resourcequota-mem-cpu.yaml?raw';
import pvClaim from '../testdata/manifests/k8s-website/pv-claim.yaml?raw';
import pvVolume from '../testdata/manifests/k8s-website/pv-volume.yaml?raw';
import storageClass from '../testdata/manifests/k8s-website/storageclass-local.yaml?raw';
import roleBinding from '../testdata/manifests/k8s-website/rolebinding-read-pods.yaml?raw';
import indexedJob from '../testdata/manifests/k8s-website/indexed-job.yaml?raw';
import cronJob from '../testdata/manifests/podinfo/database-cronjob-backup-daily.yaml?raw';
import secret from '../testdata/manifests/k8s-website/secret-test.yaml?raw';
import nodeExporter from '../testdata/manifests/kube-prometheus/nodeExporter-daemonset.yaml?raw';
import reconcilerRbac from '../testdata/manifests/podinfo/reconciler-rbac.yaml?raw';

const NOW = Date.parse('2026-11-27T00:00:00Z');

function cells(kind: ResourceKindInfo, obj: KubeObject, wide = true): Record<string, string | number | undefined> {
  const out: Record<string, string | number | undefined> = {};
  for (const c of kind.columns) if (wide || !c.wide) out[c.id] = c.value(obj, NOW);
  return out;
}

const k = (id: string) => {
  const kind = kindById(id);
  if (!kind) throw new Error(`no kind ${id}`);
  return kind;
};

describe('KINDS', () => {
  it('covers every built-in kind of the sidebar with its REST coordinates', () => {
    const coords = Object.fromEntries(KINDS.map((x) => [x.id, `${x.group}/${x.version}/${x.resource} ${x.kind} ${x.namespaced ? 'ns' : 'cluster'} ${x.area}`]));
    expect(coords).toEqual({
      pods: '/v1/pods Pod ns workloads',
      deployments: 'apps/v1/deployments Deployment ns workloads',
      replicasets: 'apps/v1/replicasets ReplicaSet ns workloads',
      statefulsets: 'apps/v1/statefulsets StatefulSet ns workloads',
      daemonsets: 'apps/v1/daemonsets DaemonSet ns workloads',
      jobs: 'batch/v1/jobs Job ns workloads',
      cronjobs: 'batch/v1/cronjobs CronJob ns workloads',
      services: '/v1/services Service ns network',
      endpoints: '/v1/endpoints Endpoints ns network',
      endpointslices: 'discovery.k8s.io/v1/endpointslices EndpointSlice ns network',
      ingresses: 'networking.k8s.io/v1/ingresses Ingress ns network',
      networkpolicies: 'networking.k8s.io/v1/networkpolicies NetworkPolicy ns network',
      configmaps: '/v1/configmaps ConfigMap ns config',
      secrets: '/v1/secrets Secret ns config',
      horizontalpodautoscalers: 'autoscaling/v2/horizontalpodautoscalers HorizontalPodAutoscaler ns config',
      poddisruptionbudgets: 'policy/v1/poddisruptionbudgets PodDisruptionBudget ns config',
      resourcequotas: '/v1/resourcequotas ResourceQuota ns config',
      limitranges: '/v1/limitranges LimitRange ns config',
      persistentvolumeclaims: '/v1/persistentvolumeclaims PersistentVolumeClaim ns storage',
      persistentvolumes: '/v1/persistentvolumes PersistentVolume cluster storage',
      storageclasses: 'storage.k8s.io/v1/storageclasses StorageClass cluster storage',
      serviceaccounts: '/v1/serviceaccounts ServiceAccount ns access',
      roles: 'rbac.authorization.k8s.io/v1/roles Role ns access',
      clusterroles: 'rbac.authorization.k8s.io/v1/clusterroles ClusterRole cluster access',
      rolebindings: 'rbac.authorization.k8s.io/v1/rolebindings RoleBinding ns access',
      clusterrolebindings: 'rbac.authorization.k8s.io/v1/clusterrolebindings ClusterRoleBinding cluster access',
      nodes: '/v1/nodes Node cluster cluster',
      namespaces: '/v1/namespaces Namespace cluster cluster',
      events: '/v1/events Event ns cluster',
      customresourcedefinitions: 'apiextensions.k8s.io/v1/customresourcedefinitions CustomResourceDefinition cluster custom',
    });
  });

  it('titles are i18n keys; column ids unique per kind; NAME first, NAMESPACE second for namespaced kinds', () => {
    for (const kind of KINDS) {
      expect(kind.titleKey).toBe(`kind.${kind.id}`);
      const ids = kind.columns.map((c) => c.id);
      expect(new Set(ids).size, kind.id).toBe(ids.length);
      for (const c of kind.columns) expect(c.titleKey, `${kind.id}.${c.id}`).toMatch(/^column\.[a-zA-Z]+$/);
      if (kind.id === 'events') {
        expect(ids[0]).toBe('namespace');
        continue;
      }
      expect(ids[0], kind.id).toBe('name');
      if (kind.namespaced) expect(ids[1], kind.id).toBe('namespace');
      else expect(ids, kind.id).not.toContain('namespace');
    }
  });

  it('every column copes with a bare object (no spec, no status)', () => {
    for (const kind of KINDS) {
      const bare: KubeObject = { kind: kind.kind, metadata: { name: 'x', uid: 'u' } };
      for (const c of kind.columns) {
        expect(() => c.value(bare, NOW), `${kind.id}.${c.id}`).not.toThrow();
        expect(() => c.sortValue?.(bare, NOW), `${kind.id}.${c.id}`).not.toThrow();
      }
    }
  });

  it('every column copes with every real-world manifest of its kind', () => {
    const all = [boutique, guestbookFrontendSvc, fanout, phpHpa, netpol, quota, pvClaim, pvVolume, storageClass, roleBinding, indexedJob, cronJob, secret, nodeExporter, reconcilerRbac].flatMap(
      (t) => objectsFromYaml(t),
    );
    let checked = 0;
    for (const obj of all) {
      const kind = findKind({ apiVersion: obj.apiVersion, kind: obj.kind });
      expect(kind, `${obj.apiVersion} ${obj.kind}`).toBeDefined();
      for (const c of kind!.columns) {
        const v = c.value(obj, NOW);
        expect(['string', 'number', 'undefined'], `${kind!.id}.${c.id}`).toContain(typeof v);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
  });
});

describe('lookups', () => {
  it('kindById', () => {
    expect(kindById('pods')?.kind).toBe('Pod');
    expect(kindById('nope')).toBeUndefined();
  });

  it('findKind by resource, by kind, by apiVersion+kind (owner references), ignoring version', () => {
    expect(findKind({ group: 'apps', resource: 'deployments' })?.id).toBe('deployments');
    expect(findKind({ group: '', version: 'v1', resource: 'pods' })?.id).toBe('pods');
    expect(findKind({ apiVersion: 'apps/v1', kind: 'ReplicaSet' })?.id).toBe('replicasets');
    expect(findKind({ apiVersion: 'v1', kind: 'Event' })?.id).toBe('events');
    expect(findKind({ apiVersion: 'events.k8s.io/v1', kind: 'Event' })).toBeUndefined();
    expect(findKind({ group: 'autoscaling', version: 'v1', resource: 'horizontalpodautoscalers' })?.version).toBe('v2');
    expect(findKind({ kind: 'Secret' })?.id).toBe('secrets');
    expect(findKind({ group: 'apps', kind: 'Pod' })).toBeUndefined();
    expect(findKind({})).toBeUndefined();
  });

  it('kindsByArea keeps sidebar order and puts CRDs under custom', () => {
    const areas = kindsByArea();
    expect([...areas.keys()]).toEqual([...KIND_AREAS]);
    expect(areas.get('workloads')!.map((x) => x.id)).toEqual(['pods', 'deployments', 'replicasets', 'statefulsets', 'daemonsets', 'jobs', 'cronjobs']);
    expect(areas.get('network')!.map((x) => x.id)).toEqual(['services', 'endpoints', 'endpointslices', 'ingresses', 'networkpolicies']);
    expect(areas.get('cluster')!.map((x) => x.id)).toEqual(['nodes', 'namespaces', 'events']);
    expect(areas.get('custom')!.map((x) => x.id)).toEqual(['customresourcedefinitions']);
  });

  it('kindForApiResource: built-ins map to their entry, CRDs get printer columns', () => {
    expect(kindForApiResource({ group: 'apps', version: 'v1', resource: 'deployments', kind: 'Deployment', namespaced: true, verbs: [] })).toBe(kindById('deployments'));
    const crd = kindForApiResource({
      group: 'cert-manager.io',
      version: 'v1',
      resource: 'certificates',
      kind: 'Certificate',
      namespaced: true,
      verbs: ['list', 'watch'],
      custom: true,
      printerColumns: [{ name: 'Ready', type: 'string', jsonPath: '.status.conditions[?(@.type == "Ready")].status' }],
    });
    expect(crd).toMatchObject({ id: 'cert-manager.io/certificates', area: 'custom', kind: 'Certificate', titleKey: 'kind.custom' });
    expect(crd.columns.map((c) => c.title ?? c.id)).toEqual(['name', 'namespace', 'READY']);
  });

  it('kindForApiResource: built-ins the registry does not list are not custom', () => {
    const lease = kindForApiResource({ group: 'coordination.k8s.io', version: 'v1', resource: 'leases', kind: 'Lease', namespaced: true, verbs: ['list'] });
    expect(lease).toMatchObject({ id: 'coordination.k8s.io/leases', area: 'cluster' });
    expect(lease.columns.map((c) => c.id)).toEqual(['name', 'namespace', 'age']);
  });

  it('columnsForCustomResource without printer columns shows NAME (NAMESPACE) AGE', () => {
    expect(columnsForCustomResource(undefined, false).map((c) => c.id)).toEqual(['name', 'age']);
    expect(columnsForCustomResource([], true).map((c) => c.id)).toEqual(['name', 'namespace', 'age']);
  });
});

describe('workload columns', () => {
  const deployments = objectsFromYaml(boutique).filter((o) => o.kind === 'Deployment');
  const frontend = deployments.find((d) => d.metadata.name === 'frontend')!;

  it('deployments: READY UP-TO-DATE AVAILABLE AGE CONTAINERS IMAGES SELECTOR', () => {
    const live = { ...frontend, status: { replicas: 3, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 3 }, spec: { ...frontend.spec, replicas: 3 } };
    expect(cells(k('deployments'), live)).toEqual({
      name: 'frontend',
      namespace: 'default',
      ready: '2/3',
      upToDate: 3,
      available: 2,
      age: '7d',
      containers: 'server',
      images: expect.stringMatching(/frontend/),
      selector: 'app=frontend',
    });
    // Without status (just applied): 0/1 as kubectl shows.
    expect(cells(k('deployments'), frontend, false)).toMatchObject({ ready: '0/1', upToDate: 0, available: 0 });
    expect(k('deployments').columns.filter((c) => !c.wide).map((c) => c.id)).toEqual(['name', 'namespace', 'ready', 'upToDate', 'available', 'age']);
  });

  it('daemonsets: DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR', () => {
    const ds = objectsFromYaml(nodeExporter)[0];
    const live = { ...ds, status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 2, updatedNumberScheduled: 3, numberAvailable: 2 } };
    expect(cells(k('daemonsets'), live)).toMatchObject({
      desired: 3,
      current: 3,
      ready: 2,
      upToDate: 3,
      available: 2,
      nodeSelector: 'kubernetes.io/os=linux',
      selector: expect.stringContaining('app.kubernetes.io/name=node-exporter'),
    });
  });

  it('jobs: STATUS COMPLETIONS DURATION', () => {
    const job = objectsFromYaml(indexedJob)[0];
    const running = { ...job, status: { startTime: '2026-11-26T23:55:00Z', succeeded: 2, active: 3 } };
    expect(cells(k('jobs'), running)).toMatchObject({ status: 'Running', completions: `2/${job.spec.completions}`, duration: '5m' });
    const complete = {
      ...job,
      status: { startTime: '2026-11-26T23:00:00Z', completionTime: '2026-11-26T23:01:30Z', succeeded: job.spec.completions, conditions: [{ type: 'Complete', status: 'True' }] },
    };
    expect(cells(k('jobs'), complete)).toMatchObject({ status: 'Complete', duration: '90s' });
    expect(cells(k('jobs'), { ...job, status: { conditions: [{ type: 'Failed', status: 'True' }] } })).toMatchObject({ status: 'Failed', duration: undefined });
  });

  it('cronjobs: SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE', () => {
    const cj = objectsFromYaml(cronJob)[0];
    expect(cells(k('cronjobs'), cj)).toMatchObject({ schedule: cj.spec.schedule, timezone: '<none>', suspend: 'False', active: 0, lastSchedule: '<none>' });
    const ran = { ...cj, status: { active: [{ name: 'x' }], lastScheduleTime: '2026-11-26T23:00:00Z' } };
    expect(cells(k('cronjobs'), ran)).toMatchObject({ active: 1, lastSchedule: '60m' });
  });

  it('pods: READY STATUS RESTARTS AGE IP NODE', () => {
    const p: KubeObject = {
      kind: 'Pod',
      metadata: { name: 'web-1', namespace: 'shop', uid: 'u', creationTimestamp: '2026-11-26T21:00:00Z' },
      spec: { nodeName: 'node-a', containers: [{ name: 'a' }, { name: 'b' }] },
      status: {
        phase: 'Running',
        podIP: '10.0.0.5',
        podIPs: [{ ip: '10.0.0.5' }],
        containerStatuses: [
          { name: 'a', ready: true, restartCount: 0, state: { running: {} } },
          { name: 'b', ready: false, restartCount: 7, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { finishedAt: '2026-11-26T23:58:00Z' } } },
        ],
      },
    };
    expect(cells(k('pods'), p)).toEqual({
      name: 'web-1',
      namespace: 'shop',
      ready: '1/2',
      status: 'CrashLoopBackOff',
      restarts: '7 (2m ago)',
      age: '3h',
      ip: '10.0.0.5',
      node: 'node-a',
      nominatedNode: '<none>',
      readinessGates: '<none>',
    });
    const restarts = k('pods').columns.find((c) => c.id === 'restarts')!;
    expect(restarts.sortValue!(p, NOW)).toBe(7);
  });

  it('AGE sorts by creation time, READY by count', () => {
    const age = k('pods').columns.find((c) => c.id === 'age')!;
    const older: KubeObject = { metadata: { name: 'a', uid: '1', creationTimestamp: '2026-11-01T00:00:00Z' } };
    const newer: KubeObject = { metadata: { name: 'b', uid: '2', creationTimestamp: '2026-11-26T00:00:00Z' } };
    expect(age.sortValue!(older, NOW)).toBeGreaterThan(age.sortValue!(newer, NOW) as number);
    const ready = k('deployments').columns.find((c) => c.id === 'ready')!;
    const d = (r: number, want: number): KubeObject => ({ kind: 'Deployment', metadata: { name: 'd', uid: 'x' }, spec: { replicas: want }, status: { readyReplicas: r } });
    expect(ready.sortValue!(d(10, 10), NOW)).toBeGreaterThan(ready.sortValue!(d(9, 10), NOW) as number);
    expect(ready.sortValue!(d(2, 2), NOW)).toBeGreaterThan(ready.sortValue!(d(1, 20), NOW) as number);
  });
});

describe('network columns', () => {
  it('services: TYPE CLUSTER-IP EXTERNAL-IP PORT(S) SELECTOR', () => {
    const svc = objectsFromYaml(guestbookFrontendSvc)[0];
    const live = { ...svc, spec: { ...svc.spec, clusterIP: '10.96.0.12', ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }] } };
    expect(cells(k('services'), live)).toEqual({
      name: 'frontend',
      namespace: 'default',
      type: 'NodePort',
      clusterIP: '10.96.0.12',
      externalIP: '<none>',
      ports: '80:30080/TCP',
      age: '7d',
      selector: 'app=guestbook,tier=frontend',
    });
    const lb = { ...live, spec: { ...live.spec, type: 'LoadBalancer' } };
    expect(cells(k('services'), lb).externalIP).toBe('<pending>');
    expect(cells(k('services'), { ...lb, status: { loadBalancer: { ingress: [{ hostname: 'lb.example' }, { ip: '203.0.113.7' }, { ip: '203.0.113.7' }] } } }).externalIP).toBe('203.0.113.7,lb.example');
    expect(cells(k('services'), { ...lb, spec: { ...lb.spec, externalIPs: ['198.51.100.1'] }, status: { loadBalancer: { ingress: [{ ip: '203.0.113.7' }] } } }).externalIP).toBe('203.0.113.7,198.51.100.1');
    expect(cells(k('services'), { ...live, spec: { ...live.spec, type: 'ClusterIP', clusterIPs: ['10.96.0.99', 'fd00::99'], externalIPs: ['198.51.100.2'] } })).toMatchObject({ clusterIP: '10.96.0.99', externalIP: '198.51.100.2' });
    expect(cells(k('services'), { ...live, spec: { ...live.spec, type: 'Weird' } }).externalIP).toBe('<unknown>');
    expect(cells(k('services'), { ...live, spec: { type: 'ExternalName', externalName: 'db.example' } })).toMatchObject({ externalIP: 'db.example', ports: '<none>', selector: '<none>' });
    const boutiqueSvcs = objectsFromYaml(boutique).filter((o) => o.kind === 'Service');
    const lbSvc = boutiqueSvcs.find((s) => s.spec.type === 'LoadBalancer')!;
    expect(cells(k('services'), lbSvc)).toMatchObject({ type: 'LoadBalancer', externalIP: '<pending>', ports: '80/TCP' });
  });

  it('endpoints: first three ip:port then "+ N more..."', () => {
    const ep: KubeObject = {
      kind: 'Endpoints',
      metadata: { name: 'web', namespace: 'default', uid: 'e' },
      subsets: [
        { addresses: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }], ports: [{ port: 8080 }, { port: 9090 }] },
        { addresses: [{ ip: 'fd00::1' }], ports: [{ port: 80 }] },
      ],
    };
    expect(cells(k('endpoints'), ep).endpoints).toBe('10.0.0.1:8080,10.0.0.2:8080,10.0.0.1:9090 + 2 more...');
    expect(cells(k('endpoints'), { ...ep, subsets: [ep.subsets![1 as never]] } as KubeObject).endpoints).toBe('[fd00::1]:80');
    expect(cells(k('endpoints'), { ...ep, subsets: [] }).endpoints).toBe('<none>');
  });

  it('endpointslices: ADDRESSTYPE PORTS ENDPOINTS', () => {
    const es: KubeObject = {
      kind: 'EndpointSlice',
      metadata: { name: 'web-abc', namespace: 'default', uid: 's' },
      addressType: 'IPv4',
      ports: [{ port: 8080 }],
      endpoints: [{ addresses: ['10.0.0.1'] }, { addresses: ['10.0.0.2'] }],
    };
    expect(cells(k('endpointslices'), es)).toMatchObject({ addressType: 'IPv4', ports: '8080', endpoints: '10.0.0.1,10.0.0.2' });
    expect(cells(k('endpointslices'), { ...es, ports: [], endpoints: [] })).toMatchObject({ ports: '<unset>', endpoints: '<unset>' });
  });

  it('ingresses: CLASS HOSTS ADDRESS PORTS', () => {
    const ing = objectsFromYaml(fanout)[0];
    expect(cells(k('ingresses'), ing)).toMatchObject({ class: '<none>', hosts: 'foo.bar.com', address: '', ports: '80' });
    const tls = { ...ing, spec: { ...ing.spec, ingressClassName: 'nginx', tls: [{ hosts: ['foo.bar.com'] }] }, status: { loadBalancer: { ingress: [{ ip: '192.0.2.1' }] } } };
    expect(cells(k('ingresses'), tls)).toMatchObject({ class: 'nginx', address: '192.0.2.1', ports: '80, 443' });
    const hosts = (...h: (string | undefined)[]) => cells(k('ingresses'), { ...ing, spec: { rules: h.map((host) => ({ host })) } }).hosts;
    expect(hosts('a.example', undefined, 'c.example')).toBe('a.example,c.example');
    expect(hosts('a', 'b', 'c', 'd', 'e')).toBe('a,b,c + 2 more...');
    expect(hosts(undefined)).toBe('*');
    // kubectl shows only ingressClassName, not the legacy annotation.
    expect(cells(k('ingresses'), { ...ing, metadata: { ...ing.metadata, annotations: { 'kubernetes.io/ingress.class': 'old' } } }).class).toBe('<none>');
  });

  it('networkpolicies: POD-SELECTOR', () => {
    expect(cells(k('networkpolicies'), objectsFromYaml(netpol)[0]).podSelector).toBe('role=db');
    expect(cells(k('networkpolicies'), { kind: 'NetworkPolicy', metadata: { name: 'all', uid: 'x' }, spec: { podSelector: {} } }).podSelector).toBe('<none>');
  });
});

describe('config columns', () => {
  it('hpa: REFERENCE TARGETS MINPODS MAXPODS REPLICAS', () => {
    const hpa = objectsFromYaml(phpHpa)[0];
    expect(cells(k('horizontalpodautoscalers'), hpa)).toMatchObject({ reference: 'Deployment/php-apache', targets: 'cpu: <unknown>/50%', minPods: 1, maxPods: 10, replicas: 0 });
    const live = { ...hpa, status: { currentReplicas: 3, currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 72 } } }] } };
    expect(cells(k('horizontalpodautoscalers'), live)).toMatchObject({ targets: 'cpu: 72%/50%', replicas: 3 });
    const many = {
      ...hpa,
      spec: {
        ...hpa.spec,
        minReplicas: undefined,
        metrics: [
          { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '500Mi' } } },
          { type: 'Pods', pods: { metric: { name: 'rps' }, target: { type: 'AverageValue', averageValue: '100' } } },
          { type: 'External', external: { metric: { name: 'queue' }, target: { type: 'Value', value: '30' } } },
        ],
      },
      status: { currentMetrics: [{ type: 'Resource', resource: { name: 'memory', current: { averageValue: '310Mi' } } }, { type: 'Pods', pods: { current: { averageValue: '87' } } }] },
    };
    expect(cells(k('horizontalpodautoscalers'), many)).toMatchObject({ targets: 'memory: 310Mi/500Mi, 87/100 + 1 more...', minPods: '<unset>' });
    const objectAvg = { ...hpa, spec: { ...hpa.spec, metrics: [{ type: 'Object', object: { target: { type: 'AverageValue', averageValue: '2k' } } }] }, status: {} };
    expect(cells(k('horizontalpodautoscalers'), objectAvg).targets).toBe('<unknown>/2k (avg)');
  });

  it('resourcequotas: REQUEST and LIMIT as used/hard', () => {
    const rq = objectsFromYaml(quota)[0];
    const live = { ...rq, status: { hard: rq.spec.hard, used: { 'requests.cpu': '500m', 'limits.memory': '1Gi' } } };
    const c = cells(k('resourcequotas'), live);
    expect(c.request).toBe(`requests.cpu: 500m/${rq.spec.hard['requests.cpu']}, requests.memory: 0/${rq.spec.hard['requests.memory']}`);
    expect(c.limit).toBe(`limits.cpu: 0/${rq.spec.hard['limits.cpu']}, limits.memory: 1Gi/${rq.spec.hard['limits.memory']}`);
  });

  it('secrets and configmaps: TYPE and DATA', () => {
    const s = objectsFromYaml(secret)[0];
    expect(cells(k('secrets'), s)).toMatchObject({ type: s.type ?? 'Opaque', data: Object.keys(s.data ?? {}).length });
    expect(cells(k('configmaps'), { kind: 'ConfigMap', metadata: { name: 'c', uid: 'c' }, data: { a: '1', b: '2' }, binaryData: { c: 'AA==' } }).data).toBe(3);
  });

  it('pdbs: MIN AVAILABLE MAX UNAVAILABLE ALLOWED DISRUPTIONS', () => {
    const pdb: KubeObject = { kind: 'PodDisruptionBudget', metadata: { name: 'p', uid: 'p' }, spec: { minAvailable: '50%' }, status: { disruptionsAllowed: 1 } };
    expect(cells(k('poddisruptionbudgets'), pdb)).toMatchObject({ minAvailable: '50%', maxUnavailable: 'N/A', allowedDisruptions: 1 });
  });
});

describe('storage, access and cluster columns', () => {
  it('PVC: STATUS VOLUME CAPACITY ACCESS MODES STORAGECLASS (capacity once bound)', () => {
    const pvc = objectsFromYaml(pvClaim)[0];
    expect(cells(k('persistentvolumeclaims'), { ...pvc, status: { phase: 'Pending' } })).toMatchObject({ status: 'Pending', volume: undefined, capacity: undefined, accessModes: '', storageClass: 'manual' });
    const bound = { ...pvc, spec: { ...pvc.spec, volumeName: 'task-pv-volume' }, status: { phase: 'Bound', capacity: { storage: '3Gi' }, accessModes: ['ReadWriteOnce'] } };
    expect(cells(k('persistentvolumeclaims'), bound)).toMatchObject({ status: 'Bound', volume: 'task-pv-volume', capacity: '3Gi', accessModes: 'RWO', volumeMode: '<unset>', volumeAttributesClass: '<unset>' });
    expect(cells(k('persistentvolumeclaims'), { ...bound, spec: { ...bound.spec, volumeMode: 'Block' } }).volumeMode).toBe('Block');
    // The legacy beta annotation wins over spec.storageClassName, as in kubectl.
    const annotated = { ...bound, metadata: { ...bound.metadata, annotations: { 'volume.beta.kubernetes.io/storage-class': 'legacy' } } };
    expect(cells(k('persistentvolumeclaims'), annotated).storageClass).toBe('legacy');
    const capacity = k('persistentvolumeclaims').columns.find((c) => c.id === 'capacity')!;
    expect(capacity.sortValue!(bound, NOW)).toBe(3 * 2 ** 30);
  });

  it('PV: CAPACITY ACCESS MODES RECLAIM POLICY STATUS CLAIM STORAGECLASS', () => {
    const pv = objectsFromYaml(pvVolume)[0];
    const bound = { ...pv, spec: { ...pv.spec, claimRef: { namespace: 'default', name: 'task-pv-claim' } }, status: { phase: 'Bound' } };
    expect(cells(k('persistentvolumes'), bound)).toMatchObject({ capacity: '10Gi', accessModes: 'RWO', reclaimPolicy: pv.spec.persistentVolumeReclaimPolicy, status: 'Bound', claim: 'default/task-pv-claim', storageClass: 'manual' });
  });

  it('StorageClass: NAME marks the default; PROVISIONER RECLAIMPOLICY VOLUMEBINDINGMODE', () => {
    const sc = objectsFromYaml(storageClass)[0];
    expect(cells(k('storageclasses'), sc)).toMatchObject({ name: sc.metadata.name, provisioner: sc.provisioner, volumeBindingMode: 'WaitForFirstConsumer' });
    const def = { ...sc, metadata: { ...sc.metadata, annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } };
    expect(cells(k('storageclasses'), def).name).toBe(`${sc.metadata.name} (default)`);
  });

  it('bindings: ROLE and subjects', () => {
    const rb = objectsFromYaml(roleBinding)[0];
    expect(cells(k('rolebindings'), rb)).toMatchObject({ role: 'Role/pod-reader', users: 'jane', groups: '', serviceAccounts: '' });
    const sa = objectsFromYaml(reconcilerRbac).find((o) => o.kind === 'RoleBinding' || o.kind === 'ClusterRoleBinding');
    if (sa) expect(String(cells(findKind({ apiVersion: sa.apiVersion, kind: sa.kind })!, sa).serviceAccounts)).toMatch(/:/);
  });

  it('nodes: STATUS ROLES VERSION INTERNAL-IP OS-IMAGE KERNEL CONTAINER-RUNTIME', () => {
    const node: KubeObject = {
      kind: 'Node',
      metadata: { name: 'cp-1', uid: 'n', creationTimestamp: '2026-10-01T00:00:00Z', labels: { 'node-role.kubernetes.io/control-plane': '', 'node-role.kubernetes.io/etcd': '' } },
      spec: { unschedulable: true },
      status: {
        conditions: [{ type: 'MemoryPressure', status: 'False' }, { type: 'Ready', status: 'True' }],
        addresses: [{ type: 'InternalIP', address: '192.168.1.10' }, { type: 'Hostname', address: 'cp-1' }],
        nodeInfo: { kubeletVersion: 'v1.32.3', osImage: 'Debian GNU/Linux 13', kernelVersion: '6.12.0', containerRuntimeVersion: 'containerd://2.0.0' },
      },
    };
    expect(cells(k('nodes'), node)).toEqual({
      name: 'cp-1',
      status: 'Ready,SchedulingDisabled',
      roles: 'control-plane,etcd',
      age: '57d',
      version: 'v1.32.3',
      internalIP: '192.168.1.10',
      externalIP: '<none>',
      osImage: 'Debian GNU/Linux 13',
      kernelVersion: '6.12.0',
      containerRuntime: 'containerd://2.0.0',
    });
    expect(cells(k('nodes'), { ...node, spec: {}, metadata: { ...node.metadata, labels: {} }, status: { conditions: [{ type: 'Ready', status: 'Unknown' }] } })).toMatchObject({ status: 'NotReady', roles: '<none>' });
    expect(cells(k('nodes'), { ...node, spec: {}, status: {} })).toMatchObject({ status: 'Unknown', osImage: '<unknown>', kernelVersion: '<unknown>', containerRuntime: '<unknown>', internalIP: '<none>' });
  });

  it('events: LAST SEEN TYPE REASON OBJECT MESSAGE', () => {
    const ev: KubeObject = {
      kind: 'Event',
      metadata: { name: 'web-1.17f', namespace: 'shop', uid: 'e', creationTimestamp: '2026-11-26T23:00:00Z' },
      involvedObject: { kind: 'Pod', name: 'web-1', namespace: 'shop', fieldPath: 'spec.containers{b}' },
      reason: 'BackOff',
      type: 'Warning',
      message: '  Back-off restarting failed container  ',
      firstTimestamp: '2026-11-26T23:00:00Z',
      lastTimestamp: '2026-11-26T23:59:20Z',
      count: 12,
      source: { component: 'kubelet', host: 'node-a' },
    };
    expect(cells(k('events'), ev, false)).toEqual({ namespace: 'shop', lastSeen: '40s', type: 'Warning', reason: 'BackOff', object: 'pod/web-1', message: 'Back-off restarting failed container' });
    expect(cells(k('events'), ev)).toMatchObject({ subobject: 'spec.containers{b}', source: 'kubelet, node-a', firstSeen: '60m', count: 12, name: 'web-1.17f' });
    const series = { ...ev, lastTimestamp: undefined, eventTime: '2026-11-26T23:00:00.000000Z', series: { count: 30, lastObservedTime: '2026-11-26T23:59:50.000000Z' } };
    expect(cells(k('events'), series)).toMatchObject({ lastSeen: '10s', count: 30 });
    // New-API singletons: no count, no lastTimestamp; eventTime and reportingController instead.
    const modern = { ...ev, firstTimestamp: undefined, lastTimestamp: undefined, count: undefined, source: undefined, eventTime: '2026-11-26T23:59:00.000000Z', reportingController: 'kubelet', reportingInstance: 'node-b' };
    expect(cells(k('events'), modern)).toMatchObject({ lastSeen: '60s', firstSeen: '60s', count: 1, source: 'kubelet, node-b' });
  });
});

describe('problem statuses (the list colours these cells)', () => {
  const problem = (kindId: string, obj: KubeObject) => {
    const status = k(kindId).columns.find((c) => c.id === 'status')!;
    const value = status.value(obj, NOW);
    return `${value} ${typeof value === 'string' && status.isProblem?.(value) ? 'problem' : 'ok'}`;
  };
  const pod = (containerStatuses: unknown[], phase = 'Running'): KubeObject => ({ kind: 'Pod', metadata: { name: 'p', namespace: 'n', uid: 'u' }, spec: { containers: [{ name: 'a' }] }, status: { phase, containerStatuses } });

  it('pods: kubectl printPod reasons, through isPodProblemReason', () => {
    const state = (s: unknown) => [{ name: 'a', restartCount: 0, state: s }];
    expect(problem('pods', pod(state({ terminated: { exitCode: 1 } }), 'Failed'))).toBe('ExitCode:1 problem');
    expect(problem('pods', pod(state({ terminated: { exitCode: 137, signal: 9 } }), 'Failed'))).toBe('Signal:9 problem');
    expect(problem('pods', pod(state({ waiting: { reason: 'CrashLoopBackOff' } })))).toBe('CrashLoopBackOff problem');
    expect(problem('pods', pod(state({ terminated: { exitCode: 0, reason: 'Completed' } }), 'Succeeded'))).toBe('Completed ok');
    expect(problem('pods', pod([{ name: 'a', ready: true, state: { running: {} } }]))).toBe('Running ok');
    expect(problem('pods', pod([], 'Pending'))).toBe('Pending ok');
  });

  it('other kinds: failures, not transitions', () => {
    const node = (status: string, unschedulable = false): KubeObject => ({ kind: 'Node', metadata: { name: 'n', uid: 'u' }, spec: { unschedulable }, status: { conditions: [{ type: 'Ready', status }] } });
    expect([problem('nodes', node('True')), problem('nodes', node('True', true)), problem('nodes', node('False')), problem('nodes', { kind: 'Node', metadata: { name: 'n', uid: 'u' } })]).toEqual([
      'Ready ok',
      'Ready,SchedulingDisabled ok',
      'NotReady problem',
      'Unknown problem',
    ]);
    const job = (type: string): KubeObject => ({ kind: 'Job', metadata: { name: 'j', namespace: 'n', uid: 'u' }, status: { conditions: [{ type, status: 'True' }] } });
    expect(['Complete', 'Failed', 'FailureTarget', 'Suspended'].map((t) => problem('jobs', job(t)))).toEqual(['Complete ok', 'Failed problem', 'FailureTarget problem', 'Suspended ok']);
    const phased = (kind: string, phase: string): KubeObject => ({ kind, metadata: { name: 'x', namespace: 'n', uid: 'u' }, status: { phase } });
    expect(['Pending', 'Bound', 'Lost'].map((p) => problem('persistentvolumeclaims', phased('PersistentVolumeClaim', p)))).toEqual(['Pending ok', 'Bound ok', 'Lost problem']);
    expect(['Available', 'Bound', 'Released', 'Failed'].map((p) => problem('persistentvolumes', phased('PersistentVolume', p)))).toEqual(['Available ok', 'Bound ok', 'Released ok', 'Failed problem']);
    expect(['Active', 'Terminating'].map((p) => problem('namespaces', phased('Namespace', p)))).toEqual(['Active ok', 'Terminating ok']);
  });
});
