/**
 * Where a forwarded port lands in a simulated pod, and the errors the API server, kubelet and
 * containerd give when it lands nowhere.
 */
import { createHash } from 'node:crypto';
import { ApiError } from '../../types';
import { badRequest, containerStatus, type PodView } from '../pods';
import type { PortTarget } from './responder';

interface ContainerPortView {
  containerPort?: number;
  name?: string;
  protocol?: string;
}

/**
 * The pre-upgrade checks: the API server refuses pods without a node; the kubelet knows only
 * pods whose sandbox runs (Running), anything else is `pod not found ("<name>_<namespace>")`.
 */
export function checkForwardable(pod: PodView, namespace: string, name: string): void {
  if (!pod.spec?.nodeName) throw badRequest(`pod ${name} does not have a host assigned`);
  if (pod.status?.phase !== 'Running') throw new ApiError(500, 'InternalError', `unable to upgrade connection: pod not found ("${name}_${namespace}")`);
}

/** containerd's sandbox id for a pod: 64 hex digits, stable for the pod's uid. */
export function sandboxId(pod: PodView): string {
  return createHash('sha256').update(`sandbox/${pod.metadata.uid ?? pod.metadata.name ?? ''}`).digest('hex');
}

function netnsPath(pod: PodView): string {
  const h = createHash('sha256').update(`netns/${pod.metadata.uid ?? ''}`).digest('hex');
  return `/var/run/netns/cni-${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/**
 * The running container that declares TCP `port` (containers share the pod's network namespace,
 * so any container's port is reachable), or undefined when nothing would be listening there: an
 * undeclared port, or one whose container is not running (crash-looping, waiting).
 */
export function findTarget(pod: PodView, port: number): PortTarget | undefined {
  for (const container of pod.spec?.containers ?? []) {
    const ports = (container.ports as ContainerPortView[] | undefined) ?? [];
    const hit = ports.find((p) => p.containerPort === port && (p.protocol ?? 'TCP') === 'TCP');
    if (hit && containerStatus(pod, container.name)?.state?.running) {
      return { namespace: pod.metadata.namespace ?? '', pod: pod.metadata.name ?? '', podIP: pod.status?.podIP, container: container.name, port, portName: hit.name };
    }
  }
  return undefined;
}

/**
 * The kubelet's message for a port nothing listens on, with containerd's wording
 * (`error forwarding port P to pod <sandbox>, uid : failed to execute portforward in network
 * namespace …: connect: connection refused …`). The kubelet passes an empty uid with CRI runtimes.
 */
export function refusedMessage(pod: PodView, port: number): string {
  const id = sandboxId(pod);
  return (
    `error forwarding port ${port} to pod ${id}, uid : failed to execute portforward in network namespace "${netnsPath(pod)}": ` +
    `failed to connect to localhost:${port} inside namespace "${id}", IPv4: dial tcp4 127.0.0.1:${port}: connect: connection refused ` +
    `IPv6 dial tcp6: address localhost: no suitable address found`
  );
}

/** The kubelet's message when the pod's sandbox went away while the session was open. */
export function sandboxGoneMessage(pod: PodView, port: number): string {
  const id = sandboxId(pod);
  return `error forwarding port ${port} to pod ${id}, uid : failed to get sandbox "${id}": an error occurred when try to find sandbox: not found`;
}

/** Ports of a WebSocket (v4.channel.k8s.io) request: `ports=8080,9090&ports=…`, kubelet's checks. */
export function parsePortsQuery(values: string[]): number[] {
  if (values.length === 0) throw badRequest('query parameter "port" is required');
  const ports: number[] = [];
  for (const value of values) {
    if (value === '') throw badRequest('query parameter "port" cannot be empty');
    for (const p of value.split(',')) {
      const port = /^\d+$/.test(p) ? Number(p) : NaN;
      if (!Number.isInteger(port) || port > 65535) throw badRequest(`unable to parse "${value}" as a port: strconv.ParseUint: parsing "${p}": ${/^\d+$/.test(p) ? 'value out of range' : 'invalid syntax'}`);
      if (port < 1) throw badRequest(`port "${value}" must be > 0`);
      ports.push(port);
    }
  }
  return ports;
}
