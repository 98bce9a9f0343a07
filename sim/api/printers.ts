/**
 * Server-side printing: the Table columns kube-apiserver v1.32 serves for built-in kinds
 * (pkg/printers/internalversion), CRD additionalPrinterColumns, and the generic fallback.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { PrinterColumn, ResourceType } from '../types';
import { hpaV1ToV2 } from './hpaV1';

/** A cell that depends on the current time; rendered when the response is written. */
export class Since {
  constructor(public readonly ts: string | undefined, public readonly render: (age: string) => string = (a) => a) {}
}

export interface Column {
  name: string;
  type: string;
  format?: string;
  description: string;
  priority: number;
  cell: (o: any) => unknown;
}

/** duration.HumanDuration from k8s.io/apimachinery. */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) return hours % 24 === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${hours % 24}h`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.floor(hours / 24) % 365;
    return dy === 0 ? `${Math.floor(hours / 24 / 365)}y` : `${Math.floor(hours / 24 / 365)}y${dy}d`;
  }
  return `${Math.floor(hours / 24 / 365)}y`;
}

const NAME: Column = { name: 'Name', type: 'string', format: 'name', priority: 0, description: 'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names', cell: (o) => o.metadata?.name };
const AGE: Column = { name: 'Age', type: 'string', priority: 0, description: 'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata', cell: (o) => new Since(o.metadata?.creationTimestamp) };
const CREATED_AT: Column = { name: 'Created At', type: 'date', priority: 0, description: AGE.description, cell: (o) => o.metadata?.creationTimestamp };

const col = (name: string, type: string, description: string, cell: (o: any) => unknown, priority = 0): Column => ({ name, type, description, priority, cell });
const list = (v: unknown[] | undefined, none = '<none>') => (v && v.length ? v.join(',') : none);

function selectorText(sel: any): string {
  if (!sel) return '<none>';
  const parts = Object.entries(sel.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of sel.matchExpressions ?? []) {
    if (e.operator === 'In') parts.push(`${e.key} in (${(e.values ?? []).join(',')})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${(e.values ?? []).join(',')})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  return parts.length ? parts.join(',') : '<none>';
}
const containers = (tpl: any) => list((tpl?.spec?.containers ?? []).map((c: any) => c.name));
const images = (tpl: any) => list((tpl?.spec?.containers ?? []).map((c: any) => c.image));
const workloadWide = (tplOf: (o: any) => any): Column[] => [
  col('Containers', 'string', 'Names of each container in the template.', (o) => containers(tplOf(o)), 1),
  col('Images', 'string', 'Images referenced by each container in the template.', (o) => images(tplOf(o)), 1),
  col('Selector', 'string', 'Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.', (o) => selectorText(o.spec?.selector), 1),
];

/** printPod's STATUS column logic. */
export function podStatusReason(pod: any): string {
  let reason: string = pod.status?.reason || pod.status?.phase || 'Unknown';
  const spec = pod.spec ?? {};
  let initializing = false;
  const initStatuses: any[] = pod.status?.initContainerStatuses ?? [];
  initStatuses.forEach((c, i) => {
    if (initializing) return;
    const t = c.state?.terminated;
    if (t && t.exitCode === 0) return;
    const sidecar = (spec.initContainers ?? [])[i]?.restartPolicy === 'Always';
    if (sidecar && c.started) return;
    if (t) reason = t.reason ? `Init:${t.reason}` : t.signal ? `Init:Signal:${t.signal}` : `Init:ExitCode:${t.exitCode}`;
    else if (c.state?.waiting?.reason && c.state.waiting.reason !== 'PodInitializing') reason = `Init:${c.state.waiting.reason}`;
    else reason = `Init:${i}/${(spec.initContainers ?? []).length}`;
    initializing = true;
  });
  if (!initializing) {
    let hasRunning = false;
    const statuses: any[] = pod.status?.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
      else if (c.state?.terminated?.reason) reason = c.state.terminated.reason;
      else if (c.state?.terminated) reason = c.state.terminated.signal ? `Signal:${c.state.terminated.signal}` : `ExitCode:${c.state.terminated.exitCode}`;
      else if (c.ready && c.state?.running) hasRunning = true;
    }
    if (reason === 'Completed' && hasRunning) {
      const ready = (pod.status?.conditions ?? []).some((c: any) => c.type === 'Ready' && c.status === 'True');
      reason = ready ? 'Running' : 'NotReady';
    }
  }
  if (pod.metadata?.deletionTimestamp && pod.status?.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata?.deletionTimestamp) reason = 'Terminating';
  return reason;
}

