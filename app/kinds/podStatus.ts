/**
 * Pod status as kubectl prints it (pkg/printers/internalversion/printers.go, printPod):
 * the STATUS reason, READY count and RESTARTS, including init and sidecar containers.
 */
import type { KubeObject } from '../kube/object';
import { formatAge, toEpochMs } from '../format/age';

/* eslint-disable @typescript-eslint/no-explicit-any -- pod status is read defensively from plain JSON */

interface ContainerStatusLike {
  name: string;
  ready?: boolean;
  started?: boolean;
  restartCount?: number;
  state?: { waiting?: { reason?: string }; running?: object; terminated?: { reason?: string; exitCode?: number; signal?: number } };
  lastState?: { terminated?: { finishedAt?: string } };
}

function statuses(list: unknown): ContainerStatusLike[] {
  return Array.isArray(list) ? (list as ContainerStatusLike[]) : [];
}

function conditionTrue(pod: KubeObject, type: string): boolean {
  const conditions: any[] = Array.isArray(pod.status?.conditions) ? pod.status.conditions : [];
  return conditions.some((c) => c?.type === type && c?.status === 'True');
}

/** Init containers with restartPolicy Always are sidecars: they count as regular containers once started. */
function restartableInitNames(pod: KubeObject): Set<string> {
  const init: any[] = Array.isArray(pod.spec?.initContainers) ? pod.spec.initContainers : [];
  return new Set(init.filter((c) => c?.restartPolicy === 'Always').map((c) => c.name as string));
}

export interface PodSummary {
  /** STATUS column: the reason kubectl shows, e.g. "CrashLoopBackOff", "Init:1/3", "Completed". */
  reason: string;
  readyContainers: number;
  totalContainers: number;
  restarts: number;
  /** ISO time of the latest restart (last termination), when known. */
  lastRestartAt?: string;
}

/**
 * Computed once per pod object: READY, STATUS and RESTARTS columns, filters and sorting all ask
 * for it, over tens of thousands of rows. Watch objects are immutable (a change arrives as a new
 * object), so an object's summary never goes stale; the WeakMap lets dropped objects be collected.
 */
const summaries = new WeakMap<KubeObject, PodSummary>();

/** Everything kubectl's printPod derives from a pod (treated as immutable; results are cached per object). */
export function podSummary(pod: KubeObject): PodSummary {
  let summary = summaries.get(pod);
  if (!summary) {
    summary = computePodSummary(pod);
    summaries.set(pod, summary);
  }
  return summary;
}

