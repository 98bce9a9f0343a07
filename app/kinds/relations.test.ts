import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../kube/object';
import {
  controllerLink,
  controllerOf,
  eventsFor,
  isOwnerOf,
  mountedNames,
  ownedBy,
  ownedByAny,
  ownerLinks,
  podsOnNode,
  podSelectorOf,
  podsReferencingConfigMap,
  podsReferencingSecret,
  podsSelectedBy,
  podReferences,
  podsUsingPvc,
  pvcNamesOfPod,
  referencedNames,
} from './relations';
import { controllerRef, objectsFromYaml, pick, rolloutOf } from './testManifests';
import boutique from '../testdata/manifests/online-boutique/kubernetes-manifests.yaml?raw';
import guestbookFiles from '../testdata/manifests/guestbook/redis-master-deployment.yaml?raw';
import guestbookReplica from '../testdata/manifests/guestbook/redis-replica-deployment.yaml?raw';
import guestbookFrontend from '../testdata/manifests/guestbook/frontend-deployment.yaml?raw';
import guestbookSvcLeader from '../testdata/manifests/guestbook/redis-master-service.yaml?raw';
import guestbookSvcFollower from '../testdata/manifests/guestbook/redis-replica-service.yaml?raw';
import guestbookSvcFrontend from '../testdata/manifests/guestbook/frontend-service.yaml?raw';
import tfDeployment from '../testdata/manifests/tensorflow-serving/deployment.yaml?raw';
import tfPvc from '../testdata/manifests/tensorflow-serving/pvc.yaml?raw';
import newrelic from '../testdata/manifests/newrelic/newrelic-daemonset.yaml?raw';
import cronJob from '../testdata/manifests/podinfo/database-cronjob-backup-daily.yaml?raw';

/* eslint-disable @typescript-eslint/no-explicit-any -- fixtures are plain JSON */

describe('Deployment → ReplicaSet → Pods and back (online-boutique)', () => {
  const objects = objectsFromYaml(boutique);
  const deployments = objects.filter((o) => o.kind === 'Deployment');
  const services = objects.filter((o) => o.kind === 'Service');
  const rollouts = deployments.map((d) => ({ deployment: d, ...rolloutOf(d) }));
  const allPods = rollouts.flatMap((r) => r.pods);
  const everything = [...deployments, ...rollouts.map((r) => r.replicaSet), ...allPods];

  it('has a realistic app to test with', () => {
    expect(deployments.length).toBeGreaterThanOrEqual(11);
    expect(services.length).toBeGreaterThanOrEqual(11);
  });

  it('owner links go Pod → ReplicaSet → Deployment, and stop there', () => {
    const byUid = new Map(everything.map((o) => [o.metadata.uid, o]));
    for (const { deployment, replicaSet, pods } of rollouts) {
      const [first, ...others] = ownerLinks(pods[0]);
      expect(others).toEqual([]);
      expect(first).toEqual({ ref: controllerRef(replicaSet), namespace: 'default' });
      const rs = byUid.get(first.ref.uid)!;
      expect(rs).toBe(replicaSet);
      expect(isOwnerOf(first, rs)).toBe(true);
      const up = controllerLink(rs)!;
      expect(byUid.get(up.ref.uid)).toBe(deployment);
      expect(up.namespace).toBe('default');
      expect(controllerLink(deployment)).toBeUndefined();
    }
  });

  it('ownedBy walks down: Deployment → its ReplicaSet → its pods only', () => {
    for (const { deployment, replicaSet, pods } of rollouts) {
      expect(ownedBy(deployment, everything)).toEqual([replicaSet]);
      expect(ownedBy(replicaSet, everything)).toEqual(pods);
    }
  });

  it('ownedByAny gathers the pods of several owners at once (all ReplicaSets of a Deployment)', () => {
    const [a, b] = rollouts;
    const uids = new Set([a.replicaSet.metadata.uid, b.replicaSet.metadata.uid]);
    expect(ownedByAny(uids, allPods)).toEqual([...a.pods, ...b.pods]);
    expect(ownedByAny(new Set(), allPods)).toEqual([]);
  });

  it('every Service selects exactly the pods of the Deployment of the same app', () => {
    for (const svc of services) {
      const selected = podsSelectedBy(svc, allPods);
      const app = svc.spec.selector.app;
      const owner = rollouts.find((r) => r.deployment.spec.template.metadata.labels.app === app);
      expect(selected, svc.metadata.name).toEqual(owner?.pods ?? []);
    }
  });

  it('every Deployment selects its own pods by its selector', () => {
    for (const { deployment, pods } of rollouts) expect(podsSelectedBy(deployment, allPods)).toEqual(pods);
  });

  it('never selects across namespaces', () => {
    const svc = pick(services, 'Service', 'frontend');
    const pod = rollouts.find((r) => r.deployment.metadata.name === 'frontend')!.pods[0];
    const elsewhere = { ...pod, metadata: { ...pod.metadata, namespace: 'other' } };
    expect(podsSelectedBy(svc, [pod, elsewhere])).toEqual([pod]);
  });
});

