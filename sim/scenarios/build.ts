/**
 * Small builders for scenario objects, so the demo cluster reads like the manifests a team
 * would write (Deployment + Service + probes + resources), not like nested JSON.
 */
import type { KubeObject } from '../types';

export type Labels = Record<string, string>;

export interface ContainerOptions {
  name?: string;
  image: string;
  port?: number;
  portName?: string;
  cpu?: string;
  memory?: string;
  cpuLimit?: string;
  memoryLimit?: string;
  env?: Record<string, string>;
  envFrom?: Array<{ configMapRef?: { name: string }; secretRef?: { name: string } }>;
  args?: string[];
  command?: string[];
  /** HTTP readiness/liveness path on `port`. */
  probePath?: string;
  volumeMounts?: Array<{ name: string; mountPath: string; readOnly?: boolean }>;
}

export function container(o: ContainerOptions): Record<string, unknown> {
  const c: Record<string, unknown> = { name: o.name ?? 'app', image: o.image };
  if (o.command) c.command = o.command;
  if (o.args) c.args = o.args;
  if (o.port) c.ports = [{ name: o.portName ?? 'http', containerPort: o.port, protocol: 'TCP' }];
  if (o.env) c.env = Object.entries(o.env).map(([name, value]) => ({ name, value }));
  if (o.envFrom) c.envFrom = o.envFrom;
  const requests: Record<string, string> = {};
  const limits: Record<string, string> = {};
  if (o.cpu) requests.cpu = o.cpu;
  if (o.memory) requests.memory = o.memory;
  if (o.cpuLimit) limits.cpu = o.cpuLimit;
  if (o.memoryLimit ?? o.memory) limits.memory = o.memoryLimit ?? o.memory!;
  if (Object.keys(requests).length || Object.keys(limits).length) c.resources = { requests, limits };
  if (o.probePath && o.port) {
    c.readinessProbe = { httpGet: { path: o.probePath, port: o.portName ?? 'http' }, initialDelaySeconds: 3, periodSeconds: 10, failureThreshold: 3 };
    c.livenessProbe = { httpGet: { path: o.probePath, port: o.portName ?? 'http' }, initialDelaySeconds: 15, periodSeconds: 20, failureThreshold: 3 };
  }
  if (o.volumeMounts) c.volumeMounts = o.volumeMounts;
  return c;
}

export interface WorkloadOptions {
  namespace: string;
  name: string;
  labels?: Labels;
  annotations?: Record<string, string>;
  podAnnotations?: Record<string, string>;
  replicas?: number;
  containers: Array<Record<string, unknown>>;
  initContainers?: Array<Record<string, unknown>>;
  serviceAccountName?: string;
  volumes?: Array<Record<string, unknown>>;
  tolerations?: Array<Record<string, unknown>>;
  nodeSelector?: Labels;
  hostNetwork?: boolean;
  priorityClassName?: string;
}

function podTemplate(o: WorkloadOptions, selector: Labels): Record<string, unknown> {
  const spec: Record<string, unknown> = { containers: o.containers };
  if (o.initContainers) spec.initContainers = o.initContainers;
  if (o.serviceAccountName) spec.serviceAccountName = o.serviceAccountName;
  if (o.volumes) spec.volumes = o.volumes;
  if (o.tolerations) spec.tolerations = o.tolerations;
  if (o.nodeSelector) spec.nodeSelector = o.nodeSelector;
  if (o.hostNetwork) spec.hostNetwork = true;
  if (o.priorityClassName) spec.priorityClassName = o.priorityClassName;
  return { metadata: { labels: { ...selector, ...(o.labels ?? {}) }, ...(o.podAnnotations ? { annotations: o.podAnnotations } : {}) }, spec };
}

const appLabels = (o: WorkloadOptions) => ({ 'app.kubernetes.io/name': o.name, ...(o.labels ?? {}) });

