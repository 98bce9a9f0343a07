/**
 * The parts of a Pod the streams read (wire JSON shape), and lookups that fail with the errors a
 * real API server and kubelet send. Kept here rather than imported from the controllers so the
 * streams depend only on the simulator core's contract (sim/types).
 */
import { ApiError, type KubeObject, type SimContext } from '../types';

export interface ContainerSpecView {
  name: string;
  image?: string;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  [key: string]: unknown;
}

export interface ContainerStateView {
  waiting?: { reason?: string; message?: string };
  running?: { startedAt?: string };
  terminated?: { exitCode: number; reason?: string; startedAt?: string; finishedAt?: string; containerID?: string };
}

export interface ContainerStatusView {
  name: string;
  image?: string;
  containerID?: string;
  restartCount?: number;
  ready?: boolean;
  state?: ContainerStateView;
  lastState?: ContainerStateView;
}

export interface PodView extends KubeObject {
  spec?: { containers?: ContainerSpecView[]; initContainers?: ContainerSpecView[]; nodeName?: string; [key: string]: unknown };
  status?: {
    phase?: string;
    podIP?: string;
    hostIP?: string;
    startTime?: string;
    containerStatuses?: ContainerStatusView[];
    initContainerStatuses?: ContainerStatusView[];
    [key: string]: unknown;
  };
}

/** The pod, or 404 `pods "x" not found` as the API server words it. */
export function getPod(ctx: SimContext, namespace: string, name: string): PodView {
  const stored = ctx.store.get('pods', namespace, name);
  if (!stored) throw new ApiError(404, 'NotFound', `pods "${name}" not found`, { name, kind: 'pods' });
  return stored.parse() as PodView;
}

export const badRequest = (message: string): ApiError => new ApiError(400, 'BadRequest', message);

/**
 * The container a log/exec request is for, defaulting like the API server does (the only
 * container, or the `kubectl.kubernetes.io/default-container` annotation), with its exact errors.
 */
export function resolveContainerName(pod: PodView, requested: string | null): string {
  const name = pod.metadata.name ?? '';
  const containers = pod.spec?.containers ?? [];
  const initContainers = pod.spec?.initContainers ?? [];
  if (requested) {
    if (![...containers, ...initContainers].some((c) => c.name === requested)) throw badRequest(`container ${requested} is not valid for pod ${name}`);
    return requested;
  }
  if (containers.length === 1) return containers[0].name;
  if (containers.length === 0) throw badRequest(`pod ${name} does not have a container`);
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  if (annotated && containers.some((c) => c.name === annotated)) return annotated;
  let message = `a container name must be specified for pod ${name}, choose one of: [${containers.map((c) => c.name).join(' ')}]`;
  if (initContainers.length > 0) message += ` or one of the init containers: [${initContainers.map((c) => c.name).join(' ')}]`;
  throw badRequest(message);
}

export function containerSpec(pod: PodView, container: string): ContainerSpecView | undefined {
  return [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].find((c) => c.name === container);
}

export function containerStatus(pod: PodView, container: string): ContainerStatusView | undefined {
  return [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])].find((c) => c.name === container);
}

/** Identity of the current instance of a container, or '' if it has none yet. */
export function currentIdentity(pod: PodView, status: ContainerStatusView | undefined): string {
  if (!status) return '';
  const state = status.state ?? {};
  if (state.running) return status.containerID || `${pod.metadata.uid}/${status.name}/${status.restartCount ?? 0}`;
  if (state.terminated) return state.terminated.containerID || status.containerID || `${pod.metadata.uid}/${status.name}/${status.restartCount ?? 0}`;
  return '';
}

/** Go's query-parameter bool conversion: present and not "0"/"false" means true. */
export function queryBool(query: URLSearchParams, key: string): boolean {
  const value = query.get(key);
  if (value === null) return false;
  return !(value === '0' || value.toLowerCase() === 'false');
}

/** Epoch ms of an RFC 3339 string; 0 when absent or malformed. */
export function epochMs(t: string | undefined): number {
  if (!t) return 0;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? 0 : ms;
}