describe('Services from guestbook', () => {
  const deployments = [guestbookFiles, guestbookReplica, guestbookFrontend].flatMap((t) => objectsFromYaml(t));
  const services = [guestbookSvcLeader, guestbookSvcFollower, guestbookSvcFrontend].flatMap((t) => objectsFromYaml(t));
  const pods = deployments.flatMap((d) => rolloutOf(d, 1).pods);

  it('leader and follower services tell the redis pods apart by role', () => {
    const names = (svc: KubeObject) => podsSelectedBy(svc, pods).map((p) => p.metadata.name.replace(/-7d9f8-\d$/, ''));
    expect(Object.fromEntries(services.map((s) => [s.metadata.name, names(s)]))).toEqual(
      Object.fromEntries(services.map((s) => [s.metadata.name, deployments.filter((d) => Object.entries(s.spec.selector).every(([k, v]) => d.spec.template.metadata.labels[k] === v)).map((d) => d.metadata.name)])),
    );
    for (const s of services) expect(names(s).length).toBe(1);
  });

  it('a Service without selector selects nothing (not everything)', () => {
    const headless = { ...services[0], spec: { ...services[0].spec, selector: undefined } };
    expect(podsSelectedBy(headless, pods)).toEqual([]);
    expect(podSelectorOf(headless)?.matchesNothing).toBe(true);
    // An empty map is stored as no selector (protobuf drops it): still none, never every pod.
    const empty = { ...services[0], spec: { ...services[0].spec, selector: {} } };
    expect(podsSelectedBy(empty, pods)).toEqual([]);
  });
});

describe('owner chains in odd shapes', () => {
  const base = (name: string, kind = 'Pod'): KubeObject => ({ apiVersion: 'v1', kind, metadata: { name, namespace: 'ns', uid: `uid-${name}` } });

  it('a recreated owner with the same name (another uid) is not the owner', () => {
    const rs = base('rs', 'ReplicaSet');
    const pod = { ...base('p'), metadata: { ...base('p').metadata, ownerReferences: [controllerRef(rs)] } };
    const [link] = ownerLinks(pod);
    expect(isOwnerOf(link, rs)).toBe(true);
    expect(isOwnerOf(link, { ...rs, metadata: { ...rs.metadata, uid: 'someone-else' } })).toBe(false);
  });

  it('cluster-scoped owners live in no namespace (mirror pod owned by its Node); owners of unknown kinds in the object\'s', () => {
    const node: KubeObject = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1', uid: 'uid-n1' } };
    const mirror = { ...base('kube-apiserver-n1'), metadata: { ...base('kube-apiserver-n1').metadata, ownerReferences: [controllerRef(node)] } };
    expect(ownerLinks(mirror)).toEqual([{ ref: controllerRef(node), namespace: undefined }]);
    expect(controllerLink(mirror)).toEqual({ ref: controllerRef(node), namespace: undefined });
    const custom = { ...base('c'), metadata: { ...base('c').metadata, ownerReferences: [controllerRef(base('r', 'Rollout'))] } };
    expect(ownerLinks(custom)[0].namespace).toBe('ns');
  });

  it('lists every owner, and goes up through the controller only', () => {
    const o1 = base('o1', 'X');
    const o2 = base('o2', 'X');
    const child = base('c');
    child.metadata.ownerReferences = [{ ...controllerRef(o1), controller: false }, controllerRef(o2)];
    expect(ownerLinks(child).map((l) => l.ref.name)).toEqual(['o1', 'o2']);
    expect(controllerOf(child)?.name).toBe('o2');
    expect(controllerLink(child)?.ref.name).toBe('o2');
    child.metadata.ownerReferences = [{ ...controllerRef(o1), controller: false }];
    expect(ownerLinks(child).map((l) => l.ref.name)).toEqual(['o1']);
    expect(controllerLink(child)).toBeUndefined();
    child.metadata.ownerReferences = undefined;
    expect(ownerLinks(child)).toEqual([]);
  });
});