function podRestarts(pod: any): unknown {
  let restarts = 0;
  let last: string | undefined;
  for (const c of [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])]) {
    restarts += c.restartCount ?? 0;
    const t = c.lastState?.terminated?.finishedAt;
    if (t && (!last || t > last)) last = t;
  }
  if (restarts && last) return new Since(last, (age) => `${restarts} (${age} ago)`);
  return String(restarts);
}

const podColumns: Column[] = [
  NAME,
  col('Ready', 'string', 'The aggregate readiness state of this pod for accepting traffic.', (o) => {
    const cs: any[] = o.status?.containerStatuses ?? [];
    return `${cs.filter((c) => c.ready).length}/${(o.spec?.containers ?? []).length}`;
  }),
  col('Status', 'string', 'The aggregate status of the containers in this pod.', podStatusReason),
  col('Restarts', 'string', 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.', podRestarts),
  AGE,
  col('IP', 'string', 'IP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.', (o) => o.status?.podIP || '<none>', 1),
  col('Node', 'string', 'NodeName is a request to schedule this pod onto a specific node. If it is non-empty, the scheduler simply schedules this pod onto that node, assuming that it fits resource requirements.', (o) => o.spec?.nodeName || '<none>', 1),
  col('Nominated Node', 'string', 'nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods.', (o) => o.status?.nominatedNodeName || '<none>', 1),
  col('Readiness Gates', 'string', 'If specified, all readiness gates will be evaluated for pod readiness.', (o) => {
    const gates: any[] = o.spec?.readinessGates ?? [];
    if (!gates.length) return '<none>';
    const ok = gates.filter((g) => (o.status?.conditions ?? []).some((c: any) => c.type === g.conditionType && c.status === 'True')).length;
    return `${ok}/${gates.length}`;
  }, 1),
];

function servicePorts(o: any): string {
  const ports: any[] = o.spec?.ports ?? [];
  if (!ports.length) return '<none>';
  return ports.map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`)).join(',');
}

function externalIP(o: any): string {
  const type = o.spec?.type;
  const ext: string[] = o.spec?.externalIPs ?? [];
  if (type === 'ExternalName') return o.spec?.externalName ?? '<none>';
  if (type === 'LoadBalancer') {
    const ing: any[] = o.status?.loadBalancer?.ingress ?? [];
    const all = [...ing.map((i) => i.ip || i.hostname), ...ext].filter(Boolean);
    return all.length ? all.join(',') : '<pending>';
  }
  return ext.length ? ext.join(',') : '<none>';
}

function nodeStatus(o: any): string {
  const ready = (o.status?.conditions ?? []).find((c: any) => c.type === 'Ready');
  const parts = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (o.spec?.unschedulable) parts.push('SchedulingDisabled');
  return parts.join(',');
}

function nodeRoles(o: any): string {
  const roles = Object.keys(o.metadata?.labels ?? {})
    .filter((k) => k.startsWith('node-role.kubernetes.io/'))
    .map((k) => k.slice('node-role.kubernetes.io/'.length))
    .filter(Boolean);
  if (o.metadata?.labels?.['kubernetes.io/role']) roles.push(o.metadata.labels['kubernetes.io/role']);
  return roles.length ? roles.sort().join(',') : '<none>';
}

const address = (o: any, type: string) => (o.status?.addresses ?? []).find((a: any) => a.type === type)?.address ?? '<none>';

function jobStatus(o: any): string {
  const conds: any[] = o.status?.conditions ?? [];
  const has = (t: string) => conds.some((c) => c.type === t && c.status === 'True');
  if (has('Complete')) return 'Complete';
  if (has('Failed')) return 'Failed';
  if (o.metadata?.deletionTimestamp) return 'Terminating';
  if (has('SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  if (has('FailureTarget')) return 'FailureTarget';
  if (has('Suspended')) return 'Suspended';
  return 'Running';
}

function jobDuration(o: any): unknown {
  const start = o.status?.startTime;
  if (!start) return '';
  const end = o.status?.completionTime;
  if (end) return humanDuration(Date.parse(end) - Date.parse(start));
  return new Since(start);
}

function eventObject(o: any): string {
  return `${String(o.involvedObject?.kind ?? '').toLowerCase()}/${o.involvedObject?.name ?? ''}`;
}

const accessModes = (modes: string[] | undefined) =>
  (modes ?? []).map((m) => ({ ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' } as Record<string, string>)[m] ?? m).join(',');

function bindingSubjects(o: any, kind: string): string {
  const s = (o.subjects ?? []).filter((x: any) => x.kind === kind).map((x: any) => (kind === 'ServiceAccount' ? `${x.namespace ?? ''}/${x.name}` : x.name));
  return s.length ? s.join(', ') : '';
}

const printers: Record<string, Column[]> = {
  pods: podColumns,
  namespaces: [NAME, col('Status', 'string', 'The status of the namespace', (o) => o.status?.phase ?? 'Active'), AGE],
  nodes: [
    NAME,
    col('Status', 'string', 'The status of the node', nodeStatus),
    col('Roles', 'string', 'The roles of the node', nodeRoles),
    AGE,
    col('Version', 'string', 'Kubelet Version reported by the node.', (o) => o.status?.nodeInfo?.kubeletVersion ?? ''),
    col('Internal-IP', 'string', 'List of addresses reachable to the node. Queried from cloud provider, if available.', (o) => address(o, 'InternalIP'), 1),
    col('External-IP', 'string', 'List of addresses reachable to the node. Queried from cloud provider, if available.', (o) => address(o, 'ExternalIP'), 1),
    col('OS-Image', 'string', 'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).', (o) => o.status?.nodeInfo?.osImage ?? '<unknown>', 1),
    col('Kernel-Version', 'string', "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).", (o) => o.status?.nodeInfo?.kernelVersion ?? '<unknown>', 1),
    col('Container-Runtime', 'string', 'ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).', (o) => o.status?.nodeInfo?.containerRuntimeVersion ?? '<unknown>', 1),
  ],
  services: [
    NAME,
    col('Type', 'string', 'The type of the service.', (o) => o.spec?.type ?? 'ClusterIP'),
    col('Cluster-IP', 'string', 'The cluster IP assigned to the service.', (o) => o.spec?.clusterIP || '<none>'),
    col('External-IP', 'string', 'The external IP of the service.', externalIP),
    col('Port(s)', 'string', 'The ports the service exposes.', servicePorts),
    AGE,
    col('Selector', 'string', 'Route service traffic to pods with label keys and values matching this selector.', (o) => (o.spec?.selector ? Object.entries(o.spec.selector).map(([k, v]) => `${k}=${v}`).join(',') : '<none>'), 1),
  ],
  endpoints: [
    NAME,
    col('Endpoints', 'string', 'Endpoints of this service.', (o) => {
      const eps: string[] = [];
      for (const s of o.subsets ?? []) for (const a of s.addresses ?? []) for (const p of s.ports ?? [{}]) eps.push(p.port ? `${a.ip}:${p.port}` : a.ip);
      if (!eps.length) return '<none>';
      return eps.length > 3 ? `${eps.slice(0, 3).join(',')} + ${eps.length - 3} more...` : eps.join(',');
    }),
    AGE,
  ],
  'endpointslices.discovery.k8s.io': [
    NAME,
    col('AddressType', 'string', 'The IP protocol for this slice', (o) => o.addressType ?? ''),
    col('Ports', 'string', 'The ports exposed', (o) => list((o.ports ?? []).map((p: any) => p.port), '<unset>')),
    col('Endpoints', 'string', 'The endpoints of this slice', (o) => {
      const a = (o.endpoints ?? []).flatMap((e: any) => e.addresses ?? []);
      if (!a.length) return '<unset>';
      return a.length > 3 ? `${a.slice(0, 3).join(',')} + ${a.length - 3} more...` : a.join(',');
    }),
    AGE,
  ],
  configmaps: [NAME, col('Data', 'integer', 'Number of data entries', (o) => Object.keys(o.data ?? {}).length + Object.keys(o.binaryData ?? {}).length), AGE],
  secrets: [NAME, col('Type', 'string', 'The type of the secret', (o) => o.type ?? 'Opaque'), col('Data', 'integer', 'Number of data entries', (o) => Object.keys(o.data ?? {}).length), AGE],
  serviceaccounts: [NAME, col('Secrets', 'integer', 'Number of secrets', (o) => (o.secrets ?? []).length), AGE],
  events: [
    col('Last Seen', 'string', 'Time of the last occurrence', (o) => new Since(o.lastTimestamp ?? o.eventTime ?? o.metadata?.creationTimestamp)),
    col('Type', 'string', 'Type of this event (Normal, Warning), new types could be added in the future.', (o) => o.type ?? ''),
    col('Reason', 'string', 'This should be a short, machine understandable string that gives the reason for the transition into the object\'s current status.', (o) => o.reason ?? ''),
    col('Object', 'string', 'The object this Event is about.', eventObject),
    col('Subobject', 'string', 'The subobject this Event is about.', (o) => o.involvedObject?.fieldPath ?? '', 1),
    col('Source', 'string', 'The component reporting this event. Should be a short machine understandable string.', (o) => [o.source?.component, o.source?.host].filter(Boolean).join(', '), 1),
    col('Message', 'string', 'A human-readable description of the status of this operation.', (o) => o.message ?? ''),
    col('First Seen', 'string', 'The time at which the event was first recorded.', (o) => new Since(o.firstTimestamp ?? o.metadata?.creationTimestamp), 1),
    col('Count', 'string', 'The number of times this event has occurred.', (o) => String(o.count ?? 1), 1),
    { ...NAME, priority: 1 },
  ],
  'deployments.apps': [
    NAME,
    col('Ready', 'string', 'Number of the pod with ready state', (o) => `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}`),
    col('Up-to-date', 'string', 'Total number of non-terminated pods targeted by this deployment that have the desired template spec.', (o) => o.status?.updatedReplicas ?? 0),
    col('Available', 'string', 'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.', (o) => o.status?.availableReplicas ?? 0),
    AGE,
    ...workloadWide((o) => o.spec?.template),
  ],
  'replicasets.apps': [
    NAME,
    col('Desired', 'integer', 'Number of desired pods.', (o) => o.spec?.replicas ?? 0),
    col('Current', 'integer', 'Number of actual replicas.', (o) => o.status?.replicas ?? 0),
    col('Ready', 'integer', 'The number of ready replicas for this replica set.', (o) => o.status?.readyReplicas ?? 0),
    AGE,
    ...workloadWide((o) => o.spec?.template),
  ],
  'statefulsets.apps': [
    NAME,
    col('Ready', 'string', 'Number of the pod with ready state', (o) => `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}`),
    AGE,
    ...workloadWide((o) => o.spec?.template).slice(0, 2),
  ],
  'daemonsets.apps': [
    NAME,
    col('Desired', 'integer', 'The total number of nodes that should be running the daemon pod.', (o) => o.status?.desiredNumberScheduled ?? 0),
    col('Current', 'integer', 'The number of nodes running at least one daemon pod and are supposed to.', (o) => o.status?.currentNumberScheduled ?? 0),
    col('Ready', 'integer', 'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and ready.', (o) => o.status?.numberReady ?? 0),
    col('Up-to-date', 'integer', 'The total number of nodes that are running updated daemon pod.', (o) => o.status?.updatedNumberScheduled ?? 0),
    col('Available', 'integer', 'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available.', (o) => o.status?.numberAvailable ?? 0),
    col('Node Selector', 'string', 'NodeSelector is a selector which must be true for the pod to fit on a node.', (o) => (o.spec?.template?.spec?.nodeSelector ? Object.entries(o.spec.template.spec.nodeSelector).map(([k, v]) => `${k}=${v}`).join(',') : '<none>')),
    AGE,
    ...workloadWide((o) => o.spec?.template),
  ],
  'jobs.batch': [
    NAME,
    col('Status', 'string', 'Status of the job.', jobStatus),
    col('Completions', 'string', 'The completion status of the job.', (o) => (o.spec?.completions !== undefined && o.spec?.completions !== null ? `${o.status?.succeeded ?? 0}/${o.spec.completions}` : `${o.status?.succeeded ?? 0}/1 of ${o.spec?.parallelism ?? 1}`)),
    col('Duration', 'string', 'Time required to complete the job.', jobDuration),
    AGE,
    ...workloadWide((o) => o.spec?.template),
  ],
  'cronjobs.batch': [
    NAME,
    col('Schedule', 'string', 'The schedule in Cron format.', (o) => o.spec?.schedule ?? ''),
    col('Timezone', 'string', 'The timezone for the given schedule.', (o) => o.spec?.timeZone ?? '<none>'),
    col('Suspend', 'boolean', 'This flag tells the controller to suspend subsequent executions.', (o) => !!o.spec?.suspend),
    col('Active', 'integer', 'A list of pointers to currently running jobs.', (o) => (o.status?.active ?? []).length),
    col('Last Schedule', 'string', 'Information when was the last time the job was successfully scheduled.', (o) => (o.status?.lastScheduleTime ? new Since(o.status.lastScheduleTime) : '<none>')),
    AGE,
    ...workloadWide((o) => o.spec?.jobTemplate?.spec?.template),
  ],
  persistentvolumes: [
    NAME,
    col('Capacity', 'string', 'Capacity of the volume', (o) => o.spec?.capacity?.storage ?? ''),
    col('Access Modes', 'string', 'Access modes', (o) => accessModes(o.spec?.accessModes)),
    col('Reclaim Policy', 'string', 'Reclaim policy', (o) => o.spec?.persistentVolumeReclaimPolicy ?? ''),
    col('Status', 'string', 'Phase', (o) => o.status?.phase ?? ''),
    col('Claim', 'string', 'Bound claim', (o) => (o.spec?.claimRef ? `${o.spec.claimRef.namespace}/${o.spec.claimRef.name}` : '')),
    col('StorageClass', 'string', 'Storage class', (o) => o.spec?.storageClassName ?? ''),
    col('VolumeAttributesClass', 'string', 'VolumeAttributesClass', (o) => o.spec?.volumeAttributesClassName ?? '<unset>'),
    col('Reason', 'string', 'Reason', (o) => o.status?.reason ?? ''),
    AGE,
    col('VolumeMode', 'string', 'Volume mode', (o) => o.spec?.volumeMode ?? 'Filesystem', 1),
  ],
  persistentvolumeclaims: [
    NAME,
    col('Status', 'string', 'Phase', (o) => (o.metadata?.deletionTimestamp ? 'Terminating' : o.status?.phase ?? '')),
    col('Volume', 'string', 'Bound volume', (o) => o.spec?.volumeName ?? ''),
    col('Capacity', 'string', 'Capacity', (o) => o.status?.capacity?.storage ?? ''),
    col('Access Modes', 'string', 'Access modes', (o) => accessModes(o.status?.accessModes)),
    col('StorageClass', 'string', 'Storage class', (o) => o.spec?.storageClassName ?? ''),
    col('VolumeAttributesClass', 'string', 'VolumeAttributesClass', (o) => o.spec?.volumeAttributesClassName ?? '<unset>'),
    AGE,
    col('VolumeMode', 'string', 'Volume mode', (o) => o.spec?.volumeMode ?? 'Filesystem', 1),
  ],
  'storageclasses.storage.k8s.io': [
    { ...NAME, cell: (o) => (o.metadata?.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true' ? `${o.metadata.name} (default)` : o.metadata?.name) },
    col('Provisioner', 'string', 'Indicates the type of the provisioner.', (o) => o.provisioner ?? ''),
    col('ReclaimPolicy', 'string', 'Indicates the type of the reclaim policy.', (o) => o.reclaimPolicy ?? 'Delete'),
    col('VolumeBindingMode', 'string', 'Indicates the binding mode.', (o) => o.volumeBindingMode ?? 'Immediate'),
    col('AllowVolumeExpansion', 'string', 'Indicates whether volume expansion is allowed.', (o) => String(!!o.allowVolumeExpansion)),
    AGE,
  ],
  'ingresses.networking.k8s.io': [
    NAME,
    col('Class', 'string', 'The name of the IngressClass resource that should be used for ingress.', (o) => o.spec?.ingressClassName ?? '<none>'),
    col('Hosts', 'string', 'Hosts that incoming requests are matched against before the ingress rule', (o) => {
      const h = (o.spec?.rules ?? []).map((r: any) => r.host).filter(Boolean);
      return h.length ? h.join(',') : '*';
    }),
    col('Address', 'string', 'Address is a list containing ingress points for the load-balancer', (o) => (o.status?.loadBalancer?.ingress ?? []).map((i: any) => i.ip || i.hostname).join(',')),
    col('Ports', 'string', 'Ports of TLS configurations that open', (o) => (o.spec?.tls?.length ? '80, 443' : '80')),
    AGE,
  ],
  'networkpolicies.networking.k8s.io': [NAME, col('Pod-Selector', 'string', 'Selects the pods to which this NetworkPolicy object applies.', (o) => { const s = selectorText(o.spec?.podSelector); return s === '<none>' ? '<none>' : s; }), AGE],
  'horizontalpodautoscalers.autoscaling': [
    NAME,
    col('Reference', 'string', 'Reference to target resource', (o) => `${o.spec?.scaleTargetRef?.kind ?? ''}/${o.spec?.scaleTargetRef?.name ?? ''}`),
    col('Targets', 'string', 'Current and target utilization', (o) => {
      const metrics: any[] = o.spec?.metrics ?? [];
      const current: any[] = o.status?.currentMetrics ?? [];
      if (!metrics.length) return '<none>';
      return metrics.map((m, i) => {
        if (m.type !== 'Resource') return '<unknown>';
        const cur = current[i]?.resource?.current?.averageUtilization;
        return `${m.resource?.name}: ${cur !== undefined ? `${cur}%` : '<unknown>'}/${m.resource?.target?.averageUtilization ?? '?'}%`;
      }).join(', ');
    }),
    col('MinPods', 'string', 'Minimum number of replicas', (o) => String(o.spec?.minReplicas ?? 1)),
    col('MaxPods', 'integer', 'Maximum number of replicas', (o) => o.spec?.maxReplicas ?? 0),
    col('Replicas', 'integer', 'Current number of replicas', (o) => o.status?.currentReplicas ?? 0),
    AGE,
  ],
  'poddisruptionbudgets.policy': [
    NAME,
    col('Min Available', 'string', 'The minimum number of pods that must be available.', (o) => (o.spec?.minAvailable !== undefined ? String(o.spec.minAvailable) : 'N/A')),
    col('Max Unavailable', 'string', 'The maximum number of pods that may be unavailable.', (o) => (o.spec?.maxUnavailable !== undefined ? String(o.spec.maxUnavailable) : 'N/A')),
    col('Allowed Disruptions', 'integer', 'Calculated number of pods that may be disrupted at this time.', (o) => o.status?.disruptionsAllowed ?? 0),
    AGE,
  ],
  resourcequotas: [
    NAME,
    AGE,
    col('Request', 'string', 'Request represents a minimum amount of cpu/memory that a container may consume.', (o) => Object.entries(o.spec?.hard ?? {}).filter(([k]) => !k.startsWith('limits.')).map(([k, v]) => `${k}: ${o.status?.used?.[k] ?? '0'}/${v}`).join(', ')),
    col('Limit', 'string', 'Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node.', (o) => Object.entries(o.spec?.hard ?? {}).filter(([k]) => k.startsWith('limits.')).map(([k, v]) => `${k}: ${o.status?.used?.[k] ?? '0'}/${v}`).join(', ')),
  ],
  limitranges: [NAME, CREATED_AT],
  'roles.rbac.authorization.k8s.io': [NAME, CREATED_AT],
  'clusterroles.rbac.authorization.k8s.io': [NAME, CREATED_AT],
  'rolebindings.rbac.authorization.k8s.io': [
    NAME,
    col('Role', 'string', 'Role', (o) => `${o.roleRef?.kind ?? ''}/${o.roleRef?.name ?? ''}`),
    AGE,
    col('Users', 'string', 'Users in the roleBinding', (o) => bindingSubjects(o, 'User'), 1),
    col('Groups', 'string', 'Groups in the roleBinding', (o) => bindingSubjects(o, 'Group'), 1),
    col('ServiceAccounts', 'string', 'ServiceAccounts in the roleBinding', (o) => bindingSubjects(o, 'ServiceAccount'), 1),
  ],
  'customresourcedefinitions.apiextensions.k8s.io': [NAME, CREATED_AT],
  'leases.coordination.k8s.io': [NAME, col('Holder', 'string', 'The holder of the lease', (o) => o.spec?.holderIdentity ?? ''), AGE],
  'priorityclasses.scheduling.k8s.io': [
    NAME,
    col('Value', 'integer', 'The priority value', (o) => o.value ?? 0),
    col('Global-Default', 'boolean', 'Global default', (o) => !!o.globalDefault),
    AGE,
    col('PreemptionPolicy', 'string', 'Preemption policy', (o) => o.preemptionPolicy ?? 'PreemptLowerPriority'),
  ],
  'ingressclasses.networking.k8s.io': [
    NAME,
    col('Controller', 'string', 'Controller that is responsible for handling this class', (o) => o.spec?.controller ?? ''),
    col('Parameters', 'string', 'A reference to a resource with additional parameters', (o) => (o.spec?.parameters ? `${o.spec.parameters.kind}/${o.spec.parameters.name}` : '<none>')),
    AGE,
  ],
  'controllerrevisions.apps': [
    NAME,
    col('Controller', 'string', 'Controller of the object', (o) => { const r = (o.metadata?.ownerReferences ?? []).find((x: any) => x.controller); return r ? `${String(r.apiVersion).split('/')[0]}/${r.kind}/${r.name}`.replace(/^v1\//, '') : '<none>'; }),
    col('Revision', 'integer', 'The revision', (o) => o.revision ?? 0),
    AGE,
  ],
  replicationcontrollers: [
    NAME,
    col('Desired', 'integer', 'Number of desired pods.', (o) => o.spec?.replicas ?? 0),
    col('Current', 'integer', 'Number of actual replicas.', (o) => o.status?.replicas ?? 0),
    col('Ready', 'integer', 'The number of ready replicas.', (o) => o.status?.readyReplicas ?? 0),
    AGE,
  ],
};
printers['clusterrolebindings.rbac.authorization.k8s.io'] = printers['rolebindings.rbac.authorization.k8s.io'];
// autoscaling/v1 prints as v2 does (kube-apiserver prints every version from the internal one):
// the cells get the v1 object converted back, annotations carrying what v1 cannot say.
printers['horizontalpodautoscalers.v1.autoscaling'] = printers['horizontalpodautoscalers.autoscaling'].map((c) => ({ ...c, cell: (o: any) => c.cell(hpaV1ToV2(o)) }));
printers['events.events.k8s.io'] = [
  col('Last Seen', 'string', 'Time of the last occurrence', (o) => new Since(o.deprecatedLastTimestamp ?? o.eventTime ?? o.metadata?.creationTimestamp)),
  col('Type', 'string', 'Type of this event', (o) => o.type ?? ''),
  col('Reason', 'string', 'Reason', (o) => o.reason ?? ''),
  col('Object', 'string', 'The object this Event is about.', (o) => `${String(o.regarding?.kind ?? '').toLowerCase()}/${o.regarding?.name ?? ''}`),
  col('Message', 'string', 'Note', (o) => o.note ?? ''),
];

/** Evaluates a CRD printer column's simple JSONPath (`.spec.replicas`, `.status.conditions[0].type`, `.items[?(@.type=="Ready")].status`). */
export function evalJsonPath(o: any, path: string): unknown {
  let p = path.trim();
  if (p.startsWith('{') && p.endsWith('}')) p = p.slice(1, -1);
  if (p.startsWith('$')) p = p.slice(1);
  const tokens = p.match(/\.[^.[\]]+|\[[^\]]*\]/g) ?? [];
  let cur: any = o;
  for (const t of tokens) {
    if (cur === undefined || cur === null) return undefined;
    if (t.startsWith('.')) cur = cur[t.slice(1)];
    else {
      const inner = t.slice(1, -1);
      const filter = /^\?\(@\.([\w.-]+)\s*==\s*['"]?([^'"]*)['"]?\)$/.exec(inner);
      if (filter && Array.isArray(cur)) cur = cur.find((x) => String(evalJsonPath(x, `.${filter[1]}`)) === filter[2]);
      else if (/^-?\d+$/.test(inner) && Array.isArray(cur)) cur = cur[Number(inner) < 0 ? cur.length + Number(inner) : Number(inner)];
      else if (inner === '*') return cur;
      else cur = cur[inner.replace(/^['"]|['"]$/g, '')];
    }
  }
  return cur;
}

function crdColumns(pcs: PrinterColumn[]): Column[] {
  return [
    NAME,
    ...pcs.map((pc): Column => ({
      name: pc.name,
      type: pc.type,
      format: pc.format,
      description: pc.description ?? '',
      priority: pc.priority ?? 0,
      cell: (o) => {
        const v = evalJsonPath(o, pc.jsonPath);
        if (pc.type === 'date' && typeof v === 'string') return new Since(v);
        if (v === undefined || v === null) return null;
        return typeof v === 'object' ? JSON.stringify(v) : v;
      },
    })),
  ];
}

/** Columns for a resource type. */
export function columnsFor(rt: ResourceType): Column[] {
  if (rt.custom) return rt.printerColumns?.length ? crdColumns(rt.printerColumns) : [NAME, AGE];
  return printers[rt.key] ?? [NAME, CREATED_AT];
}
