/**
 * A realistic running pod as the API server returns it (~7 KB of JSON, ~40 % of it
 * managedFields): an app container and a log-shipping sidecar with env, ports, probes,
 * resources and mounts; the projected service-account volume; tolerations; a full Running
 * status. Used by the scale scenario, built without going through the controllers.
 */
import type { KubeObject } from '../types';

export interface PodShapeInput {
  namespace: string;
  name: string;
  uid: string;
  app: string;
  hash: string;
  rsName: string;
  rsUid: string;
  node: string;
  hostIP: string;
  podIP: string;
  image: string;
  created: string;
  started: string;
  seq: number;
  /** containerIDs (64 hex) of `app` and `log-shipper`; default derived from the uid. */
  containerIds?: [string, string];
}

/** 64 hex chars derived from `seed` (FNV-1a rounds: plenty for fake IDs, ~50x cheaper than sha256). */
export function hex64(seed: string): string {
  let out = '';
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  for (let k = 0; k < 8; k++) {
    h = Math.imul(h ^ (k + 0x9e), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}

/** The part of managedFields shared by every pod of one ReplicaSet (JSON.stringify copes with shared refs). */
const sharedFields = new Map<string, { controller: unknown; kubeletConditions: unknown }>();

/** fieldsV1 of what kube-controller-manager and the kubelet own, as the API server records it. */
function managedFields(p: PodShapeInput): unknown[] {
  let shared = sharedFields.get(p.rsUid);
  if (!shared) {
    if (sharedFields.size > 1000) sharedFields.clear();
    shared = buildShared(p);
    sharedFields.set(p.rsUid, shared);
  }
  return [
    { manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'v1', time: p.created, fieldsType: 'FieldsV1', fieldsV1: shared.controller },
    {
      manager: 'kubelet', operation: 'Update', apiVersion: 'v1', time: p.started, fieldsType: 'FieldsV1', subresource: 'status',
      fieldsV1: {
        'f:status': {
          'f:conditions': shared.kubeletConditions,
          'f:containerStatuses': {}, 'f:hostIP': {}, 'f:hostIPs': {}, 'f:phase': {}, 'f:podIP': {}, 'f:podIPs': { '.': {}, [`k:{"ip":"${p.podIP}"}`]: { '.': {}, 'f:ip': {} } }, 'f:startTime': {},
        },
      },
    },
  ];
}

function buildShared(p: PodShapeInput): { controller: unknown; kubeletConditions: unknown } {
  const containerFields = (name: string, withPorts: boolean) => ({
    [`k:{"name":"${name}"}`]: {
      '.': {}, 'f:env': { '.': {}, 'k:{"name":"APP_ENV"}': { '.': {}, 'f:name': {}, 'f:value': {} }, 'k:{"name":"LOG_LEVEL"}': { '.': {}, 'f:name': {}, 'f:value': {} }, 'k:{"name":"POD_NAME"}': { '.': {}, 'f:name': {}, 'f:valueFrom': { '.': {}, 'f:fieldRef': {} } }, 'k:{"name":"POD_NAMESPACE"}': { '.': {}, 'f:name': {}, 'f:valueFrom': { '.': {}, 'f:fieldRef': {} } } },
      'f:image': {}, 'f:imagePullPolicy': {}, 'f:name': {},
      ...(withPorts ? { 'f:ports': { '.': {}, 'k:{"containerPort":8080,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {}, 'f:name': {}, 'f:protocol': {} } }, 'f:readinessProbe': { '.': {}, 'f:failureThreshold': {}, 'f:httpGet': { '.': {}, 'f:path': {}, 'f:port': {}, 'f:scheme': {} }, 'f:periodSeconds': {}, 'f:successThreshold': {}, 'f:timeoutSeconds': {} } } : {}),
      'f:resources': { '.': {}, 'f:limits': { '.': {}, 'f:memory': {} }, 'f:requests': { '.': {}, 'f:cpu': {}, 'f:memory': {} } },
      'f:terminationMessagePath': {}, 'f:terminationMessagePolicy': {}, 'f:volumeMounts': { '.': {}, 'k:{"mountPath":"/etc/app"}': { '.': {}, 'f:mountPath': {}, 'f:name': {}, 'f:readOnly': {} } },
    },
  });
  return {
    controller: {
        'f:metadata': { 'f:annotations': { '.': {}, 'f:prometheus.io/port': {}, 'f:prometheus.io/scrape': {} }, 'f:generateName': {}, 'f:labels': { '.': {}, 'f:app.kubernetes.io/name': {}, 'f:app.kubernetes.io/part-of': {}, 'f:pod-template-hash': {}, 'f:team': {} }, 'f:ownerReferences': { '.': {}, [`k:{"uid":"${p.rsUid}"}`]: {} } },
        'f:spec': { 'f:containers': { ...containerFields('app', true), ...containerFields('log-shipper', false) }, 'f:dnsPolicy': {}, 'f:enableServiceLinks': {}, 'f:restartPolicy': {}, 'f:schedulerName': {}, 'f:securityContext': {}, 'f:terminationGracePeriodSeconds': {}, 'f:volumes': { '.': {}, 'k:{"name":"config"}': { '.': {}, 'f:configMap': { '.': {}, 'f:defaultMode': {}, 'f:name': {} }, 'f:name': {} } } },
    },
    kubeletConditions: { 'k:{"type":"ContainersReady"}': { '.': {}, 'f:lastProbeTime': {}, 'f:lastTransitionTime': {}, 'f:status': {}, 'f:type': {} }, 'k:{"type":"Initialized"}': { '.': {}, 'f:lastProbeTime': {}, 'f:lastTransitionTime': {}, 'f:status': {}, 'f:type': {} }, 'k:{"type":"PodReadyToStartContainers"}': { '.': {}, 'f:lastProbeTime': {}, 'f:lastTransitionTime': {}, 'f:status': {}, 'f:type': {} }, 'k:{"type":"Ready"}': { '.': {}, 'f:lastProbeTime': {}, 'f:lastTransitionTime': {}, 'f:status': {}, 'f:type': {} } },
  };
}

/** What realisticPod derives from its input (a template passes placeholders here instead). */
export interface PodShapeDerived {
  /** `team` label: the namespace up to its first dash. */
  team: string;
  /** Name of the projected service-account volume. */
  tokenVolume: string;
  /** `imageID` of the app container. */
  appImageId: string;
}

export function deriveShape(p: Pick<PodShapeInput, 'namespace' | 'hash' | 'image'>): PodShapeDerived {
  return { team: p.namespace.split('-')[0], tokenVolume: `kube-api-access-${p.hash.slice(0, 5)}`, appImageId: `${p.image.split(':')[0]}@sha256:${hex64(p.image)}` };
}

export function realisticPod(p: PodShapeInput, d: PodShapeDerived = deriveShape(p)): KubeObject {
  const env = (extra: Array<Record<string, unknown>> = []) => [
    { name: 'APP_ENV', value: 'production' },
    { name: 'LOG_LEVEL', value: 'info' },
    { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
    { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } } },
    ...extra,
  ];
  const mounts = (name: string) => [
    { name: 'config', mountPath: name === 'app' ? '/etc/app' : '/fluent-bit/etc', readOnly: true },
    { name: d.tokenVolume, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true },
  ];
  const cid = (c: string) => `containerd://${p.containerIds?.[c === 'app' ? 0 : 1] ?? hex64(`${p.uid}/${c}`)}`;
  const cond = (type: string, t: string) => ({ type, status: 'True', lastProbeTime: null, lastTransitionTime: t });
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: p.name,
      generateName: `${p.rsName}-`,
      namespace: p.namespace,
      uid: p.uid,
      creationTimestamp: p.created,
      labels: { 'app.kubernetes.io/name': p.app, 'app.kubernetes.io/part-of': p.namespace, 'pod-template-hash': p.hash, team: d.team },
      annotations: { 'prometheus.io/port': '8080', 'prometheus.io/scrape': 'true' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: p.rsName, uid: p.rsUid, controller: true, blockOwnerDeletion: true }],
      managedFields: managedFields(p),
    },
    spec: {
      volumes: [
        { name: 'config', configMap: { name: `${p.app}-config`, defaultMode: 420 } },
        {
          name: d.tokenVolume,
          projected: {
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
              { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
              { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
            ],
            defaultMode: 420,
          },
        },
      ],
      containers: [
        {
          name: 'app', image: p.image, ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }], env: env([{ name: 'GOMAXPROCS', value: '2' }]),
          resources: { limits: { memory: '256Mi' }, requests: { cpu: '50m', memory: '128Mi' } },
          volumeMounts: mounts('app'),
          readinessProbe: { httpGet: { path: '/healthz', port: 'http', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
          terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', imagePullPolicy: 'IfNotPresent',
        },
        {
          name: 'log-shipper', image: 'cr.fluentbit.io/fluent/fluent-bit:3.1.9', env: env(),
          resources: { limits: { memory: '64Mi' }, requests: { cpu: '10m', memory: '32Mi' } },
          volumeMounts: mounts('log-shipper'),
          terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', imagePullPolicy: 'IfNotPresent',
        },
      ],
      restartPolicy: 'Always', terminationGracePeriodSeconds: 30, dnsPolicy: 'ClusterFirst', serviceAccountName: 'default', serviceAccount: 'default',
      nodeName: p.node, securityContext: {}, schedulerName: 'default-scheduler',
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
      priority: 0, enableServiceLinks: true, preemptionPolicy: 'PreemptLowerPriority',
    },
    status: {
      phase: 'Running',
      conditions: [cond('PodReadyToStartContainers', p.started), cond('Initialized', p.created), cond('Ready', p.started), cond('ContainersReady', p.started), cond('PodScheduled', p.created)],
      hostIP: p.hostIP, hostIPs: [{ ip: p.hostIP }], podIP: p.podIP, podIPs: [{ ip: p.podIP }], startTime: p.created,
      containerStatuses: [
        { name: 'app', state: { running: { startedAt: p.started } }, lastState: {}, ready: true, restartCount: p.seq % 17 === 0 ? 1 : 0, image: p.image, imageID: d.appImageId, containerID: cid('app'), started: true },
        { name: 'log-shipper', state: { running: { startedAt: p.started } }, lastState: {}, ready: true, restartCount: 0, image: 'cr.fluentbit.io/fluent/fluent-bit:3.1.9', imageID: `cr.fluentbit.io/fluent/fluent-bit@sha256:${hex64('fluent-bit')}`, containerID: cid('log-shipper'), started: true },
      ],
      qosClass: 'Burstable',
    },
  };
}
