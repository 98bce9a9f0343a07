/**
 * Defaulting as kube-apiserver does it on decode (plus the admission plug-ins every cluster
 * runs: ServiceAccount, DefaultTolerationSeconds). Mutates the object in place.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { KubeObject } from '../types';

export interface DefaultingEnv {
  /** Allocates the next free ClusterIP. */
  allocateClusterIP(): string;
  /** Allocates the next free NodePort. */
  allocateNodePort(): number;
  /** True on create (admission defaults apply), false on update. */
  creating: boolean;
  /** Random suffix for generated names. */
  randomSuffix(): string;
}

function setDefault(o: any, key: string, value: unknown): void {
  if (o[key] === undefined || o[key] === null) o[key] = value;
}

function defaultContainer(c: any): void {
  setDefault(c, 'terminationMessagePath', '/dev/termination-log');
  setDefault(c, 'terminationMessagePolicy', 'File');
  if (!c.imagePullPolicy) {
    const image = String(c.image ?? '');
    const lastSegment = image.slice(image.lastIndexOf('/') + 1);
    const tag = image.includes('@') ? 'digest' : lastSegment.includes(':') ? lastSegment.slice(lastSegment.indexOf(':') + 1) : 'latest';
    c.imagePullPolicy = tag === 'latest' ? 'Always' : 'IfNotPresent';
  }
  setDefault(c, 'resources', {});
  for (const p of c.ports ?? []) setDefault(p, 'protocol', 'TCP');
  for (const probe of [c.livenessProbe, c.readinessProbe, c.startupProbe]) {
    if (!probe) continue;
    setDefault(probe, 'timeoutSeconds', 1);
    setDefault(probe, 'periodSeconds', 10);
    setDefault(probe, 'successThreshold', 1);
    setDefault(probe, 'failureThreshold', 3);
    if (probe.httpGet) setDefault(probe.httpGet, 'scheme', 'HTTP');
    if (probe.httpGet) setDefault(probe.httpGet, 'path', '/');
  }
  for (const e of c.env ?? []) {
    if (e.valueFrom?.fieldRef) setDefault(e.valueFrom.fieldRef, 'apiVersion', 'v1');
  }
}

/** Defaults a PodSpec (also used inside templates). */
export function defaultPodSpec(spec: any): void {
  if (!spec || typeof spec !== 'object') return;
  setDefault(spec, 'restartPolicy', 'Always');
  setDefault(spec, 'terminationGracePeriodSeconds', 30);
  setDefault(spec, 'dnsPolicy', 'ClusterFirst');
  setDefault(spec, 'securityContext', {});
  setDefault(spec, 'schedulerName', 'default-scheduler');
  for (const c of spec.initContainers ?? []) defaultContainer(c);
  for (const c of spec.containers ?? []) defaultContainer(c);
  for (const v of spec.volumes ?? []) {
    if (v.configMap) setDefault(v.configMap, 'defaultMode', 420);
    if (v.secret) setDefault(v.secret, 'defaultMode', 420);
    if (v.projected) setDefault(v.projected, 'defaultMode', 420);
    if (v.hostPath) setDefault(v.hostPath, 'type', '');
    if (v.emptyDir === null) v.emptyDir = {};
  }
}

function defaultTemplate(tpl: any): void {
  if (!tpl || typeof tpl !== 'object') return;
  setDefault(tpl, 'metadata', {});
  if (tpl.metadata && tpl.metadata.creationTimestamp === undefined) tpl.metadata.creationTimestamp = null;
  defaultPodSpec(tpl.spec);
}

function qosClass(spec: any): string {
  const containers = [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])];
  let anySet = false;
  let guaranteed = containers.length > 0;
  for (const c of containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    if (Object.keys(req).length || Object.keys(lim).length) anySet = true;
    for (const r of ['cpu', 'memory']) {
      if (lim[r] === undefined || (req[r] !== undefined && String(req[r]) !== String(lim[r]))) guaranteed = false;
    }
  }
  if (!anySet) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