describe('ConfigMaps and Secrets → Pods', () => {
  const newrelicPod = rolloutOf({ ...objectsFromYaml(newrelic)[0] }, 1).pods[0];
  const cj = objectsFromYaml(cronJob)[0];
  const backupPod: KubeObject = { kind: 'Pod', metadata: { name: 'backup-1', namespace: 'default', uid: 'b1' }, spec: cj.spec.jobTemplate.spec.template.spec };
  const secret = (name: string, namespace = 'default'): KubeObject => ({ kind: 'Secret', metadata: { name, namespace, uid: `s-${name}` } });
  const configMap = (name: string, namespace = 'default'): KubeObject => ({ kind: 'ConfigMap', metadata: { name, namespace, uid: `c-${name}` } });

  it('finds volume mounts in real manifests (newrelic secret, podinfo backup script)', () => {
    expect(podsReferencingSecret(secret('newrelic-config'), [newrelicPod, backupPod])).toEqual([newrelicPod]);
    expect(podsReferencingConfigMap(configMap('backup-script'), [newrelicPod, backupPod])).toEqual([backupPod]);
    expect(podsReferencingConfigMap(configMap('backup-script', 'other'), [backupPod])).toEqual([]);
  });

  const pod: KubeObject = {
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default', uid: 'p' },
    spec: {
      imagePullSecrets: [{ name: 'registry' }],
      volumes: [
        { name: 'cfg', configMap: { name: 'vol-cm' } },
        { name: 'tls', secret: { secretName: 'vol-secret' } },
        { name: 'proj', projected: { sources: [{ configMap: { name: 'proj-cm' } }, { secret: { name: 'proj-secret' } }, { serviceAccountToken: { path: 't' } }] } },
      ],
      initContainers: [{ name: 'init', envFrom: [{ configMapRef: { name: 'init-envfrom-cm' } }] }],
      containers: [
        {
          name: 'app',
          env: [
            { name: 'A', valueFrom: { configMapKeyRef: { name: 'env-cm', key: 'a' } } },
            { name: 'B', valueFrom: { secretKeyRef: { name: 'env-secret', key: 'b' } } },
            { name: 'C', value: 'plain' },
          ],
          envFrom: [{ secretRef: { name: 'envfrom-secret' } }],
        },
      ],
    },
  };

  it('distinguishes mounting from any reference', () => {
    expect([...mountedNames(pod, 'configMap')].sort()).toEqual(['proj-cm', 'vol-cm']);
    expect([...mountedNames(pod, 'secret')].sort()).toEqual(['proj-secret', 'vol-secret']);
    expect([...referencedNames(pod, 'configMap')].sort()).toEqual(['env-cm', 'init-envfrom-cm', 'proj-cm', 'vol-cm']);
    expect([...referencedNames(pod, 'secret')].sort()).toEqual(['env-secret', 'envfrom-secret', 'proj-secret', 'registry', 'vol-secret']);
    expect(podsReferencingConfigMap(configMap('env-cm'), [pod])).toEqual([pod]);
    expect(podsReferencingSecret(secret('registry'), [pod])).toEqual([pod]);
  });

  it('podReferences lists what a pod uses by kind, sorted and without repeats', () => {
    const twice = { ...pod, spec: { ...pod.spec, volumes: [...pod.spec.volumes, { name: 'again', configMap: { name: 'vol-cm' } }, { name: 'data', persistentVolumeClaim: { claimName: 'data' } }] } };
    expect(podReferences(twice)).toEqual({
      persistentVolumeClaims: ['data'],
      configMaps: ['env-cm', 'init-envfrom-cm', 'proj-cm', 'vol-cm'],
      secrets: ['env-secret', 'envfrom-secret', 'proj-secret', 'registry', 'vol-secret'],
    });
    expect(podReferences({ kind: 'Pod', metadata: { name: 'bare', uid: 'bare' } })).toEqual({ persistentVolumeClaims: [], configMaps: [], secrets: [] });
  });
});