function computePodSummary(pod: KubeObject): PodSummary {
  const initSpecs: any[] = Array.isArray(pod.spec?.initContainers) ? pod.spec.initContainers : [];
  const sidecars = restartableInitNames(pod);
  const containers: any[] = Array.isArray(pod.spec?.containers) ? pod.spec.containers : [];
  const totalContainers = containers.length + sidecars.size;
  let readyContainers = 0;
  let restarts = 0;
  let sidecarRestarts = 0;
  let lastRestart: number | undefined;
  let lastSidecarRestart: number | undefined;
  const later = (a: number | undefined, b: string | undefined) => {
    const t = toEpochMs(b);
    return t !== undefined && (a === undefined || t > a) ? t : a;
  };

  let reason: string = pod.status?.reason || pod.status?.phase || '';
  const conditions: any[] = Array.isArray(pod.status?.conditions) ? pod.status.conditions : [];
  if (conditions.some((c) => c?.type === 'PodScheduled' && c?.reason === 'SchedulingGated')) reason = 'SchedulingGated';

  let initializing = false;
  const initStatuses = statuses(pod.status?.initContainerStatuses);
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    const isSidecar = sidecars.has(c.name);
    restarts += c.restartCount ?? 0;
    lastRestart = later(lastRestart, c.lastState?.terminated?.finishedAt);
    if (isSidecar) {
      sidecarRestarts += c.restartCount ?? 0;
      lastSidecarRestart = later(lastSidecarRestart, c.lastState?.terminated?.finishedAt);
    }
    const terminated = c.state?.terminated;
    const waiting = c.state?.waiting;
    if (terminated && (terminated.exitCode ?? 0) === 0) continue;
    if (isSidecar && c.started) {
      if (c.ready) readyContainers++;
      continue;
    }
    if (terminated) {
      if (terminated.reason) reason = `Init:${terminated.reason}`;
      else if (terminated.signal) reason = `Init:Signal:${terminated.signal}`;
      else reason = `Init:ExitCode:${terminated.exitCode ?? 0}`;
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${initSpecs.length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || conditionTrue(pod, 'Initialized')) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const containerStatuses = statuses(pod.status?.containerStatuses);
    // kubectl walks containers from last to first, so the first container's reason wins.
    for (let i = containerStatuses.length - 1; i >= 0; i--) {
      const c = containerStatuses[i];
      restarts += c.restartCount ?? 0;
      lastRestart = later(lastRestart, c.lastState?.terminated?.finishedAt);
      const waiting = c.state?.waiting;
      const terminated = c.state?.terminated;
      if (waiting?.reason) reason = waiting.reason;
      else if (terminated?.reason) reason = terminated.reason;
      else if (terminated) reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode ?? 0}`;
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // A pod with a completed container and another still running is Running (or NotReady).
    if (reason === 'Completed' && hasRunning) reason = conditionTrue(pod, 'Ready') ? 'Running' : 'NotReady';
  }

  const phase = pod.status?.phase;
  if (pod.metadata.deletionTimestamp && pod.status?.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && phase !== 'Failed' && phase !== 'Succeeded') reason = 'Terminating';

  return {
    reason,
    readyContainers,
    totalContainers,
    restarts,
    lastRestartAt: lastRestart === undefined ? undefined : new Date(lastRestart).toISOString(),
  };
}

/** The STATUS column of a pod: "Running", "CrashLoopBackOff", "Init:0/2", "Terminating", … */
export function podStatusReason(pod: KubeObject): string {
  return podSummary(pod).reason;
}

/** The READY column of a pod: ready/total containers, e.g. "1/2". */
export function podReady(pod: KubeObject): string {
  const s = podSummary(pod);
  return `${s.readyContainers}/${s.totalContainers}`;
}

/** Restart count (of containers that count, as kubectl) and the time of the latest restart. */
export function podRestarts(pod: KubeObject): { count: number; lastRestartAt?: string } {
  const s = podSummary(pod);
  return { count: s.restarts, lastRestartAt: s.lastRestartAt };
}

/** The RESTARTS column as kubectl prints it: "0", or "3 (5m ago)" when the last restart is known. */
export function formatPodRestarts(pod: KubeObject, now: number): string {
  const { count, lastRestartAt } = podRestarts(pod);
  return count !== 0 && lastRestartAt ? `${count} (${formatAge(lastRestartAt, now)} ago)` : String(count);
}

/**
 * Reasons a pod is in that will not fix themselves by waiting: failed or crash-looping
 * containers, images that cannot be pulled, kills, evictions, lost nodes and kubelet
 * admission refusals. Transitions (Pending, ContainerCreating, PodInitializing, Init:1/3,
 * Terminating) are not problems: they would colour every rollout.
 */
const PROBLEM_REASONS = new Set([
  'Failed',
  'Unknown',
  'NotReady',
  'OOMKilled',
  'Evicted',
  'ContainerStatusUnknown',
  'ContainerCannotRun',
  'NodeLost',
  'DeadlineExceeded',
  'UnexpectedAdmissionError',
  'RegistryUnavailable',
]);

/**
 * Whether a STATUS reason (podStatusReason, as kubectl's printPod prints it) means "something is
 * wrong" at a glance: the list colours it. Besides the names above, the kubelet's waiting reasons
 * for errors end in Error or BackOff or start with Err (CreateContainerConfigError,
 * ImagePullBackOff, ErrImageNeverPull, …) and admission refusals start with OutOf (OutOfcpu).
 */
export function isPodProblemReason(reason: string): boolean {
  // An init container's own reason; only the progress count ("Init:1/3") is normal.
  if (reason.startsWith('Init:')) return !/^Init:\d+\/\d+$/.test(reason);
  // A container that ended without a reason: by signal, or with its exit code (0 is success).
  if (reason.startsWith('Signal:')) return true;
  if (reason.startsWith('ExitCode:')) return reason !== 'ExitCode:0';
  return PROBLEM_REASONS.has(reason) || /Error$|BackOff$|^Err|^OutOf|^Invalid/.test(reason);
}