function defaultPod(o: any, env: DefaultingEnv): void {
  const spec = (o.spec ??= {});
  // Requests default to limits when only limits are given.
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    if (c.resources?.limits && !c.resources.requests) c.resources.requests = { ...c.resources.limits };
  }
  defaultPodSpec(spec);
  setDefault(spec, 'enableServiceLinks', true);
  setDefault(spec, 'preemptionPolicy', 'PreemptLowerPriority');
  setDefault(spec, 'priority', 0);
  if (env.creating) {
    // ServiceAccount admission: default account and the projected API token volume.
    setDefault(spec, 'serviceAccountName', 'default');
    spec.serviceAccount = spec.serviceAccountName;
    if (spec.automountServiceAccountToken !== false && !(spec.volumes ?? []).some((v: any) => String(v.name).startsWith('kube-api-access-'))) {
      const volName = `kube-api-access-${env.randomSuffix()}`;
      spec.volumes = [
        ...(spec.volumes ?? []),
        {
          name: volName,
          projected: {
            defaultMode: 420,
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
              { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
              { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
            ],
          },
        },
      ];
      for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
        c.volumeMounts = [...(c.volumeMounts ?? []), { name: volName, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }];
      }
    }
    // DefaultTolerationSeconds admission.
    const tol = (spec.tolerations ??= []);
    for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
      if (!tol.some((t: any) => t.key === key)) tol.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
    }
    o.status = { phase: 'Pending', qosClass: qosClass(spec) };
  }
}

function defaultService(o: any, env: DefaultingEnv): void {
  const spec = (o.spec ??= {});
  setDefault(spec, 'type', 'ClusterIP');
  setDefault(spec, 'sessionAffinity', 'None');
  if (spec.type !== 'ExternalName') {
    if (!spec.clusterIP) spec.clusterIP = env.allocateClusterIP();
    setDefault(spec, 'clusterIPs', [spec.clusterIP]);
    setDefault(spec, 'ipFamilies', ['IPv4']);
    setDefault(spec, 'ipFamilyPolicy', 'SingleStack');
    setDefault(spec, 'internalTrafficPolicy', 'Cluster');
  }
  for (const p of spec.ports ?? []) {
    setDefault(p, 'protocol', 'TCP');
    setDefault(p, 'targetPort', p.port);
    if ((spec.type === 'NodePort' || spec.type === 'LoadBalancer') && !p.nodePort) p.nodePort = env.allocateNodePort();
  }
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') setDefault(spec, 'externalTrafficPolicy', 'Cluster');
  if (spec.type === 'LoadBalancer') setDefault(spec, 'allocateLoadBalancerNodePorts', true);
  o.status ??= { loadBalancer: {} };
}

function defaultJobSpec(spec: any, uid: string | undefined, name: string | undefined): void {
  setDefault(spec, 'parallelism', 1);
  setDefault(spec, 'completions', spec.completionMode === 'Indexed' ? spec.completions : 1);
  setDefault(spec, 'backoffLimit', 6);
  setDefault(spec, 'completionMode', 'NonIndexed');
  setDefault(spec, 'suspend', false);
  setDefault(spec, 'podReplacementPolicy', 'TerminatingOrFailed');
  if (uid && !spec.manualSelector) {
    // The Job strategy generates a selector on the job's uid and labels the template with it.
    spec.selector ??= { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } };
    const tpl = (spec.template ??= {});
    tpl.metadata ??= {};
    tpl.metadata.labels = {
      'batch.kubernetes.io/controller-uid': uid,
      'batch.kubernetes.io/job-name': name,
      'controller-uid': uid,
      'job-name': name,
      ...(tpl.metadata.labels ?? {}),
    };
  }
  defaultTemplate(spec.template);
}