export function deployment(o: WorkloadOptions): KubeObject {
  const selector = { 'app.kubernetes.io/name': o.name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: o.name, namespace: o.namespace, labels: appLabels(o), ...(o.annotations ? { annotations: o.annotations } : {}) },
    spec: { replicas: o.replicas ?? 1, selector: { matchLabels: selector }, template: podTemplate(o, selector) },
  };
}

export function daemonSet(o: WorkloadOptions): KubeObject {
  const selector = { 'app.kubernetes.io/name': o.name };
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: o.name, namespace: o.namespace, labels: appLabels(o) },
    spec: { selector: { matchLabels: selector }, template: podTemplate(o, selector), updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } } },
  };
}

export function statefulSet(o: WorkloadOptions & { serviceName: string; claims?: Array<{ name: string; size: string; storageClassName?: string }> }): KubeObject {
  const selector = { 'app.kubernetes.io/name': o.name };
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: o.name, namespace: o.namespace, labels: appLabels(o) },
    spec: {
      replicas: o.replicas ?? 1,
      serviceName: o.serviceName,
      selector: { matchLabels: selector },
      template: podTemplate(o, selector),
      volumeClaimTemplates: (o.claims ?? []).map((c) => ({
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: c.name },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: c.size } }, ...(c.storageClassName ? { storageClassName: c.storageClassName } : {}) },
      })),
    },
  };
}

export function service(namespace: string, name: string, ports: Array<{ name?: string; port: number; targetPort?: number | string; protocol?: string }>, opts: { selector?: Labels; headless?: boolean; type?: string; clusterIP?: string; labels?: Labels } = {}): KubeObject {
  const spec: Record<string, unknown> = {
    selector: opts.selector ?? { 'app.kubernetes.io/name': name },
    ports: ports.map((p) => ({ name: p.name ?? 'http', port: p.port, targetPort: p.targetPort ?? p.port, protocol: p.protocol ?? 'TCP' })),
    type: opts.type ?? 'ClusterIP',
  };
  if (opts.headless) spec.clusterIP = 'None';
  if (opts.clusterIP) spec.clusterIP = opts.clusterIP;
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace, labels: { 'app.kubernetes.io/name': name, ...(opts.labels ?? {}) } }, spec };
}

export function configMap(namespace: string, name: string, data: Record<string, string>, labels?: Labels): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace, ...(labels ? { labels } : {}) }, data };
}

export function secret(namespace: string, name: string, stringData: Record<string, string>, type = 'Opaque'): KubeObject {
  const data = Object.fromEntries(Object.entries(stringData).map(([k, v]) => [k, Buffer.from(v).toString('base64')]));
  return { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace }, type, data };
}

export function cronJob(namespace: string, name: string, schedule: string, c: Record<string, unknown>, podAnnotations: Record<string, string> = {}): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name, namespace, labels: { 'app.kubernetes.io/name': name } },
    spec: {
      schedule,
      concurrencyPolicy: 'Forbid',
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
      jobTemplate: {
        spec: {
          backoffLimit: 2,
          template: { metadata: { labels: { 'app.kubernetes.io/name': name }, annotations: podAnnotations }, spec: { restartPolicy: 'OnFailure', containers: [c] } },
        },
      },
    },
  };
}

export function ingress(namespace: string, name: string, host: string, paths: Array<{ path: string; service: string; port: number }>, tlsSecret?: string): KubeObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name, namespace, annotations: { 'nginx.ingress.kubernetes.io/proxy-body-size': '8m', 'cert-manager.io/cluster-issuer': 'letsencrypt-prod' } },
    spec: {
      ingressClassName: 'nginx',
      ...(tlsSecret ? { tls: [{ hosts: [host], secretName: tlsSecret }] } : {}),
      rules: [{ host, http: { paths: paths.map((p) => ({ path: p.path, pathType: 'Prefix', backend: { service: { name: p.service, port: { number: p.port } } } })) } }],
    },
  };
}

export function pvc(namespace: string, name: string, size: string, storageClassName?: string, accessModes = ['ReadWriteOnce']): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace },
    spec: { accessModes, resources: { requests: { storage: size } }, ...(storageClassName ? { storageClassName } : {}) },
  };
}