describe('PVC ↔ Pod (tensorflow-serving)', () => {
  const deployment = objectsFromYaml(tfDeployment).find((o) => o.kind === 'Deployment')!;
  const pod = rolloutOf(deployment, 1).pods[0];
  const pvc = objectsFromYaml(tfPvc)[0];

  it('pod → PVC and PVC → pods', () => {
    expect(pvcNamesOfPod(pod)).toEqual(['my-model-pvc']);
    expect(podsUsingPvc(pvc, [pod])).toEqual([pod]);
    expect(podsUsingPvc({ ...pvc, metadata: { ...pvc.metadata, namespace: 'other' } }, [pod])).toEqual([]);
  });

  it('generic ephemeral volumes name their PVC <pod>-<volume>', () => {
    const eph: KubeObject = { kind: 'Pod', metadata: { name: 'web-0', namespace: 'default', uid: 'e' }, spec: { volumes: [{ name: 'scratch', ephemeral: { volumeClaimTemplate: {} } }] } };
    expect(pvcNamesOfPod(eph)).toEqual(['web-0-scratch']);
  });
});

describe('nodes and events', () => {
  it('pods on a node', () => {
    const node: KubeObject = { kind: 'Node', metadata: { name: 'n1', uid: 'n1' } };
    const on: KubeObject = { kind: 'Pod', metadata: { name: 'a', uid: 'a' }, spec: { nodeName: 'n1' } };
    const off: KubeObject = { kind: 'Pod', metadata: { name: 'b', uid: 'b' }, spec: { nodeName: 'n2' } };
    expect(podsOnNode(node, [on, off])).toEqual([on]);
  });

  it('events by involvedObject uid, or kind/namespace/name when the event has no uid', () => {
    const pod: KubeObject = { kind: 'Pod', metadata: { name: 'web', namespace: 'shop', uid: 'pod-uid' } };
    const ev = (io: any): KubeObject => ({ kind: 'Event', metadata: { name: `e${Math.random()}`, namespace: 'shop', uid: String(Math.random()) }, involvedObject: io });
    const byUid = ev({ kind: 'Pod', name: 'web', namespace: 'shop', uid: 'pod-uid' });
    const oldIncarnation = ev({ kind: 'Pod', name: 'web', namespace: 'shop', uid: 'previous-pod-uid' });
    const byName = ev({ kind: 'Pod', name: 'web', namespace: 'shop' });
    const otherKind = ev({ kind: 'Service', name: 'web', namespace: 'shop' });
    const otherNs = ev({ kind: 'Pod', name: 'web', namespace: 'dev' });
    expect(eventsFor(pod, [byUid, oldIncarnation, byName, otherKind, otherNs])).toEqual([byUid, byName]);
  });
});