/** Applies all defaults for `kind` to `o`. */
export function applyDefaults(kind: string, o: KubeObject, env: DefaultingEnv): void {
  const x = o as any;
  switch (kind) {
    case 'Pod':
      defaultPod(x, env);
      break;
    case 'Service':
      defaultService(x, env);
      break;
    case 'Namespace':
      x.spec ??= {};
      x.spec.finalizers ??= ['kubernetes'];
      x.status ??= { phase: 'Active' };
      x.metadata.labels = { ...(x.metadata.labels ?? {}), 'kubernetes.io/metadata.name': x.metadata.name };
      break;
    case 'Deployment': {
      const spec = (x.spec ??= {});
      setDefault(spec, 'replicas', 1);
      spec.strategy ??= {};
      setDefault(spec.strategy, 'type', 'RollingUpdate');
      if (spec.strategy.type === 'RollingUpdate') {
        spec.strategy.rollingUpdate ??= {};
        setDefault(spec.strategy.rollingUpdate, 'maxUnavailable', '25%');
        setDefault(spec.strategy.rollingUpdate, 'maxSurge', '25%');
      }
      setDefault(spec, 'revisionHistoryLimit', 10);
      setDefault(spec, 'progressDeadlineSeconds', 600);
      defaultTemplate(spec.template);
      break;
    }
    case 'ReplicaSet':
    case 'ReplicationController':
      x.spec ??= {};
      setDefault(x.spec, 'replicas', 1);
      defaultTemplate(x.spec.template);
      break;
    case 'StatefulSet': {
      const spec = (x.spec ??= {});
      setDefault(spec, 'replicas', 1);
      setDefault(spec, 'podManagementPolicy', 'OrderedReady');
      spec.updateStrategy ??= { type: 'RollingUpdate' };
      if (spec.updateStrategy.type === 'RollingUpdate') spec.updateStrategy.rollingUpdate ??= { partition: 0 };
      setDefault(spec, 'revisionHistoryLimit', 10);
      setDefault(spec, 'persistentVolumeClaimRetentionPolicy', { whenDeleted: 'Retain', whenScaled: 'Retain' });
      for (const pvc of spec.volumeClaimTemplates ?? []) {
        pvc.apiVersion ??= 'v1';
        pvc.kind ??= 'PersistentVolumeClaim';
        pvc.spec ??= {};
        setDefault(pvc.spec, 'volumeMode', 'Filesystem');
        pvc.status ??= { phase: 'Pending' };
      }
      defaultTemplate(spec.template);
      break;
    }
    case 'DaemonSet': {
      const spec = (x.spec ??= {});
      spec.updateStrategy ??= { type: 'RollingUpdate' };
      if (spec.updateStrategy.type === 'RollingUpdate') {
        spec.updateStrategy.rollingUpdate ??= {};
        setDefault(spec.updateStrategy.rollingUpdate, 'maxUnavailable', 1);
        setDefault(spec.updateStrategy.rollingUpdate, 'maxSurge', 0);
      }
      setDefault(spec, 'revisionHistoryLimit', 10);
      defaultTemplate(spec.template);
      break;
    }
    case 'Job':
      defaultJobSpec((x.spec ??= {}), env.creating ? x.metadata.uid : undefined, x.metadata.name);
      break;
    case 'CronJob': {
      const spec = (x.spec ??= {});
      setDefault(spec, 'concurrencyPolicy', 'Allow');
      setDefault(spec, 'suspend', false);
      setDefault(spec, 'successfulJobsHistoryLimit', 3);
      setDefault(spec, 'failedJobsHistoryLimit', 1);
      const jt = (spec.jobTemplate ??= {});
      jt.metadata ??= { creationTimestamp: null };
      jt.spec ??= {};
      defaultJobSpec(jt.spec, undefined, undefined);
      break;
    }
    case 'Secret':
      setDefault(x, 'type', 'Opaque');
      if (x.stringData && typeof x.stringData === 'object') {
        x.data ??= {};
        for (const [k, v] of Object.entries(x.stringData)) x.data[k] = Buffer.from(String(v), 'utf8').toString('base64');
        delete x.stringData;
      }
      break;
    case 'PersistentVolumeClaim':
      x.spec ??= {};
      setDefault(x.spec, 'volumeMode', 'Filesystem');
      if (env.creating) x.status ??= { phase: 'Pending' };
      break;
    case 'PersistentVolume':
      x.spec ??= {};
      setDefault(x.spec, 'persistentVolumeReclaimPolicy', 'Retain');
      setDefault(x.spec, 'volumeMode', 'Filesystem');
      if (env.creating) x.status ??= { phase: 'Pending' };
      break;
    case 'StorageClass':
      setDefault(x, 'reclaimPolicy', 'Delete');
      setDefault(x, 'volumeBindingMode', 'Immediate');
      break;
    case 'HorizontalPodAutoscaler':
      x.spec ??= {};
      setDefault(x.spec, 'minReplicas', 1);
      break;
    case 'Ingress':
      if (env.creating) x.status ??= { loadBalancer: {} };
      break;
    case 'NetworkPolicy':
      x.spec ??= {};
      setDefault(x.spec, 'policyTypes', x.spec.egress ? ['Ingress', 'Egress'] : ['Ingress']);
      break;
    case 'PodDisruptionBudget':
      if (env.creating) x.status ??= { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 };
      break;
    case 'EndpointSlice':
      for (const p of x.ports ?? []) setDefault(p, 'protocol', 'TCP');
      break;
    default:
      break;
  }
}
